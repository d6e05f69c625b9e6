import { Alert, Button, Group, Modal, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconArrowUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, type BackupSummary } from '../../src-main/contract';
import { formatNumber, formatSize } from '../format';

/** What a backup holds, shown before the user agrees to replace the current data with it. */
export function RestoreModal({
  summary,
  loading,
  onConfirm,
  onClose,
}: {
  summary: BackupSummary | null;
  loading: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const unknown = t('backups.unknownVersion');
  return (
    <Modal opened={summary !== null} onClose={onClose} title={t('backups.confirmTitle')} size="lg" centered>
      {summary && (
        <Stack>
          <Text fw={600}>{t('backups.contains')}</Text>
          <Table variant="vertical" withTableBorder data-testid="restore-summary">
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w={220}>{t('backups.madeOn')}</Table.Th>
                <Table.Td>{formatDateTime(summary.createdAt)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('backups.appVersion')}</Table.Th>
                <Table.Td>{summary.appVersion ?? unknown}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('backups.schemaVersion')}</Table.Th>
                <Table.Td>{summary.schemaVersion ?? unknown}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('backups.fields.size')}</Table.Th>
                <Table.Td>{formatSize(summary.size)}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
          <SimpleGrid cols={4} spacing="xs">
            {(['organisations', 'participants', 'sessions', 'documents'] as const).map((key) => (
              <Stack key={key} gap={0} align="center" p="xs" bg="gray.0" style={{ borderRadius: 8 }}>
                <Text size="xl" fw={700} data-testid={`restore-count-${key}`}>
                  {formatNumber(summary.counts[key])}
                </Text>
                <Text size="xs" c="dimmed">
                  {t(`backups.counts.${key}`)}
                </Text>
              </Stack>
            ))}
          </SimpleGrid>
          {summary.upgraded && (
            <Alert color="blue" icon={<IconArrowUp size={18} />}>
              {t('backups.upgraded')}
            </Alert>
          )}
          <Alert color="orange" icon={<IconAlertTriangle size={18} />}>
            {t('backups.replaceWarning')}
          </Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={loading}>
              {t('common.cancel')}
            </Button>
            <Button color="red" onClick={onConfirm} loading={loading}>
              {t('backups.confirm')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
