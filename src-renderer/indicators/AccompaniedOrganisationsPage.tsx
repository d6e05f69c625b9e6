import { Anchor, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCall, type ItemOf } from '../api/hooks';
import { DataTable, type Column } from '../components/DataTable';
import { QueryState } from '../components/QueryState';
import { useFilterParams } from './filters';
import { FiltersBar } from './FiltersBar';
import { formatCount } from '../format';
import { PageHeader } from '../components/PageHeader';

const PAGE_SIZE = 25;

/** The organisations behind "organisations accompagnées", with the filters of the figure opened. */
export function AccompaniedOrganisationsPage() {
  const { t } = useTranslation();
  const { params, filters, set } = useFilterParams();
  const page = Number(params.get('page') ?? 1) || 1;
  const list = useCall('indicators.accompaniedOrganisations', { ...filters, page, pageSize: PAGE_SIZE });
  const columns: Column<ItemOf<'indicators.accompaniedOrganisations'>>[] = [
    {
      id: 'name',
      header: t('organisation.fields.name'),
      cell: (o) => (
        <>
          <Anchor component={Link} to={`/organisations/${o.id}`} fw={600} size="sm">
            {o.name}
          </Anchor>
          {o.acronym && (
            <Text size="xs" c="dimmed">
              {o.acronym}
            </Text>
          )}
        </>
      ),
    },
    { id: 'type', header: t('organisation.fields.type'), cell: (o) => t(`organisation.type.${o.type}`) },
    { id: 'region', header: t('organisation.fields.region'), cell: (o) => o.region ?? t('common.none') },
    {
      id: 'people',
      header: t('results.accompanied.people'),
      align: 'right',
      cell: (o) => formatCount(o.participantsTrained),
    },
    {
      id: 'women',
      header: t('results.accompanied.women'),
      align: 'right',
      cell: (o) => formatCount(o.womenTrained),
    },
    {
      id: 'personDays',
      header: t('results.trained.personDays'),
      align: 'right',
      cell: (o) => formatCount(o.personDays),
    },
  ];
  return (
    <Stack gap="md">
      <PageHeader title={t('results.accompanied.title')} subtitle={t('results.accompanied.subtitle')} />
      <FiltersBar />
      <QueryState query={list}>
        {(data) => (
          <Paper withBorder p="md">
            <DataTable
              label={t('results.accompanied.title')}
              testId="accompanied-list"
              columns={columns}
              rows={data.items}
              rowKey={(row) => row.id}
              empty={t('results.accompanied.none')}
              paging={{
                total: data.total,
                page: data.page,
                pageSize: data.pageSize,
                onPage: (p) => set({ page: String(p) }),
              }}
              minWidth={760}
              highlightOnHover
              verticalSpacing="sm"
            />
          </Paper>
        )}
      </QueryState>
    </Stack>
  );
}
