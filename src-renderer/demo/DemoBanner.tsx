import { Alert, Button, Group, Text } from '@mantine/core';
import { IconFlask, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCall } from '../api/hooks';
import { useLongCall } from '../components/useLongCall';
import { WorkProgress } from '../components/WorkProgress';
import { ConfirmModal } from '../components/ConfirmModal';
import { notifySaved, showCallError } from '../components/forms';
import { formatDate, formatNumber } from '../format';

/** While the demonstration programme is in the database: says so, and removes it on request. */
export function DemoBanner() {
  const { t } = useTranslation();
  const status = useCall('demo.status', {});
  const remove = useLongCall('demo.remove', { refresh: true });
  const [confirming, setConfirming] = useState(false);
  if (!status.data?.loaded) return null;

  const confirm = () =>
    remove.run({}).then(
      (r) => {
        setConfirming(false);
        notifySaved(
          [
            t('demo.removed', { count: r.removed, formatted: formatNumber(r.removed) }),
            r.addedSince > 0 ? t('demo.addedSince', { count: r.addedSince }) : '',
          ]
            .filter(Boolean)
            .join(' '),
        );
      },
      (error: Error) => {
        setConfirming(false);
        showCallError(error);
      },
    );

  return (
    <>
      <Alert
        color="yellow"
        variant="light"
        icon={<IconFlask size={20} />}
        title={t('demo.bannerTitle')}
        data-testid="demo-banner"
        py="xs"
      >
        <Group justify="space-between" gap="sm">
          <Text size="sm">{t('demo.bannerText', { date: formatDate(status.data.loadedAt) })}</Text>
          <Button
            variant="default"
            size="xs"
            leftSection={<IconTrash size={14} />}
            onClick={() => setConfirming(true)}
          >
            {t('demo.remove')}
          </Button>
        </Group>
      </Alert>
      <WorkProgress work={remove.work} label={t('progress.work.demoRemove')} />
      <ConfirmModal
        opened={confirming}
        title={t('demo.removeTitle')}
        text={t('demo.removeText', { records: formatNumber(status.data.records) })}
        confirmLabel={t('demo.remove')}
        loading={remove.pending}
        onConfirm={confirm}
        onClose={() => setConfirming(false)}
      />
    </>
  );
}
