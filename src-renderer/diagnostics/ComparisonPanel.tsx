import { RadarChart } from '@mantine/charts';
import { Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DiagnosticComparison } from '../../src-main/contract';
import { useCall } from '../api/hooks';
import { DataTable, type Column } from '../components/DataTable';
import { QueryState } from '../components/QueryState';
import { formatChange, formatDate, formatScore, formatShare } from '../format';
import { changeColor } from './labels';

/** The latest completed diagnostic against the baseline: a radar and a table of changes. */
export function ComparisonPanel({ organisationId }: { organisationId: string }) {
  const query = useCall('diagnostics.compare', { organisationId });
  return (
    <QueryState query={query}>
      {(comparison) => (comparison.baseline ? <Comparison comparison={comparison} /> : null)}
    </QueryState>
  );
}

function Comparison({ comparison }: { comparison: DiagnosticComparison }) {
  const { t } = useTranslation();
  const { baseline, latest } = comparison;
  const series = [
    {
      name: 'baseline',
      label: t('diagnostics.comparison.baselineSeries', { date: formatDate(baseline?.conductedOn) }),
      color: 'gray.6',
      opacity: 0.15,
    },
    ...(latest
      ? [
          {
            name: 'latest',
            label: t('diagnostics.comparison.latestSeries', { date: formatDate(latest.conductedOn) }),
            color: 'teal.6',
            opacity: 0.3,
          },
        ]
      : []),
  ];
  // Recharts draws a missing value at the centre, as 0 %: the radar keeps the domains scored in
  // every diagnostic shown (a domain added or removed between grid versions stays in the table).
  const data = comparison.domains
    .filter((d) => d.baseline !== null && (!latest || d.latest !== null))
    .map((d) => ({ domain: d.name, baseline: d.baseline, latest: d.latest }));

  return (
    <Stack gap="sm">
      <div>
        <Title order={5}>{t('diagnostics.comparison.title')}</Title>
        <Text size="xs" c="dimmed">
          {t('diagnostics.comparison.subtitle')}
        </Text>
      </div>
      <RadarChart
        h={380}
        data={data}
        dataKey="domain"
        series={series}
        withLegend
        withTooltip
        withPolarRadiusAxis
        polarRadiusAxisProps={{ domain: [0, 100], tick: false, axisLine: false }}
        polarAngleAxisProps={{ tick: WrappedTick }}
        tooltipProps={{
          formatter: (value) => (typeof value === 'number' ? formatShare(value / 100, 1) : value),
        }}
        role="img"
        aria-label={t('diagnostics.comparison.chart')}
        data-testid="comparison-radar"
      />
      {!latest && (
        <Text size="sm" c="dimmed">
          {t('diagnostics.comparison.onlyBaseline')}
        </Text>
      )}
      <ChangesTable comparison={comparison} />
    </Stack>
  );
}

function ChangesTable({ comparison }: { comparison: DiagnosticComparison }) {
  const { t } = useTranslation();
  const { baseline, latest } = comparison;
  const none = t('common.none');
  // The comparison gives shares of the scale from 0 to 100.
  const share = (v: number | null) => formatShare(v === null ? null : v / 100, 1);
  const change = (v: number | null) => (
    <Text span size="sm" fw={600} c={changeColor(v)}>
      {v === null ? none : formatChange(v)}
    </Text>
  );
  const columns: Column<DiagnosticComparison['domains'][number]>[] = [
    { id: 'domain', header: t('diagnostics.comparison.domain'), cell: (d) => d.name },
    {
      id: 'baseline',
      header: t('diagnostics.comparison.baseline'),
      align: 'right',
      nowrap: true,
      cell: (d) => share(d.baseline),
    },
  ];
  if (latest) {
    columns.push(
      {
        id: 'latest',
        header: t('diagnostics.comparison.latest'),
        align: 'right',
        nowrap: true,
        cell: (d) => share(d.latest),
      },
      {
        id: 'change',
        header: t('diagnostics.comparison.change'),
        align: 'right',
        nowrap: true,
        cell: (d) => change(d.change),
      },
    );
  }
  return (
    <DataTable
      label={t('diagnostics.comparison.title')}
      testId="comparison-table"
      columns={columns}
      rows={comparison.domains}
      rowKey={(d) => d.code}
      foot={
        <>
          <Table.Th>{t('diagnostics.comparison.index')}</Table.Th>
          <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
            {baseline?.index == null ? none : formatScore(baseline.index, baseline.scaleMax)}
          </Table.Th>
          {latest && (
            <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
              {latest.index === null ? none : formatScore(latest.index, latest.scaleMax)}
            </Table.Th>
          )}
          {latest && (
            <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }} data-testid="index-change">
              {change(comparison.indexChange)}
            </Table.Th>
          )}
        </>
      }
      minWidth={480}
      verticalSpacing={6}
    />
  );
}

const LINE_LENGTH = 18;

/** Splits a domain name into short lines, so long names fit around the radar. */
function wrap(text: string): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + word.length < LINE_LENGTH)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

interface TickProps {
  x?: number | string;
  y?: number | string;
  cy?: number;
  textAnchor?: 'start' | 'middle' | 'end' | 'inherit';
  payload?: { value?: unknown };
}

function WrappedTick({ x, y, cy, textAnchor, payload }: TickProps) {
  const lines = wrap(String(payload?.value ?? ''));
  const top = Number(y);
  // Labels above the centre grow upwards, those below grow downwards.
  const shift = cy !== undefined && top < cy ? -(lines.length - 1) : top === cy ? -(lines.length - 1) / 2 : 0;
  return (
    <text
      x={x}
      y={top}
      textAnchor={textAnchor}
      fontSize={11}
      fill="var(--chart-text-color, var(--mantine-color-dimmed))"
    >
      {lines.map((line, i) => (
        <tspan key={i} x={x} dy={i === 0 ? `${shift * 1.15}em` : '1.15em'}>
          {line}
        </tspan>
      ))}
    </text>
  );
}
