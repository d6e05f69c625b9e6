import { Alert, Badge, Button, Card, Group, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, type SyncConflict, type SyncQuarantined } from '../../src-main/contract';
import { useCall, useMutate } from '../api/hooks';
import { useCan } from '../auth/session';
import { DataTable, type Column } from '../components/DataTable';
import { EmptyLine } from '../components/EmptyState';
import { errorsOf, notifySaved } from '../components/forms';
import { PageHeader } from '../components/PageHeader';
import { QueryState } from '../components/QueryState';
import { TitledCard } from '../components/TitledCard';
import { formatNumber } from '../format';

type Value = SyncConflict['versions'][number]['value'];
const OTHER = 'other';

/** Names of the tables and columns a person meets in a conflict; any other shows as it is stored. */
function useNames() {
  const { t } = useTranslation();
  return {
    table: (table: string) => t(`sync.tables.${table}`, { defaultValue: table }),
    field: (field: string) => t(`sync.columns.${field}`, { defaultValue: field }),
    /** Who wrote a value, where and when. */
    by: (v: SyncConflict['versions'][number]) =>
      t('sync.conflictsPage.by', { author: v.author, device: v.device, at: formatDateTime(v.at) }),
    value: (value: Value) =>
      value === null || value === ''
        ? t('sync.empty')
        : typeof value === 'boolean'
          ? t(value ? 'sync.yes' : 'sync.no')
          : typeof value === 'number'
            ? formatNumber(value)
            : t(`sync.values.${value}`, { defaultValue: value }),
  };
}

/**
 * Conflicts: what two installations wrote differently, each value with who wrote it, where and
 * when, until the administrator keeps one (or types a third); and, at headquarters, the records a
 * laptop sent that its role may not change, kept in quarantine until accepted or refused.
 */
export function ConflictsPage() {
  const { t } = useTranslation();
  const conflicts = useCall('sync.conflicts', {});
  const status = useCall('sync.status', {});
  const atHeadquarters = status.data?.role === 'headquarters';
  return (
    <Stack gap="md">
      <PageHeader title={t('sync.conflictsPage.title')} subtitle={t('sync.conflictsPage.subtitle')} />
      {status.data && !atHeadquarters && <Alert color="blue">{t('sync.conflictsPage.decidedAtHq')}</Alert>}
      <QueryState query={conflicts}>
        {(list) =>
          list.length === 0 ? (
            <EmptyLine>{t('sync.noConflict')}</EmptyLine>
          ) : (
            <Stack gap="sm">
              {list.map((c) =>
                c.kind === 'unique' ? (
                  <ClaimCard key={`${c.table}/${c.recordId}`} conflict={c} decides={atHeadquarters} />
                ) : (
                  <ConflictCard
                    key={`${c.table}/${c.recordId}/${c.field}`}
                    conflict={c}
                    decides={atHeadquarters}
                  />
                ),
              )}
            </Stack>
          )
        }
      </QueryState>
      {atHeadquarters && <Quarantine />}
    </Stack>
  );
}

function ConflictCard({ conflict, decides }: { conflict: SyncConflict; decides: boolean }) {
  const { t } = useTranslation();
  const names = useNames();
  const allowed = useCan('sync.resolveConflict') && decides;
  const resolve = useMutate('sync.resolveConflict');
  const [choice, setChoice] = useState<string>('0');
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<{ value?: string; form?: string }>({});
  // A deletion to keep or undo: the record's own, or its parent's (an entry made on it elsewhere).
  const deleted = conflict.kind === 'deletedEdited' || conflict.kind === 'orphan';
  const orphan = conflict.kind === 'orphan';
  const parent = conflict.parent ?? '';
  const kinds = new Set(conflict.versions.map((v) => typeof v.value).filter((k) => k !== 'object'));
  const typable = !deleted && kinds.size === 1 && (kinds.has('string') || kinds.has('number'));
  const title = `${names.table(conflict.table)} « ${conflict.record} »`;
  const by = names.by;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError({});
    let value: Value;
    if (deleted) value = choice === 'keep';
    else if (choice !== OTHER) value = conflict.versions[Number(choice)]!.value;
    else if (kinds.has('number')) {
      value = Number(typed.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.'));
      if (typed.trim() === '' || !Number.isInteger(value))
        return setError({ value: t('sync.conflictsPage.wholeNumber') });
    } else value = typed;
    try {
      await resolve.mutateAsync({
        table: conflict.table,
        recordId: conflict.recordId,
        field: conflict.field,
        value,
      });
      notifySaved(t('sync.conflictsPage.decided'));
    } catch (e) {
      setError(errorsOf(e, 'value'));
    }
  };

  const label = orphan
    ? `${title} — ${parent}`
    : deleted
      ? title
      : `${title} : ${names.field(conflict.field)}`;
  return (
    <Card withBorder component="section" aria-label={label}>
      <form onSubmit={(e) => void submit(e)}>
        <Stack gap="sm">
          <Group justify="space-between" wrap="nowrap">
            <Text fw={600}>{label}</Text>
            <Badge color="orange" variant="light">
              {t(`sync.conflictsPage.kinds.${conflict.kind}`)}
            </Badge>
          </Group>
          {error.form && <Alert color="red">{error.form}</Alert>}
          {deleted ? (
            <Stack gap={4}>
              {conflict.versions.map((v) => (
                <Text size="sm" key={v.changeId}>
                  {orphan
                    ? t('sync.conflictsPage.parentDeletedBy', { parent })
                    : t('sync.conflictsPage.deletedBy')}{' '}
                  {by(v)}
                </Text>
              ))}
              {conflict.edits.map((e) => (
                <Text size="sm" key={e.changeId}>
                  {t('sync.conflictsPage.editedBy', {
                    field: names.field(e.field),
                    value: names.value(e.value),
                  })}{' '}
                  {by(e)}
                </Text>
              ))}
            </Stack>
          ) : null}
          <Radio.Group
            value={choice}
            onChange={setChoice}
            label={t(deleted ? 'sync.conflictsPage.decision' : 'sync.conflictsPage.keep')}
            error={error.value}
          >
            <Stack gap={6} mt={6}>
              {deleted ? (
                <>
                  <Radio
                    value="keep"
                    label={t(orphan ? 'sync.conflictsPage.dropOrphan' : 'sync.conflictsPage.keepDeleted')}
                    disabled={!allowed}
                  />
                  <Radio
                    value="restore"
                    label={
                      orphan
                        ? t('sync.conflictsPage.restoreParent', { parent })
                        : t('sync.conflictsPage.restore')
                    }
                    disabled={!allowed}
                  />
                </>
              ) : (
                conflict.versions.map((v, i) => (
                  <Radio
                    key={v.changeId}
                    value={String(i)}
                    disabled={!allowed}
                    label={
                      <>
                        <Text span fw={600}>
                          {names.value(v.value)}
                        </Text>{' '}
                        <Text span size="sm" c="dimmed">
                          {by(v)}
                          {i === 0 ? ` — ${t('sync.conflictsPage.shown')}` : ''}
                        </Text>
                      </>
                    }
                  />
                ))
              )}
              {typable && <Radio value={OTHER} label={t('sync.conflictsPage.other')} disabled={!allowed} />}
            </Stack>
          </Radio.Group>
          {typable && choice === OTHER && (
            <TextInput
              label={t('sync.conflictsPage.otherValue')}
              value={typed}
              onChange={(e) => setTyped(e.currentTarget.value)}
              maw={360}
            />
          )}
          {allowed && (
            <Group>
              <Button
                type="submit"
                loading={resolve.isPending}
                disabled={deleted && choice !== 'keep' && choice !== 'restore'}
              >
                {t('sync.conflictsPage.decide')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Card>
  );
}

/**
 * Two records with one value that only one may hold (an agreement's number, a login): the second
 * waits aside until the administrator gives one of them another value, or deletes one.
 */
function ClaimCard({ conflict, decides }: { conflict: SyncConflict; decides: boolean }) {
  const { t } = useTranslation();
  const names = useNames();
  const allowed = useCan('sync.resolveConflict') && decides;
  const resolve = useMutate('sync.resolveConflict');
  const [choice, setChoice] = useState<string | null>(null);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<{ value?: string; form?: string }>({});
  const field = names.field(conflict.field);
  const [action, index] = choice?.split(':') ?? [];
  const chosen = index === undefined ? undefined : conflict.versions[Number(index)];
  const label = `${names.table(conflict.table)} « ${conflict.record} » : ${field}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError({});
    if (!chosen) return;
    try {
      await resolve.mutateAsync({
        table: conflict.table,
        recordId: chosen.recordId!,
        ...(action === 'delete'
          ? { field: '_deleted', value: true }
          : { field: conflict.field, value: typed }),
      });
      notifySaved(t('sync.conflictsPage.decided'));
    } catch (e) {
      setError(errorsOf(e, 'value'));
    }
  };

  return (
    <Card withBorder component="section" aria-label={label}>
      <form onSubmit={(e) => void submit(e)}>
        <Stack gap="sm">
          <Group justify="space-between" wrap="nowrap">
            <Text fw={600}>{label}</Text>
            <Badge color="orange" variant="light">
              {t('sync.conflictsPage.kinds.unique')}
            </Badge>
          </Group>
          {error.form && <Alert color="red">{error.form}</Alert>}
          <Text size="sm">{t('sync.conflictsPage.claimHint')}</Text>
          <Stack gap={4}>
            {conflict.versions.map((v, i) => (
              <Text size="sm" key={v.changeId}>
                <Text span fw={600}>
                  {v.record}
                </Text>{' '}
                — « {names.value(v.value)} »{' '}
                <Text span c="dimmed">
                  {names.by(v)}
                </Text>{' '}
                ({t(i === 0 ? 'sync.conflictsPage.inPlace' : 'sync.conflictsPage.setAside')})
              </Text>
            ))}
          </Stack>
          <Radio.Group value={choice} onChange={setChoice} label={t('sync.conflictsPage.decision')}>
            <Stack gap={6} mt={6}>
              {conflict.versions.map((v, i) => (
                <Radio
                  key={`rename:${v.changeId}`}
                  value={`rename:${i}`}
                  disabled={!allowed}
                  label={t('sync.conflictsPage.renameClaim', { field, record: v.record })}
                />
              ))}
              {conflict.deletable &&
                conflict.versions.map((v, i) => (
                  <Radio
                    key={`delete:${v.changeId}`}
                    value={`delete:${i}`}
                    disabled={!allowed}
                    label={t('sync.conflictsPage.deleteClaim', { record: v.record })}
                  />
                ))}
            </Stack>
          </Radio.Group>
          {action === 'rename' && (
            <TextInput
              label={t('sync.conflictsPage.newValue', { field })}
              value={typed}
              onChange={(e) => {
                setTyped(e.currentTarget.value);
                setError({});
              }}
              error={error.value}
              maw={360}
            />
          )}
          {action === 'delete' && error.value && <Alert color="red">{error.value}</Alert>}
          {allowed && (
            <Group>
              <Button type="submit" loading={resolve.isPending} disabled={!chosen}>
                {t('sync.conflictsPage.decide')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Card>
  );
}

function Quarantine() {
  const { t } = useTranslation();
  const names = useNames();
  const allowed = useCan('sync.releaseQuarantined');
  const held = useCall('sync.quarantine', {});
  const release = useMutate('sync.releaseQuarantined');
  const reject = useMutate('sync.rejectQuarantined');
  const [refusal, setRefusal] = useState<string | null>(null);
  const act = async (mutation: typeof release, q: SyncQuarantined, done: string) => {
    setRefusal(null);
    try {
      await mutation.mutateAsync({ table: q.table, recordId: q.recordId });
      notifySaved(done);
    } catch (e) {
      setRefusal((e as Error).message);
    }
  };
  const columns: Column<SyncQuarantined>[] = [
    {
      id: 'record',
      header: t('sync.quarantine.record'),
      cell: (q) => `${names.table(q.table)} « ${q.record} »`,
    },
    {
      id: 'changes',
      header: t('sync.quarantine.changes'),
      cell: (q) =>
        q.changes
          .filter((c) => c.field !== 'updated_at')
          .map((c) => `${names.field(c.field)} : ${names.value(c.value)}`)
          .join(' ; '),
    },
    { id: 'from', header: t('sync.quarantine.from'), cell: (q) => `${q.author}, ${q.sender}` },
    { id: 'reason', header: t('sync.quarantine.reason'), cell: (q) => q.reason },
    {
      id: 'at',
      header: t('sync.quarantine.receivedAt'),
      nowrap: true,
      cell: (q) => formatDateTime(q.receivedAt),
    },
    {
      id: 'actions',
      header: null,
      align: 'right',
      cell: (q) =>
        allowed && (
          <Group gap={4} wrap="nowrap" justify="flex-end">
            <Button
              size="xs"
              variant="light"
              aria-label={`${t('sync.quarantine.release')} : ${q.record}`}
              onClick={() => void act(release, q, t('sync.quarantine.released'))}
            >
              {t('sync.quarantine.release')}
            </Button>
            <Button
              size="xs"
              variant="subtle"
              color="red"
              aria-label={`${t('sync.quarantine.reject')} : ${q.record}`}
              onClick={() => void act(reject, q, t('sync.quarantine.rejected'))}
            >
              {t('sync.quarantine.reject')}
            </Button>
          </Group>
        ),
    },
  ];
  return (
    <TitledCard title={t('sync.quarantine.title')} component="section">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('sync.quarantine.hint')}
        </Text>
        {refusal && (
          <Alert color="red" withCloseButton onClose={() => setRefusal(null)}>
            {refusal}
          </Alert>
        )}
        <QueryState query={held}>
          {(rows) => (
            <DataTable
              label={t('sync.quarantine.title')}
              testId="quarantine-table"
              columns={columns}
              rows={rows}
              rowKey={(q) => `${q.table}/${q.recordId}`}
              empty={t('sync.quarantine.none')}
            />
          )}
        </QueryState>
      </Stack>
    </TitledCard>
  );
}
