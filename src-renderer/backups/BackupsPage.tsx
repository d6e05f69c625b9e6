import { Alert, Badge, Button, FileButton, Group, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconDatabaseExport, IconDeviceFloppy, IconRestore, IconUsb } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  formatDateTime,
  MAX_ARCHIVE_BYTES,
  type Backup,
  type BackupSummary,
  type RestoreSource,
} from '../../src-main/contract';
import { ApiError } from '../api/client';
import { useCall } from '../api/hooks';
import { readDocument } from '../components/documents';
import { notifySaved } from '../components/forms';
import { DataTable, type Column } from '../components/DataTable';
import { QueryState } from '../components/QueryState';
import { saveFile } from '../components/saveFile';
import { useLongCall } from '../components/useLongCall';
import { WorkProgress } from '../components/WorkProgress';
import { formatSize } from '../format';
import { translateIssue } from '../i18n';
import { RestoreModal } from './RestoreModal';

/** The core's refusal in words: the first field issue translated, or its message. */
const refusalOf = (error: unknown) => {
  const issue = error instanceof ApiError ? error.body.issues?.[0] : undefined;
  return issue ? translateIssue(issue.message, issue.params) : (error as Error).message;
};

/**
 * Backups: the verified copies kept on this computer, a backup now, an archive to carry away on a
 * USB key, and restoring either (after showing what it holds).
 */
export function BackupsPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const list = useCall('backups.list', { page, pageSize: 20 });
  const create = useLongCall('backups.create', { refresh: true });
  const restore = useLongCall('backups.restore', { refresh: true });
  const exporting = useLongCall('backups.exportArchive');
  const inspectingArchive = useLongCall('backups.inspectArchive');
  const inspectingBackup = useLongCall('backups.inspect');
  // What is being checked: 'file' for a chosen archive, or the id of a listed backup.
  const [checking, setChecking] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [pending, setPending] = useState<{ source: RestoreSource; summary: BackupSummary } | null>(null);

  const backUpNow = () => {
    setRefusal(null);
    create.run({}).then(
      () => notifySaved(t('backups.created')),
      (e: unknown) => setRefusal(refusalOf(e)),
    );
  };

  const exportArchive = async () => {
    setRefusal(null);
    try {
      if (await saveFile(await exporting.run({}))) notifySaved(t('backups.exported'));
    } catch (e) {
      setRefusal(refusalOf(e));
    }
  };

  const inspect = async (what: string, look: () => Promise<NonNullable<typeof pending>>) => {
    setRefusal(null);
    setChecking(what);
    try {
      setPending(await look());
    } catch (e) {
      setRefusal(refusalOf(e));
    } finally {
      setChecking(null);
    }
  };

  const chooseArchive = (file: File | null) => {
    if (!file) return;
    if (file.size > MAX_ARCHIVE_BYTES) {
      setRefusal(t('backups.tooLarge', { size: formatSize(file.size), max: formatSize(MAX_ARCHIVE_BYTES) }));
      return;
    }
    void inspect('file', async () => {
      const { contentBase64 } = await readDocument(file);
      const { token, summary } = await inspectingArchive.run({ archiveBase64: contentBase64 });
      return { source: { from: 'archive', token }, summary };
    });
  };

  const chooseBackup = (backup: Backup) =>
    void inspect(backup.id, async () => ({
      source: { from: 'backup', id: backup.id },
      summary: await inspectingBackup.run({ id: backup.id }),
    }));

  const confirmRestore = () => {
    if (!pending) return;
    restore.run({ source: pending.source }).then(
      ({ restored }) => {
        setPending(null);
        setPage(1);
        notifySaved(t('backups.restored', { date: formatDateTime(restored.createdAt) }));
      },
      (e: unknown) => {
        setPending(null);
        setRefusal(refusalOf(e));
      },
    );
  };

  const columns: Column<Backup>[] = [
    {
      id: 'date',
      header: t('backups.fields.date'),
      nowrap: true,
      cell: (backup) => formatDateTime(backup.createdAt),
    },
    { id: 'kind', header: t('backups.fields.kind'), cell: (backup) => t(`backups.kind.${backup.kind}`) },
    {
      id: 'size',
      header: t('backups.fields.size'),
      align: 'right',
      nowrap: true,
      cell: (backup) => formatSize(backup.size),
    },
    {
      id: 'version',
      header: t('backups.fields.version'),
      cell: (backup) => backup.appVersion ?? t('common.none'),
    },
    {
      id: 'status',
      header: t('backups.fields.status'),
      cell: (backup) =>
        backup.status === 'verified' ? (
          <Badge color="teal" variant="light">
            {t('backups.status.verified')}
          </Badge>
        ) : (
          <Tooltip label={t('backups.damagedHint')} multiline w={280}>
            <Badge color="red" variant="light">
              {t('backups.status.damaged')}
            </Badge>
          </Tooltip>
        ),
    },
    {
      id: 'restore',
      header: null,
      align: 'right',
      cell: (backup) =>
        backup.status === 'verified' && (
          <Button
            size="xs"
            variant="subtle"
            leftSection={<IconRestore size={14} />}
            aria-label={t('backups.restoreOne', { date: formatDateTime(backup.createdAt) })}
            loading={checking === backup.id}
            onClick={() => chooseBackup(backup)}
          >
            {t('backups.restore')}
          </Button>
        ),
    },
  ];

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('backups.title')}</Title>
          <Text c="dimmed" size="sm" maw={720}>
            {t('backups.subtitle')}
          </Text>
        </div>
        <Group gap="sm">
          <Button leftSection={<IconDeviceFloppy size={16} />} onClick={backUpNow} loading={create.pending}>
            {t('backups.backupNow')}
          </Button>
          <Button
            variant="light"
            leftSection={<IconDatabaseExport size={16} />}
            onClick={() => void exportArchive()}
            loading={exporting.pending}
          >
            {t('backups.export')}
          </Button>
          <FileButton onChange={chooseArchive} accept=".parcours">
            {(props) => (
              <Button
                {...props}
                variant="default"
                leftSection={<IconRestore size={16} />}
                loading={checking === 'file'}
              >
                {t('backups.restoreFile')}
              </Button>
            )}
          </FileButton>
        </Group>
      </Group>

      {refusal && (
        <Alert color="red" title={t('backups.refusedTitle')} withCloseButton onClose={() => setRefusal(null)}>
          {refusal}
        </Alert>
      )}

      <Alert color="blue" icon={<IconUsb size={18} />} title={t('backups.carryTitle')}>
        {t('backups.carryText')}
      </Alert>

      <QueryState query={list}>
        {(data) => (
          <Paper withBorder p="md">
            <DataTable
              label={t('backups.title')}
              testId="backups-table"
              columns={columns}
              list={data}
              empty={t('backups.empty')}
              onPage={setPage}
              minWidth={760}
              verticalSpacing="sm"
            />
            <Stack gap={2} mt="sm">
              <Text size="xs" c="dimmed">
                {data.lastAutomaticAt
                  ? t('backups.lastAutomatic', { date: formatDateTime(data.lastAutomaticAt) })
                  : t('backups.noAutomatic')}
              </Text>
              <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
                {t('backups.folder', { folder: data.folder })}
              </Text>
            </Stack>
          </Paper>
        )}
      </QueryState>

      <WorkProgress work={create.work} label={t('progress.work.backup')} />
      <WorkProgress work={exporting.work} label={t('progress.work.export')} />
      <WorkProgress
        work={inspectingArchive.work ?? inspectingBackup.work}
        label={t('progress.work.inspect')}
      />
      <WorkProgress work={restore.work} label={t('progress.work.restore')} />
      <RestoreModal
        summary={pending?.summary ?? null}
        loading={restore.pending}
        onConfirm={confirmRestore}
        onClose={() => setPending(null)}
      />
    </Stack>
  );
}
