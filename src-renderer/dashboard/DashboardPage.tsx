import { Card, Grid, Select, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import {
  organisationTypes,
  type Dashboard,
  type IndicatorFilters,
  type ProgrammeFigures,
} from '../../src-main/contract';
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

/**
 * The home page: the programme's key figures and charts, each opening the records behind it. Two
 * calls: the dashboard (figures and their breakdowns) and the follow-ups due.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const chosen = Number(params.get('annee')) || null;
  const filters: IndicatorFilters = chosen ? yearRange(chosen) : {};
  const dashboard = useCall('indicators.dashboard', { ...filters, year: chosen ?? currentYear() });
  return (
    <Stack gap="md">
      <PageHeader title={t('nav.dashboard')} subtitle={t('dashboard.subtitle')}>
        <Select
          label={t('dashboard.period')}
          data={[
            { value: '', label: t('dashboard.wholeProgramme') },
            ...years().map((y) => ({ value: String(y), label: t('dashboard.year', { year: y }) })),
          ]}
          value={chosen ? String(chosen) : ''}
          onChange={(v) => setParams(v ? { annee: v } : {}, { replace: true })}
          allowDeselect={false}
          w={210}
        />
      </PageHeader>
      <DemoOffer />
      <DemoBanner />
      <QueryState query={dashboard}>
        {(d) => <DashboardFigures d={d} filters={filters} year={chosen ?? currentYear()} />}
      </QueryState>
    </Stack>
  );
}

function DashboardFigures({ d, filters, year }: { d: Dashboard; filters: IndicatorFilters; year: number }) {
  const { t } = useTranslation();
  const target = d.targets.womenShareParticipants;
  const typeGroups = organisationTypes.map((type) => {
    const row = d.byType.find((g) => g.group === type);
    return {
      label: t(`organisations.type.${type}`),
      filters: { ...filters, organisationType: type },
      women: row?.women ?? 0,
      total: row?.total ?? 0,
    };
  });
  const regionGroups = d.byRegion
    .filter((g) => g.group !== '')
    .map((g) => ({
      label: g.group,
      filters: { ...filters, region: g.group },
      women: g.women,
      total: g.total,
    }));
  return (
    <>
      <KeyFigures f={d.figures} filters={filters} targets={d.targets} />
      <Grid>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <ParticipationChart year={year} byMonth={d.byMonth} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <ApplicationCard f={d.figures} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6, lg: 4 }}>
          <ShareChart
            title={t('dashboard.shareByTypeTitle')}
            groups={typeGroups}
            target={target}
            empty={t('indicators.noData')}
            testId="share-by-type"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6, lg: 4 }}>
          <ShareChart
            title={t('dashboard.shareByRegionTitle')}
            groups={regionGroups}
            target={target}
            empty={regionGroups.length === 0 ? t('dashboard.noRegion') : t('indicators.noData')}
            testId="share-by-region"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <DueFollowUps />
        </Grid.Col>
      </Grid>
    </>
  );
}

function ApplicationCard({ f }: { f: ProgrammeFigures }) {
  const { t } = useTranslation();
  return (
    <Card withBorder h="100%">
      <Title order={4}>{t('dashboard.applicationTitle')}</Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('dashboard.applicationHint')}
      </Text>
      <SexBarChart
        h={230}
        rates
        label={t('dashboard.applicationTitle')}
        format={formatShare}
        data={[
          { label: t('dashboard.applicationAll'), ...f.applicationRate },
          { label: t('dashboard.application6'), ...f.applicationRate6Months },
        ]}
      />
    </Card>
  );
}
