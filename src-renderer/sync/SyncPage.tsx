import {
  Alert,
  Anchor,
  Button,
  Code,
  FileButton,
  Group,
  Modal,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { IconFileExport, IconFileImport, IconRefresh, IconUsb } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  formatDateTime,
  type SyncNowOutput,
  type SyncReport,
  type SyncStatus,
} from '../../src-main/contract';
import { useCall, useMutate } from '../api/hooks';
import { useCan } from '../auth/session';
import { DataTable, type Column } from '../components/DataTable';
import { readDocument } from '../components/documents';
import { FormButtons } from '../components/FormModal';
import { errorsOf, notifySaved } from '../components/forms';
import { PageHeader } from '../components/PageHeader';
import { QueryState } from '../components/QueryState';
import { saveFile } from '../components/saveFile';
import { TitledCard } from '../components/TitledCard';
import { useLongCall } from '../components/useLongCall';
import { WorkProgress } from '../components/WorkProgress';

type Peer = SyncStatus['peers'][number];
type Exchange = SyncStatus['exchanges'][number];

/**
 * Synchronisation: this installation's role and state, the files that carry each side's writes to
 * the other (« Exporter mes modifications » on a laptop; at headquarters one file per laptop, and
 * the answer to each file received), and, at headquarters, the laptops enrolled.
 */
export function SyncPage() {
  const { t } = useTranslation();
  const status = useCall('sync.status', {});
  const exportFile = useMutate('sync.exportFile');
  const importFile = useMutate('sync.importFile');
  const [report, setReport] = useState<SyncReport | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const canDecide = useCan('sync.conflicts');

  const write = async (device?: string) => {
    setRefusal(null);
    try {
      if (await saveFile(await exportFile.mutateAsync(device ? { device } : {})))
        notifySaved(t('sync.exported'));
    } catch (e) {
      setRefusal((e as Error).message);
    }
  };

  const read = async (file: File | null) => {
    if (!file) return;
    setRefusal(null);
    setReport(null);
    try {
      const { contentBase64 } = await readDocument(file);
      setReport(await importFile.mutateAsync({ file: { name: file.name, contentBase64 } }));
    } catch (e) {
      setRefusal((e as Error).message);
    }
  };

  return (
    <QueryState query={status}>
      {(s) => (
        <Stack gap="md">
          <PageHeader title={t('sync.title')} subtitle={t('sync.subtitle')}>
            <Group gap="sm">
              {s.role === 'field' && (
                <Button
                  leftSection={<IconFileExport size={16} />}
                  loading={exportFile.isPending}
                  onClick={() => void write()}
                >
                  {t('sync.exportMine')}
                </Button>
              )}
              <FileButton onChange={(f) => void read(f)} accept=".parcours-sync">
                {(props) => (
                  <Button
                    {...props}
                    variant="default"
                    leftSection={<IconFileImport size={16} />}
                    loading={importFile.isPending}
                  >
                    {t('sync.importFile')}
                  </Button>
                )}
              </FileButton>
            </Group>
          </PageHeader>

          {refusal && (
            <Alert color="red" withCloseButton onClose={() => setRefusal(null)}>
              {refusal}
            </Alert>
          )}
          {report && <ReportAlert report={report} onClose={() => setReport(null)} />}

          <TitledCard title={t('sync.thisInstallation')} component="section">
            <Stack gap={4}>
              <Text fw={600}>{t(`sync.roles.${s.role}`)}</Text>
              <Text size="sm">{t('sync.changes', { count: s.changes })}</Text>
              {s.pending !== null && <Text size="sm">{t('sync.pending', { count: s.pending })}</Text>}
              <Text size="sm">
                {s.conflicts ? t('sync.conflicts', { count: s.conflicts }) : t('sync.noConflict')}
              </Text>
              {s.quarantined > 0 && <Text size="sm">{t('sync.quarantined', { count: s.quarantined })}</Text>}
              {(s.conflicts > 0 || s.quarantined > 0) && canDecide && (
                <Anchor component={Link} to="/synchronisation/conflits" size="sm">
                  {t('sync.conflictsLink')}
                </Anchor>
              )}
              {s.gaps.length > 0 && (
                <Text size="sm" c="red">
                  {t('sync.gaps')} : {s.gaps.map((g) => g.message).join(', ')}
                </Text>
              )}
            </Stack>
          </TitledCard>

          {s.role === 'field' && <NetworkCard url={s.headquartersUrl} interrupted={s.interruptedTransfer} />}

          {s.role === 'headquarters' && (
            <>
              <Laptops
                peers={s.peers.filter((p) => !p.headquarters)}
                onWrite={(device) => void write(device)}
              />
              <EnrolCard />
              <MinVersionCard appVersion={s.appVersion} minAppVersion={s.minAppVersion} />
            </>
          )}

          <History exchanges={s.exchanges} peers={s.peers} />
        </Stack>
      )}
    </QueryState>
  );
}

/** On a laptop: headquarters' address, and « Synchroniser maintenant » with what each side received. */
function NetworkCard({ url, interrupted }: { url: string | null; interrupted: number | null }) {
  const { t } = useTranslation();
  const setUrl = useMutate('sync.setHeadquartersUrl');
  const syncNow = useLongCall('sync.syncNow', { refresh: true });
  const client = useQueryClient();
  const [address, setAddress] = useState(url ?? '');
  const [errors, setErrors] = useState<{ url?: string; form?: string }>({});
  const [done, setDone] = useState<SyncNowOutput | null>(null);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    try {
      await setUrl.mutateAsync({ url: address.trim() || null });
      notifySaved(t('sync.network.urlSaved'));
    } catch (e) {
      setErrors(errorsOf(e, 'url'));
    }
  };

  const exchange = async () => {
    setErrors({});
    setDone(null);
    try {
      setDone(await syncNow.run({}));
    } catch (e) {
      setErrors({ form: (e as Error).message });
      // What was sent before the cut is kept: the page says so.
      await client.invalidateQueries();
    }
  };

  return (
    <TitledCard title={t('sync.network.title')} component="section" aria-label={t('sync.network.title')}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('sync.network.hint')}
        </Text>
        {errors.form && (
          <Alert color="red" withCloseButton onClose={() => setErrors({})}>
            {errors.form}
          </Alert>
        )}
        {interrupted !== null && !done && (
          <Alert color="orange">
            {t('sync.network.interrupted', { size: Math.ceil(interrupted / 1024) })}
          </Alert>
        )}
        {done && (
          <Alert
            color={done.sent.conflicts || done.received.gaps.length ? 'orange' : 'teal'}
            title={t('sync.network.done')}
            withCloseButton
            onClose={() => setDone(null)}
          >
            <Text size="sm">
              {t('sync.network.sent')} : {done.sent.summary}
            </Text>
            <Text size="sm">
              {t('sync.network.back')} : {done.received.summary}
            </Text>
          </Alert>
        )}
        <form onSubmit={(e) => void save(e)}>
          <Group align="flex-end" gap="sm">
            <TextInput
              label={t('sync.network.url')}
              placeholder={t('sync.network.urlPlaceholder')}
              value={address}
              onChange={(e) => setAddress(e.currentTarget.value)}
              error={errors.url}
              w={320}
            />
            <Button type="submit" variant="default" loading={setUrl.isPending}>
              {t('sync.network.saveUrl')}
            </Button>
            <Button
              leftSection={<IconRefresh size={16} />}
              loading={syncNow.pending}
              disabled={!url}
              onClick={() => void exchange()}
            >
              {t('sync.network.now')}
            </Button>
          </Group>
        </form>
      </Stack>
      <WorkProgress work={syncNow.work} label={t('progress.work.sync')} />
    </TitledCard>
  );
}

function ReportAlert({ report, onClose }: { report: SyncReport; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      color={report.conflicts || report.gaps.length ? 'orange' : 'teal'}
      title={t('sync.received')}
      withCloseButton
      onClose={onClose}
    >
      <Stack gap="xs">
        <Text size="sm">{report.summary}</Text>
        {report.reply && (
          <Group gap="sm">
            <Button
              size="xs"
              leftSection={<IconUsb size={14} />}
              onClick={() => void saveFile(report.reply!)}
            >
              {t('sync.saveReply')}
            </Button>
            <Text size="xs">{t('sync.replyHint')}</Text>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}

/** At headquarters: the oldest Parcours whose laptops' files it applies. */
function MinVersionCard({ appVersion, minAppVersion }: { appVersion: string; minAppVersion: string | null }) {
  const { t } = useTranslation();
  const allowed = useCan('sync.setMinAppVersion');
  const setVersion = useMutate('sync.setMinAppVersion');
  const [version, setTyped] = useState(minAppVersion ?? '');
  const [errors, setErrors] = useState<{ version?: string; form?: string }>({});
  if (!allowed) return null;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    try {
      // Only an empty field means « every version »: anything typed goes to the core as typed.
      await setVersion.mutateAsync({ version: version === '' ? null : version });
      notifySaved(t('sync.minVersion.saved'));
    } catch (e) {
      setErrors(errorsOf(e, 'version'));
    }
  };

  return (
    <TitledCard
      title={t('sync.minVersion.title')}
      component="section"
      aria-label={t('sync.minVersion.title')}
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('sync.minVersion.hint', { version: appVersion })}
        </Text>
        <Text size="sm">
          {minAppVersion
            ? t('sync.minVersion.current', { version: minAppVersion })
            : t('sync.minVersion.none')}
        </Text>
        {errors.form && (
          <Alert color="red" withCloseButton onClose={() => setErrors({})}>
            {errors.form}
          </Alert>
        )}
        <form onSubmit={(e) => void save(e)}>
          <Group align="flex-start" gap="sm">
            <TextInput
              label={t('sync.minVersion.label')}
              placeholder={t('sync.minVersion.placeholder', { version: appVersion })}
              value={version}
              onChange={(e) => setTyped(e.currentTarget.value)}
              error={errors.version}
              w={320}
            />
            <Button type="submit" variant="default" mt={24} loading={setVersion.isPending}>
              {t('sync.minVersion.save')}
            </Button>
          </Group>
        </form>
      </Stack>
    </TitledCard>
  );
}

/** This installation's latest exchanges, newest first: with whom, which way, by file or network. */
function History({ exchanges, peers }: { exchanges: Exchange[]; peers: Peer[] }) {
  const { t } = useTranslation();
  const name = (device: string) => {
    const peer = peers.find((p) => p.device === device);
    return !peer ? device : peer.headquarters ? t('sync.history.headquarters') : peer.label;
  };
  const columns: Column<Exchange>[] = [
    { id: 'at', header: t('sync.history.at'), nowrap: true, cell: (e) => formatDateTime(e.at) },
    { id: 'peer', header: t('sync.history.peer'), cell: (e) => name(e.peer) },
    {
      id: 'direction',
      header: t('sync.history.direction'),
      cell: (e) => `${t(`sync.history.${e.direction}`)} (${t(`sync.history.${e.via}`)})`,
    },
    {
      id: 'number',
      header: t('sync.history.number'),
      cell: (e) => t('sync.batchNumber', { number: e.number }),
    },
    { id: 'changes', header: t('sync.history.changes'), align: 'right', cell: (e) => e.changes },
    { id: 'summary', header: t('sync.history.summary'), cell: (e) => e.summary ?? '' },
  ];
  return (
    <TitledCard title={t('sync.history.title')} component="section" aria-label={t('sync.history.title')}>
      <DataTable
        label={t('sync.history.title')}
        testId="exchanges-table"
        columns={columns}
        rows={exchanges}
        rowKey={(e) => String(e.id)}
        empty={t('sync.history.empty')}
      />
    </TitledCard>
  );
}

function Laptops({ peers, onWrite }: { peers: Peer[]; onWrite: (device: string) => void }) {
  const { t } = useTranslation();
  const number = (n: number) => (n ? t('sync.batchNumber', { number: n }) : t('sync.never'));
  const columns: Column<Peer>[] = [
    { id: 'label', header: t('sync.fields.label'), cell: (p) => p.label },
    {
      id: 'enrolledAt',
      header: t('sync.fields.enrolledAt'),
      nowrap: true,
      cell: (p) => formatDateTime(p.enrolledAt),
    },
    { id: 'received', header: t('sync.fields.lastReceived'), cell: (p) => number(p.lastBatchReceived) },
    { id: 'sent', header: t('sync.fields.lastSent'), cell: (p) => number(p.lastBatchSent) },
    {
      id: 'lastExchange',
      header: t('sync.fields.lastExchange'),
      nowrap: true,
      cell: (p) => (p.lastExchangeAt ? formatDateTime(p.lastExchangeAt) : t('sync.never')),
    },
    {
      id: 'write',
      header: null,
      align: 'right',
      cell: (p) => (
        <Button
          size="xs"
          variant="subtle"
          aria-label={`${t('sync.writeFor')} : ${p.label}`}
          onClick={() => onWrite(p.device)}
        >
          {t('sync.writeFor')}
        </Button>
      ),
    },
  ];
  return (
    <TitledCard title={t('sync.laptops')} component="section">
      <DataTable
        label={t('sync.laptops')}
        testId="laptops-table"
        columns={columns}
        rows={peers}
        rowKey={(p) => p.device}
        empty={t('sync.noLaptop')}
      />
    </TitledCard>
  );
}

function EnrolCard() {
  const { t } = useTranslation();
  const allowed = useCan('sync.enrolLaptop');
  const users = useCall('users.list', { page: 1, pageSize: 100 }, { enabled: allowed });
  const enrol = useMutate('sync.enrolLaptop');
  const [userId, setUserId] = useState<string | null>(null);
  const [label, setLabel] = useState('');
  const [code, setCode] = useState<string | null>(null);
  // A field's refusal beside its field; any other (the account gone meanwhile) above the form.
  const [errors, setErrors] = useState<{ userId?: string; label?: string; form?: string }>({});
  if (!allowed) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    if (!userId) return setErrors({ userId: t('sync.accountPlaceholder') });
    try {
      const enrolled = await enrol.mutateAsync({ userId, label });
      await saveFile(enrolled.file);
      notifySaved(t('sync.enrolled'));
      setCode(enrolled.code);
      setLabel('');
      setUserId(null);
    } catch (e) {
      setErrors(errorsOf(e, 'label'));
    }
  };

  return (
    <TitledCard title={t('sync.enrol')} component="section">
      <form onSubmit={(e) => void submit(e)}>
        <Stack gap="sm" maw={520}>
          <Text size="sm" c="dimmed">
            {t('sync.enrolHint')}
          </Text>
          {errors.form && <Alert color="red">{errors.form}</Alert>}
          <Select
            label={t('sync.fields.account')}
            placeholder={t('sync.accountPlaceholder')}
            data={(users.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.name} (${u.login})` }))}
            value={userId}
            onChange={setUserId}
            error={errors.userId}
            required
          />
          <TextInput
            label={t('sync.fields.label')}
            placeholder={t('sync.labelPlaceholder')}
            value={label}
            onChange={(e) => setLabel(e.currentTarget.value)}
            error={errors.label}
            required
          />
          <FormButtons
            pending={enrol.isPending}
            submitLabel={t('sync.enrol')}
            onCancel={() => setLabel('')}
          />
        </Stack>
      </form>
      <Modal opened={code !== null} onClose={() => setCode(null)} title={t('sync.codeTitle')}>
        <Stack gap="sm">
          <Code block fz="xl" ta="center" data-testid="enrolment-code">
            {code}
          </Code>
          <Text size="sm">{t('sync.codeHint')}</Text>
        </Stack>
      </Modal>
    </TitledCard>
  );
}
