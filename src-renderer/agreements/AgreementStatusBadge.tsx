import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Agreement } from '../../src-main/contract';
import { formatDate } from '../format';

const colors: Record<Agreement['status'], string> = { active: 'teal', closed: 'gray', terminated: 'red' };

/** The agreement's status; an active one past its end date reads « Échue ». */
export function AgreementStatusBadge({
  agreement,
}: {
  agreement: Pick<Agreement, 'status' | 'expired' | 'endOn'>;
}) {
  const { t } = useTranslation();
  if (agreement.expired) {
    return (
      <Tooltip label={t('agreements.expiredTitle', { date: formatDate(agreement.endOn) })} multiline w={260}>
        <Badge variant="light" color="orange" tabIndex={0}>
          {t('agreements.expired')}
        </Badge>
      </Tooltip>
    );
  }
  return (
    <Badge variant="light" color={colors[agreement.status]}>
      {t(`agreements.status.${agreement.status}`)}
    </Badge>
  );
}
