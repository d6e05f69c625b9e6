import { BarChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import { sexColor } from './figures';

export interface SexBar {
  label: string;
  women: number | null;
  men: number | null;
}

/** Women beside men, one group of bars per figure (counts, or rates with `rates`). */
export function SexBarChart({
  data,
  format,
  rates = false,
  h = 200,
  label,
}: {
  data: SexBar[];
  format: (value: number) => string;
  rates?: boolean;
  h?: number;
  label: string;
}) {
  const { t } = useTranslation();
  return (
    <BarChart
      h={h}
      data={data}
      dataKey="label"
      series={[
        { name: 'women', label: t('common.women'), color: sexColor.women },
        { name: 'men', label: t('common.men'), color: sexColor.men },
      ]}
      withLegend
      legendProps={{ verticalAlign: 'bottom', height: 30, itemSorter: null }}
      // Only the value: the chart also passes a tick's index, which a formatter may read as digits.
      valueFormatter={(value: number) => format(value)}
      yAxisProps={rates ? { domain: [0, 1] } : { allowDecimals: false }}
      maxBarWidth={36}
      withBarValueLabel
      // Room above the tallest bar for its value.
      barChartProps={{ margin: { top: 18 } }}
      role="img"
      aria-label={label}
    />
  );
}
