import { Card, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { agreementSortKeys, agreementStatuses, type ListAgreementsInput } from '../../src-main/contract';
import { AgreementStatusBadge } from './AgreementStatusBadge';
import { useSearchState } from '../components/useSearchState';
import { useCall, type ItemOf } from '../api/hooks';
import { DataTable, type Column } from '../components/DataTable';
import { QueryState } from '../components/QueryState';
import { type Sort } from '../components/SortHeader';
import { formatDate, formatEur, formatFcfa } from '../format';
import { PageHeader } from '../components/PageHeader';

type SortKey = (typeof agreementSortKeys)[number];

/** All agreements of the programme, with totals computed for the current filter. */
export function AgreementsPage() {
  const { t } = useTranslation();
  const { params, update } = useSearchState();
  const searchText = params.get('q') ?? '';
  const [search] = useDebouncedValue(searchText, 250);
  const sortParam = params.get('tri');
  const sort: Sort<SortKey> = {
    sort: agreementSortKeys.includes(sortParam as SortKey) ? (sortParam as SortKey) : 'signedOn',
    direction: params.get('ordre') === 'asc' ? 'asc' : 'desc',
  };
  const statusParam = params.get('statut');
  const input: ListAgreementsInput = {
    search,
    status: agreementStatuses.find((s) => s === statusParam),
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
        <Text component={Link} to={`/organisations/${a.organisationId}`} size="sm" c="teal.8">
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
      cell: (a) => (
        <>
          {formatFcfa(a.amountFcfa)}
          <Text size="xs" c="dimmed">
            {formatEur(a.amountEur)}
          </Text>
        </>
      ),
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
      <Paper p="md" withBorder>
        <Group align="flex-end">
          <TextInput
            label={t('common.search')}
            placeholder={t('agreements.searchPlaceholder')}
            leftSection={<IconSearch size={16} />}
            value={searchText}
            onChange={(e) => update({ q: e.currentTarget.value })}
            style={{ flex: 1 }}
          />
          <Select
            label={t('agreements.fields.status')}
            placeholder={t('common.all')}
            clearable
            data={agreementStatuses.map((v) => ({ value: v, label: t(`agreements.status.${v}`) }))}
            value={input.status ?? null}
            onChange={(v) => update({ statut: v })}
            w={180}
          />
        </Group>
      </Paper>
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
                  <Text size="sm" c="orange.9" data-testid="expired-agreements">
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
                rows={data.items}
                rowKey={(a) => a.id}
                empty={search || input.status ? t('agreements.noMatch') : t('agreements.emptyList')}
                sort={sort}
                onSort={onSort}
                paging={{
                  total: data.total,
                  page: data.page,
                  pageSize: data.pageSize,
                  onPage: (p) => update({ page: String(p) }),
                }}
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
