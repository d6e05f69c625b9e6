import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Agreement } from '../../src-main/contract';

const colors: Record<Agreement['status'], string> = { active: 'teal', closed: 'gray', terminated: 'red' };

export function AgreementStatusBadge({ status }: { status: Agreement['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={colors[status]}>
      {t(`agreement.status.${status}`)}
    </Badge>
  );
}
