import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCall, type ItemOf } from '../api/hooks';
import { type Column } from '../components/DataTable';
import { RecordsList } from './RecordsList';
import { useFilterParams } from './filters';
import { FiltersBar } from './FiltersBar';
import { formatCount } from '../format';
import { PageHeader } from '../components/PageHeader';

const PAGE_SIZE = 25;

/** The organisations behind "organisations accompagnées", with the filters of the figure opened. */
export function AccompaniedOrganisationsPage() {
  const { t } = useTranslation();
  const { params, filters } = useFilterParams();
  const page = Number(params.get('page') ?? 1) || 1;
  const list = useCall('indicators.accompaniedOrganisations', { ...filters, page, pageSize: PAGE_SIZE });
  const columns: Column<ItemOf<'indicators.accompaniedOrganisations'>>[] = [
    {
      id: 'name',
      header: t('organisations.fields.name'),
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
    { id: 'type', header: t('organisations.fields.type'), cell: (o) => t(`organisations.type.${o.type}`) },
    { id: 'region', header: t('organisations.fields.region'), cell: (o) => o.region ?? t('common.none') },
    {
      id: 'people',
      header: t('indicators.accompanied.people'),
      align: 'right',
      cell: (o) => formatCount(o.participantsTrained),
    },
    {
      id: 'women',
      header: t('indicators.accompanied.women'),
      align: 'right',
      cell: (o) => formatCount(o.womenTrained),
    },
    {
      id: 'personDays',
      header: t('indicators.trained.personDays'),
      align: 'right',
      cell: (o) => formatCount(o.personDays),
    },
  ];
  return (
    <Stack gap="md">
      <PageHeader title={t('indicators.accompanied.title')} subtitle={t('indicators.accompanied.subtitle')} />
      <FiltersBar />
      <RecordsList
        query={list}
        label={t('indicators.accompanied.title')}
        testId="accompanied-list"
        columns={columns}
        empty={t('indicators.accompanied.none')}
      />
    </Stack>
  );
}
