import { Badge, Group, Paper, Stack, Switch, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import {
  levels,
  organisationSortKeys,
  organisationStatuses,
  organisationTypes,
  type ListOrganisationsInput,
} from '../../src-main/contract';
import { oneOf, useSearchState } from '../components/useSearchState';
import { useCall, type ItemOf } from '../api/hooks';
import { ListFooter } from '../components/ListFooter';
import { QueryState } from '../components/QueryState';
import { type Sort } from '../components/SortHeader';
import { DataTable, type Column } from '../components/DataTable';
import { formatFcfa, formatFcfaWithEur, formatNumber } from '../format';
import { statusColor } from './labels';
import { PageHeader } from '../components/PageHeader';
import { FilterSelect, ListToolbar } from '../components/ListToolbar';
import { EmptyState } from '../components/EmptyState';
import { RegionFilter, OrganisationTypeFilter } from './OrganisationFilters';
import { optionsOf } from '../components/options';
import { NewButton } from '../components/NewButton';

type SortKey = (typeof organisationSortKeys)[number];
const PAGE_SIZE = 25;

export function OrganisationsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // Filters live in the address, so going back to the list finds it as it was left.
  const { params, update, clear, setPage } = useSearchState();
  const searchText = params.get('q') ?? '';
  const [search] = useDebouncedValue(searchText, 250);
  const sort: Sort<SortKey> = {
    sort: oneOf(organisationSortKeys, params.get('tri')) ?? 'name',
    direction: params.get('ordre') === 'desc' ? 'desc' : 'asc',
  };
  const input: ListOrganisationsInput = {
    search,
    type: oneOf(organisationTypes, params.get('type')),
    level: oneOf(levels, params.get('niveau')),
    region: params.get('region') ?? undefined,
    status: oneOf(organisationStatuses, params.get('statut')),
    archived: params.get('archivees') === '1',
    sort: sort.sort,
    direction: sort.direction,
    page: Number(params.get('page') ?? 1) || 1,
    pageSize: PAGE_SIZE,
  };
  const list = useCall('organisations.list', input);

  const filtered = Boolean(search || input.type || input.level || input.region || input.status);

  const columns: Column<ItemOf<'organisations.list'>, SortKey>[] = [
    {
      id: 'name',
      header: t('organisations.fields.name'),
      sort: 'name',
      cell: (o) => (
        <>
          <Text component={Link} to={`/organisations/${o.id}`} fw={600} size="sm" c="dark">
            {o.name}
          </Text>
          {o.acronym && (
            <Text size="xs" c="dimmed">
              {o.acronym}
            </Text>
          )}
        </>
      ),
    },
    {
      id: 'type',
      header: t('organisations.fields.type'),
      sort: 'type',
      cell: (o) => (
        <>
          <Text size="sm">{t(`organisations.type.${o.type}`)}</Text>
          <Text size="xs" c="dimmed">
            {t(`organisations.level.${o.level}`)}
          </Text>
        </>
      ),
    },
    {
      id: 'region',
      header: t('organisations.fields.region'),
      sort: 'region',
      cell: (o) => o.region ?? t('common.none'),
    },
    {
      id: 'status',
      header: t('organisations.fields.status'),
      sort: 'status',
      cell: (o) => (
        <Badge color={statusColor[o.status]} variant="light">
          {t(`organisations.status.${o.status}`)}
        </Badge>
      ),
    },
    {
      id: 'staff',
      header: `${t('common.women')} / ${t('common.men')}`,
      align: 'right',
      nowrap: true,
      cell: (o) => `${formatNumber(o.staffWomen)} / ${formatNumber(o.staffMen)}`,
    },
    {
      id: 'agreementsTotal',
      header: t('organisations.fields.agreementsTotal'),
      sort: 'agreementsTotal',
      align: 'right',
      nowrap: true,
      cell: (o) => (
        <>
          {o.agreementsCount > 0 ? formatFcfa(o.agreementsTotalFcfa) : t('common.none')}
          {o.agreementsCount > 0 && (
            <Text size="xs" c="dimmed">
              {t('agreements.count', { count: o.agreementsCount })}
            </Text>
          )}
        </>
      ),
    },
  ];

  return (
    <Stack gap="md">
      <PageHeader title={t('organisations.listTitle')} subtitle={t('organisations.listSubtitle')}>
        <NewButton to="/organisations/nouvelle">{t('organisations.new')}</NewButton>
      </PageHeader>

      <ListToolbar
        search={{
          value: searchText,
          placeholder: t('organisations.searchPlaceholder'),
          onChange: (q) => update({ q }),
        }}
        filtered={filtered}
        onClear={clear}
        below={
          <Switch
            label={t('organisations.showArchived')}
            checked={input.archived}
            onChange={(e) => update({ archivees: e.currentTarget.checked ? '1' : null })}
          />
        }
      >
        <OrganisationTypeFilter
          label={t('organisations.fields.type')}
          value={input.type ?? null}
          onChange={(v) => update({ type: v })}
          style={{ flex: 1, minWidth: 180 }}
        />
        <FilterSelect
          label={t('organisations.fields.level')}
          data={optionsOf(levels, (v) => t(`organisations.level.${v}`))}
          value={input.level ?? null}
          onChange={(v) => update({ niveau: v })}
          w={130}
        />
        <RegionFilter
          label={t('organisations.fields.region')}
          value={input.region ?? null}
          onChange={(v) => update({ region: v })}
          w={160}
        />
        <FilterSelect
          label={t('organisations.fields.status')}
          data={optionsOf(organisationStatuses, (v) => t(`organisations.status.${v}`))}
          value={input.status ?? null}
          onChange={(v) => update({ statut: v })}
          w={170}
        />
      </ListToolbar>

      <QueryState query={list}>
        {(data) =>
          data.total === 0 && !filtered && !input.archived ? (
            <EmptyState title={t('organisations.emptyTitle')} text={t('organisations.emptyText')}>
              <NewButton to="/organisations/nouvelle">{t('organisations.new')}</NewButton>
            </EmptyState>
          ) : (
            <Paper withBorder p="md">
              <DataTable
                label={t('organisations.listTitle')}
                columns={columns}
                rows={data.items}
                empty={t('organisations.noMatch')}
                sort={sort}
                onSort={(s) => update({ tri: s.sort, ordre: s.direction })}
                onRowClick={(o) => navigate(`/organisations/${o.id}`)}
                minWidth={860}
                highlightOnHover
                verticalSpacing="sm"
              />
              <Group justify="flex-end" mt="sm" gap="xs">
                <Text size="sm" c="dimmed">
                  {t('agreements.totalAmount')}
                </Text>
                <Text size="sm" fw={600} data-testid="organisations-agreements-total">
                  {formatFcfaWithEur(data.totals.amountFcfa)}
                </Text>
              </Group>
              <ListFooter list={data} onPage={setPage} />
            </Paper>
          )
        }
      </QueryState>
    </Stack>
  );
}
