import {
  Alert,
  Anchor,
  Badge,
  Button,
  Code,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { IconFileSpreadsheet, IconFilterOff, IconLock } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditChange, AuditFilters } from '../../src-main/contract';
import { call } from '../api/client';
import { useCall } from '../api/hooks';
import { useCan } from '../auth/session';
import { DateField, whenDate } from '../components/DateField';
import { DataTable, type Column } from '../components/DataTable';
import { QueryState } from '../components/QueryState';
import { notifySaved, showCallError } from '../components/forms';
import { saveFile } from '../components/saveFile';
import { useSearchState } from '../components/useSearchState';
import { formatDate } from '../format';
import { PageHeader } from '../components/PageHeader';

const actionColors: Record<AuditChange['action'], string> = { insert: 'teal', update: 'blue', delete: 'red' };

/** The audit trail, for administrators: every change, filtered, page by page, exported. */
export function AuditPage() {
  const { t } = useTranslation();
  if (!useCan('audit.list')) {
    return (
      <Alert color="yellow" icon={<IconLock />}>
        {t('auth.adminOnly')}
      </Alert>
    );
  }
  return <Journal />;
}

function Journal() {
  const { t } = useTranslation();
  const { params, update, clear, setPage } = useSearchState();
  const filters: AuditFilters = {
    userId: params.get('personne') ?? undefined,
    from: params.get('du') ?? undefined,
    to: params.get('au') ?? undefined,
    table: params.get('table') ?? undefined,
    recordId: params.get('enregistrement') ?? undefined,
    method: params.get('operation') ?? undefined,
  };
  const page = Number(params.get('page') ?? 1);
  const options = useCall('audit.options', {});
  const list = useCall('audit.list', { ...filters, page, pageSize: 50 });
  const [record, setRecord] = useState(filters.recordId ?? '');
  const exportTrail = useMutation({
    mutationFn: async () => {
      const file = await call('audit.export', filters);
      if (await saveFile(file)) notifySaved(t('audit.exported'));
    },
    onError: (e) => showCallError(e),
  });
  const tableLabel = (table: string) =>
    t(`audit.tables.${table}` as 'audit.tables.organisations', { defaultValue: table });
  const filtered = Object.values(filters).some(Boolean);

  const columns: Column<AuditChange>[] = [
    {
      id: 'at',
      header: t('audit.columns.at'),
      width: 140,
      cell: (c) => `${formatDate(c.at.slice(0, 10))} ${c.at.slice(11, 16)}`,
    },
    {
      id: 'user',
      header: t('audit.columns.user'),
      cell: (c) => c.userName ?? <Text c="dimmed">{t('audit.application')}</Text>,
    },
    { id: 'method', header: t('audit.columns.method'), cell: (c) => <Code>{c.method}</Code> },
    { id: 'table', header: t('audit.columns.table'), cell: (c) => tableLabel(c.table) },
    {
      id: 'record',
      header: t('audit.columns.record'),
      cell: (c) => (
        <Tooltip label={t('audit.filterRecord')}>
          <UnstyledButton
            onClick={() => {
              setRecord(c.recordId);
              update({ enregistrement: c.recordId });
            }}
          >
            <Code c="blue">{shortId(c.recordId)}</Code>
          </UnstyledButton>
        </Tooltip>
      ),
    },
    {
      id: 'action',
      header: t('audit.columns.action'),
      cell: (c) => (
        <Badge variant="light" color={actionColors[c.action]}>
          {t(`audit.action.${c.action}`)}
        </Badge>
      ),
    },
    { id: 'changes', header: t('audit.columns.changes'), width: '35%', cell: (c) => <Changes change={c} /> },
  ];

  return (
    <Stack gap="md">
      <PageHeader title={t('audit.title')} subtitle={t('audit.subtitle')}>
        <Button
          variant="light"
          leftSection={<IconFileSpreadsheet size={16} />}
          loading={exportTrail.isPending}
          onClick={() => exportTrail.mutate()}
        >
          {t('audit.export')}
        </Button>
      </PageHeader>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 3, lg: 6 }} mb="md">
          <Select
            label={t('audit.filters.user')}
            placeholder={t('audit.filters.any')}
            clearable
            searchable
            data={(options.data?.users ?? []).map((u) => ({ value: u.id, label: u.name }))}
            value={filters.userId ?? null}
            onChange={(v) => update({ personne: v })}
          />
          <DateField
            label={t('audit.filters.from')}
            value={filters.from ?? null}
            onChange={whenDate((v) => update({ du: v }))}
          />
          <DateField
            label={t('audit.filters.to')}
            value={filters.to ?? null}
            onChange={whenDate((v) => update({ au: v }))}
          />
          <Select
            label={t('audit.filters.table')}
            placeholder={t('audit.filters.any')}
            clearable
            searchable
            data={(options.data?.tables ?? []).map((name) => ({ value: name, label: tableLabel(name) }))}
            value={filters.table ?? null}
            onChange={(v) => update({ table: v })}
          />
          <TextInput
            label={t('audit.filters.record')}
            placeholder={t('audit.filters.recordPlaceholder')}
            value={record}
            onChange={(e) => setRecord(e.currentTarget.value)}
            onBlur={() => update({ enregistrement: record.trim() || null })}
            onKeyDown={(e) => e.key === 'Enter' && update({ enregistrement: record.trim() || null })}
          />
          <Select
            label={t('audit.filters.method')}
            placeholder={t('audit.filters.any')}
            clearable
            searchable
            data={options.data?.methods ?? []}
            value={filters.method ?? null}
            onChange={(v) => update({ operation: v })}
          />
        </SimpleGrid>
        {filtered && (
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={<IconFilterOff size={14} />}
            mb="sm"
            onClick={() => {
              setRecord('');
              clear();
            }}
          >
            {t('audit.filters.clear')}
          </Button>
        )}
        <QueryState query={list}>
          {(changes) => (
            <>
              <DataTable
                label={t('audit.title')}
                testId="audit-table"
                columns={columns}
                list={changes}
                empty={t('audit.empty')}
                rowProps={() => ({ style: { verticalAlign: 'top' } })}
                onPage={setPage}
                minWidth={1000}
                verticalSpacing="sm"
              />
            </>
          )}
        </QueryState>
      </Paper>
    </Stack>
  );
}

/** Ids are long: their start is enough to tell them apart on screen (the filter uses the whole). */
const shortId = (id: string) => {
  const ids = id.startsWith('[') ? (JSON.parse(id) as unknown[]).map(String) : [id];
  return ids.map((part) => (part.length > 13 ? `${part.slice(0, 8)}…` : part)).join(' · ');
};

const show = (value: unknown) => {
  if (value === null || value === undefined) return '—';
  // Dates as people read them; time stamps to the second (UTC, the time of Mali).
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(value)) {
    return `${formatDate(value.slice(0, 10))} ${value.slice(11, 19)}`;
  }
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 160)}…` : text;
};

const SHOWN = 5;

/** Before → after, field by field: what changed for an update, the values for a creation or a deletion. */
function Changes({ change }: { change: AuditChange }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const values = change.after ?? change.before ?? {};
  const keys = Object.keys(values).filter((k) =>
    change.action === 'update'
      ? JSON.stringify(change.before?.[k]) !== JSON.stringify(change.after?.[k])
      : values[k] !== null && values[k] !== '',
  );
  const visible = all ? keys : keys.slice(0, SHOWN);
  return (
    <Stack gap={2}>
      {visible.map((k) => (
        <Text key={k} size="xs" style={{ wordBreak: 'break-word' }}>
          <Text span size="xs" c="dimmed" ff="monospace">
            {k}
          </Text>{' '}
          {change.action === 'update' ? (
            <>
              <Text span size="xs" td="line-through" c="red">
                {show(change.before?.[k])}
              </Text>
              {' → '}
              <Text span size="xs" c="teal" fw={500}>
                {show(change.after?.[k])}
              </Text>
            </>
          ) : (
            <Text span size="xs" c={change.action === 'delete' ? 'red' : undefined}>
              {show(values[k])}
            </Text>
          )}
        </Text>
      ))}
      {keys.length > SHOWN && (
        <Anchor
          component="button"
          type="button"
          size="xs"
          ta="left"
          style={{ alignSelf: 'flex-start' }}
          onClick={() => setAll(!all)}
        >
          {all
            ? t('audit.showLess')
            : `${t('audit.showAll')} (${t('audit.fieldsCount', { count: keys.length })})`}
        </Anchor>
      )}
    </Stack>
  );
}
