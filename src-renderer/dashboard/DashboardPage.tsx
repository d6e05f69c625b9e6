import { Card, Grid, Select, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { organisationTypes, type IndicatorFilters, type ProgrammeFigures } from '../../src-main/contract';
import { useCall } from '../api/hooks';
import { QueryState } from '../components/QueryState';
import { currentYear, yearRange } from '../indicators/filters';
import { SexBarChart } from '../indicators/SexBarChart';
import { DueFollowUps } from './DueFollowUps';
import { KeyFigures } from './KeyFigures';
import { ParticipationChart } from './ParticipationChart';
import { ShareChart } from './ShareChart';
import { DemoBanner } from '../demo/DemoBanner';
import { DemoOffer } from '../demo/DemoOffer';
import { formatShare } from '../format';
import { PageHeader } from '../components/PageHeader';

const years = () => Array.from({ length: 6 }, (_, i) => currentYear() - i);

/** The home page: the programme's key figures and charts, each opening the records behind it. */
export function DashboardPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const chosen = Number(params.get('annee')) || null;
  const filters: IndicatorFilters = chosen ? yearRange(chosen) : {};
  const figures = useCall('indicators.figures', filters);
  return (
    <Stack gap="md">
      <PageHeader title={t('nav.dashboard')} subtitle={t('results.dashboard.subtitle')}>
        <Select
          label={t('results.dashboard.period')}
          data={[
            { value: '', label: t('results.dashboard.wholeProgramme') },
            ...years().map((y) => ({ value: String(y), label: t('results.dashboard.year', { year: y }) })),
          ]}
          value={chosen ? String(chosen) : ''}
          onChange={(v) => setParams(v ? { annee: v } : {}, { replace: true })}
          allowDeselect={false}
          w={210}
        />
      </PageHeader>
      <DemoOffer />
      <DemoBanner />
      <QueryState query={figures}>{(f) => <KeyFigures f={f} filters={filters} />}</QueryState>
      <Grid>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <ParticipationChart year={chosen ?? currentYear()} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <QueryState query={figures}>{(f) => <ApplicationCard f={f} />}</QueryState>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6, lg: 4 }}>
          <ShareChart
            title={t('results.dashboard.shareByTypeTitle')}
            groups={organisationTypes.map((type) => ({
              label: t(`organisation.type.${type}`),
              filters: { ...filters, organisationType: type },
            }))}
            empty={t('results.noData')}
            testId="share-by-type"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6, lg: 4 }}>
          <RegionShares filters={filters} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <DueFollowUps />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function RegionShares({ filters }: { filters: IndicatorFilters }) {
  const { t } = useTranslation();
  const regions = useCall('organisations.regions', {});
  return (
    <ShareChart
      title={t('results.dashboard.shareByRegionTitle')}
      groups={(regions.data ?? []).map((region) => ({ label: region, filters: { ...filters, region } }))}
      empty={regions.data?.length === 0 ? t('results.dashboard.noRegion') : t('results.noData')}
      testId="share-by-region"
    />
  );
}

function ApplicationCard({ f }: { f: ProgrammeFigures }) {
  const { t } = useTranslation();
  return (
    <Card withBorder h="100%">
      <Title order={4}>{t('results.dashboard.applicationTitle')}</Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('results.dashboard.applicationHint')}
      </Text>
      <SexBarChart
        h={230}
        rates
        label={t('results.dashboard.applicationTitle')}
        format={formatShare}
        data={[
          { label: t('results.dashboard.applicationAll'), ...f.applicationRate },
          { label: t('results.dashboard.application6'), ...f.applicationRate6Months },
        ]}
      />
    </Card>
  );
}
