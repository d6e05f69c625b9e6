import { Anchor, Badge, Group, SegmentedControl, Stack, Text } from '@mantine/core';
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

/** The people behind "personnes formées" and "jours-personnes", with the filters of the figure opened. */
export function TrainedParticipantsPage() {
  const { t } = useTranslation();
  const { params, filters, set } = useFilterParams();
  const sexParam = params.get('sexe');
  const sex = sexParam === 'F' || sexParam === 'M' ? sexParam : undefined;
  const page = Number(params.get('page') ?? 1) || 1;
  const list = useCall('indicators.trainedParticipants', { ...filters, sex, page, pageSize: PAGE_SIZE });
  const figures = useCall('indicators.figures', filters);
  const counts = sex === 'F' ? 'women' : sex === 'M' ? 'men' : 'total';
  const columns: Column<ItemOf<'indicators.trainedParticipants'>>[] = [
    {
      id: 'name',
      header: t('indicators.trained.name'),
      cell: (p) => (
        <Text span inherit fw={600}>
          {p.firstName} {p.lastName}
        </Text>
      ),
    },
    { id: 'sex', header: t('indicators.trained.sex'), cell: (p) => t(`indicators.sex.${p.sex}`) },
    {
      id: 'organisation',
      header: t('indicators.trained.organisation'),
      cell: (p) => (
        <Anchor component={Link} to={`/organisations/${p.organisationId}`} size="sm">
          {p.organisationName}
        </Anchor>
      ),
    },
    { id: 'region', header: t('indicators.trained.region'), cell: (p) => p.region ?? t('common.none') },
    {
      id: 'personDays',
      header: t('indicators.trained.personDays'),
      align: 'right',
      cell: (p) => formatCount(p.personDays),
    },
    {
      id: 'decisionMaker',
      header: t('indicators.trained.decisionMaker'),
      cell: (p) =>
        p.decisionMaker && (
          <Badge variant="light" color="grape">
            {t('indicators.trained.decisionMakerBadge')}
          </Badge>
        ),
    },
  ];
  return (
    <Stack gap="md">
      <PageHeader title={t('indicators.trained.title')} subtitle={t('indicators.trained.subtitle')}>
        {figures.data && (
          <Group gap="lg" data-testid="trained-summary">
            <Summary
              label={t('indicators.trained.title')}
              value={formatCount(figures.data.participantsTrained[counts])}
            />
            <Summary
              label={t('indicators.trained.personDays')}
              value={formatCount(figures.data.personDays[counts])}
            />
          </Group>
        )}
      </PageHeader>
      <FiltersBar>
        <SegmentedControl
          aria-label={t('indicators.filters.sex')}
          value={sex ?? 'all'}
          onChange={(v) => set({ sexe: v === 'all' ? null : v })}
          data={[
            { value: 'all', label: t('indicators.filters.all') },
            { value: 'F', label: t('common.women') },
            { value: 'M', label: t('common.men') },
          ]}
          mb={2}
        />
      </FiltersBar>
      <RecordsList
        query={list}
        label={t('indicators.trained.title')}
        testId="trained-list"
        columns={columns}
        empty={t('indicators.trained.none')}
      />
    </Stack>
  );
}

function Summary({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" ta="right">
        {label}
      </Text>
      <Text fw={700} fz="xl" ta="right">
        {value}
      </Text>
    </div>
  );
}
