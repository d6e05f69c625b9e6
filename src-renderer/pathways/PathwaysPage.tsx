import { Badge, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { pathwayStatuses } from '../../src-main/contract';
import type { Output } from '../../src-main/core/methods';
import { oneOf, useSearchState } from '../components/useSearchState';
import { useCall } from '../api/hooks';
import { DataTable, type Column } from '../components/DataTable';
import { QueryState } from '../components/QueryState';
import { formatDate, formatFcfa, formatNumber } from '../format';
import { pathwayStatusColor } from './labels';
import { OrganisationSelect } from '../organisations/OrganisationSelect';
import { PathwayModal } from './PathwayModal';
import { PageHeader } from '../components/PageHeader';
import { FilterSelect, ListToolbar } from '../components/ListToolbar';
import { EmptyState } from '../components/EmptyState';
import { optionsOf } from '../components/options';
import { NewButton } from '../components/NewButton';

/** Every skills pathway, or an organisation's (`?organisation=<id>`). */
export function PathwaysPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { params, update, clear } = useSearchState();
  const organisationId = params.get('organisation') ?? undefined;
  const status = oneOf(pathwayStatuses, params.get('statut')) ?? null;
  const list = useCall('pathways.list', { organisationId });
  const [creating, setCreating] = useState(false);
  const columns: Column<Output<'pathways.list'>[number]>[] = [
    {
      id: 'title',
      header: t('pathways.fields.title'),
      cell: (p) => (
        <Text component={Link} to={`/parcours/${p.id}`} fw={600} size="sm" c="dark">
          {p.title}
        </Text>
      ),
    },
    {
      id: 'organisation',
      header: t('pathways.fields.organisation'),
      cell: (p) => <Text size="sm">{p.organisationName}</Text>,
    },
    {
      id: 'period',
      header: t('pathways.fields.period'),
      nowrap: true,
      cell: (p) => t('pathways.period', { from: formatDate(p.startsOn), to: formatDate(p.endsOn) }),
    },
    {
      id: 'budget',
      header: t('pathways.fields.budget'),
      align: 'right',
      nowrap: true,
      cell: (p) => formatFcfa(p.budgetFcfa),
    },
    {
      id: 'status',
      header: t('pathways.fields.status'),
      cell: (p) => (
        <Badge color={pathwayStatusColor[p.status]} variant="light">
          {t(`pathways.status.${p.status}`)}
        </Badge>
      ),
    },
    {
      id: 'participants',
      header: t('pathways.fields.participants'),
      align: 'right',
      cell: (p) => formatNumber(p.participantsCount),
    },
    {
      id: 'actions',
      header: t('pathways.fields.actions'),
      align: 'right',
      cell: (p) => formatNumber(p.actionsCount),
    },
  ];
  const newButton = <NewButton onClick={() => setCreating(true)}>{t('pathways.new')}</NewButton>;

  return (
    <Stack gap="md">
      <PageHeader title={t('pathways.title')} subtitle={t('pathways.subtitle')}>
        {newButton}
      </PageHeader>

      <ListToolbar filtered={Boolean(organisationId || status)} onClear={clear}>
        <OrganisationSelect
          label={t('pathways.fields.organisation')}
          placeholder={t('common.all')}
          clearable
          value={organisationId ?? null}
          onChange={(v) => update({ organisation: v })}
          style={{ flex: 1, minWidth: 260, maxWidth: 480 }}
        />
        <FilterSelect
          label={t('pathways.fields.status')}
          data={optionsOf(pathwayStatuses, (v) => t(`pathways.status.${v}`))}
          value={status}
          onChange={(v) => update({ statut: v })}
          w={200}
        />
      </ListToolbar>

      <QueryState query={list}>
        {(all) => {
          if (all.length === 0 && !organisationId) {
            return (
              <EmptyState title={t('pathways.emptyTitle')} text={t('pathways.emptyText')}>
                {newButton}
              </EmptyState>
            );
          }
          const shown = status ? all.filter((p) => p.status === status) : all;
          return (
            <Paper withBorder p="md">
              <DataTable
                label={t('pathways.title')}
                testId="pathways-table"
                columns={columns}
                rows={shown}
                empty={t('pathways.noMatch')}
                onRowClick={(p) => navigate(`/parcours/${p.id}`)}
                minWidth={900}
                highlightOnHover
                verticalSpacing="sm"
              />
              <Text size="sm" c="dimmed" mt="md">
                {t('common.results', { count: shown.length })}
              </Text>
            </Paper>
          );
        }}
      </QueryState>

      {creating && <PathwayModal organisationId={organisationId} onClose={() => setCreating(false)} />}
    </Stack>
  );
}
