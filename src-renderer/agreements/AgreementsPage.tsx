import { Card, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { agreementSortKeys, agreementStatuses, type ListAgreementsInput } from '../../src-main/contract';
import { AgreementStatusBadge } from './AgreementStatusBadge';
import { oneOf, useSearchState } from '../components/useSearchState';
import { useCall, type ItemOf } from '../api/hooks';
import { DataTable, type Column } from '../components/DataTable';
import { QueryState } from '../components/QueryState';
import { type Sort } from '../components/SortHeader';
import { formatDate, formatEur, formatFcfa } from '../format';
import { PageHeader } from '../components/PageHeader';
import { FilterSelect, ListToolbar } from '../components/ListToolbar';
import { AgreementAmount } from './AgreementAmount';
import { optionsOf } from '../components/options';

type SortKey = (typeof agreementSortKeys)[number];

/** All agreements of the programme, with totals computed for the current filter. */
export function AgreementsPage() {
  const { t } = useTranslation();
  const { params, update, clear, setPage } = useSearchState();
  const searchText = params.get('q') ?? '';
  const [search] = useDebouncedValue(searchText, 250);
  const sort: Sort<SortKey> = {
    sort: oneOf(agreementSortKeys, params.get('tri')) ?? 'signedOn',
    direction: params.get('ordre') === 'asc' ? 'asc' : 'desc',
  };
  const input: ListAgreementsInput = {
    search,
    status: oneOf(agreementStatuses, params.get('statut')),
    sort: sort.sort,
    direction: sort.direction,
    page: Number(params.get('page') ?? 1) || 1,
    pageSize: 25,
  };
  const list = useCall('agreements.list', input);
  const onSort = (s: Sort<SortKey>) => update({ tri: s.sort, ordre: s.direction });
  const columns: Column<ItemOf<'agreements.list'>, SortKey>[] = [
    {
      id: 'number',
      header: t('agreements.fields.number'),
      sort: 'number',
      cell: (a) => (
        <Text span inherit fw={600}>
          {a.number}
        </Text>
      ),
    },
    {
      id: 'organisation',
      header: t('agreements.fields.organisation'),
      sort: 'organisation',
      cell: (a) => (
        <Text component={Link} to={`/organisations/${a.organisationId}`} size="sm" c="teal">
          {a.organisationAcronym ?? a.organisationName}
        </Text>
      ),
    },
    {
      id: 'signedOn',
      header: t('agreements.fields.signedOn'),
      sort: 'signedOn',
      cell: (a) => formatDate(a.signedOn),
    },
    { id: 'endOn', header: t('agreements.fields.endOn'), cell: (a) => formatDate(a.endOn) },
    {
      id: 'amountFcfa',
      header: t('agreements.fields.amountFcfa'),
      sort: 'amountFcfa',
      align: 'right',
      nowrap: true,
      cell: (a) => <AgreementAmount fcfa={a.amountFcfa} eur={a.amountEur} />,
    },
    {
      id: 'status',
      header: t('agreements.fields.status'),
      sort: 'status',
      cell: (a) => <AgreementStatusBadge agreement={a} />,
    },
  ];

  return (
    <Stack gap="md">
      <PageHeader title={t('agreements.title')} subtitle={t('agreements.listSubtitle')} />
      <ListToolbar
        search={{
          value: searchText,
          placeholder: t('agreements.searchPlaceholder'),
          onChange: (q) => update({ q }),
        }}
        filtered={Boolean(search || input.status)}
        onClear={clear}
      >
        <FilterSelect
          label={t('agreements.fields.status')}
          data={optionsOf(agreementStatuses, (v) => t(`agreements.status.${v}`))}
          value={input.status ?? null}
          onChange={(v) => update({ statut: v })}
          w={180}
        />
      </ListToolbar>
      <QueryState query={list}>
        {(data) => (
          <>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Card withBorder>
                <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                  {t('agreements.totals')}
                </Text>
                <Text size="xl" fw={700}>
                  {t('agreements.count', { count: data.totals.count })}
                </Text>
              </Card>
              <Card withBorder>
                <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                  {t('agreements.totalAmount')}
                </Text>
                <Text size="xl" fw={700} data-testid="all-agreements-total">
                  {formatFcfa(data.totals.amountFcfa)}
                </Text>
                <Text size="sm" c="dimmed">
                  {formatEur(data.totals.amountEur)}
                </Text>
              </Card>
              <Card withBorder>
                <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                  {t('agreements.activeAmount')}
                </Text>
                <Text size="xl" fw={700}>
                  {formatFcfa(data.totals.activeAmountFcfa)}
                </Text>
                <Text size="sm" c="dimmed">
                  {t('agreements.count', { count: data.totals.activeCount })} · {t('agreements.activeHint')}
                </Text>
                {data.totals.expiredCount > 0 && (
                  <Text size="sm" c="orange" data-testid="expired-agreements">
                    {t('agreements.expiredValue', {
                      count: data.totals.expiredCount,
                      value: formatFcfa(data.totals.expiredAmountFcfa),
                    })}
                  </Text>
                )}
              </Card>
            </SimpleGrid>
            <Paper withBorder p="md">
              <DataTable
                label={t('agreements.title')}
                columns={columns}
                list={data}
                empty={search || input.status ? t('agreements.noMatch') : t('agreements.emptyList')}
                sort={sort}
                onSort={onSort}
                onPage={setPage}
                minWidth={820}
                highlightOnHover
                verticalSpacing="sm"
              />
            </Paper>
          </>
        )}
      </QueryState>
    </Stack>
  );
}
