import { BarChart } from '@mantine/charts';
import { Card, Group, SegmentedControl, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Dashboard, IndicatorFilters } from '../../src-main/contract';
import { sexColor } from '../indicators/figures';
import { filtersQuery, monthRange } from '../indicators/filters';
import { formatCount } from '../format';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/** Women and men trained month by month in a year (the dashboard's breakdown by month). */
export function ParticipationChart({ year, byMonth }: { year: number; byMonth: Dashboard['byMonth'] }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [measure, setMeasure] = useState<'participantsTrained' | 'personDays'>('participantsTrained');
  const ranges: IndicatorFilters[] = MONTHS.map((m) => monthRange(year, m));
  const months = MONTHS.map((m) => {
    const g = byMonth.find((row) => row.group === `${year}-${String(m).padStart(2, '0')}`);
    return {
      participantsTrained: { women: g?.women ?? 0, men: (g?.total ?? 0) - (g?.women ?? 0) },
      personDays: { women: g?.personDaysWomen ?? 0, men: (g?.personDays ?? 0) - (g?.personDaysWomen ?? 0) },
    };
  });
  const monthName = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'fr-FR', {
    month: 'short',
    timeZone: 'UTC',
  });
  const open = (index: number, sex: 'F' | 'M') =>
    navigate(`/indicateurs/personnes-formees${filtersQuery(ranges[index]!, { sexe: sex })}`);
  return (
    <Card withBorder h="100%">
      <Group justify="space-between" align="flex-start" mb="sm">
        <div>
          <Title order={4}>{t('dashboard.participationTitle', { year })}</Title>
          <Text size="xs" c="dimmed">
            {t('dashboard.participationSubtitle')}
          </Text>
        </div>
        <SegmentedControl
          size="xs"
          value={measure}
          onChange={(v) => setMeasure(v as typeof measure)}
          data={[
            { value: 'participantsTrained', label: t('dashboard.peopleSeries') },
            { value: 'personDays', label: t('dashboard.daysSeries') },
          ]}
        />
      </Group>
      <BarChart
        h={230}
        data={months.map((f, i) => ({
          month: monthName.format(new Date(Date.UTC(year, i, 1))),
          women: f[measure].women,
          men: f[measure].men,
        }))}
        dataKey="month"
        type="stacked"
        series={[
          { name: 'women', label: t('common.women'), color: sexColor.women },
          { name: 'men', label: t('common.men'), color: sexColor.men },
        ]}
        withLegend
        legendProps={{ verticalAlign: 'bottom', height: 30, itemSorter: null }}
        valueFormatter={formatCount}
        yAxisProps={{ allowDecimals: measure === 'personDays' }}
        maxBarWidth={40}
        barProps={(series) => ({
          cursor: 'pointer',
          onClick: (_: unknown, index: number) => open(index, series.name === 'women' ? 'F' : 'M'),
        })}
        role="img"
        aria-label={t('dashboard.participationTitle', { year })}
        data-testid="participation-chart"
      />
    </Card>
  );
}
