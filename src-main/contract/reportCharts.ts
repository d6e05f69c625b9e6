// Charts of the reports as SVG, from the report's own data: vectors in the PDF, the same picture on screen.
import type { Block, ColumnFormat } from './reports';
import { formatCell } from './reportFormat';

type Bars = Extract<Block, { type: 'bars' }>;
type Radar = Extract<Block, { type: 'radar' }>;

export const palette = ['#be4bdb', '#228be6', '#12b886', '#fab005', '#fd7e14', '#868e96'];
const colorOf = (series: { color?: string }, i: number) => series.color ?? palette[i % palette.length]!;

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const text = (x: number, y: number, content: string, attrs = '', size = 8) =>
  `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" font-size="${size}" fill="#495057" ${attrs}>${escape(content)}</text>`;

/** A label cut to fit under a bar group. */
const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** Grouped vertical bars, one group per category, one bar per series, values written above. */
export function barsSvg(chart: Bars, width = 500, height = 220): string {
  const top = 16;
  const bottom = 34;
  const left = 8;
  const legend = 16;
  const plotHeight = height - top - bottom - legend;
  const max = Math.max(0, ...chart.series.flatMap((s) => s.values));
  const scale = max > 0 ? plotHeight / max : 0;
  const groupWidth = (width - left * 2) / Math.max(1, chart.categories.length);
  const barWidth = Math.min(36, (groupWidth * 0.75) / Math.max(1, chart.series.length));
  const baseline = top + plotHeight;
  const parts: string[] = [];
  chart.categories.forEach((category, c) => {
    const groupX = left + c * groupWidth + (groupWidth - barWidth * chart.series.length) / 2;
    chart.series.forEach((series, s) => {
      const value = series.values[c] ?? 0;
      const h = value * scale;
      const x = groupX + s * barWidth;
      parts.push(
        `<rect x="${x.toFixed(1)}" y="${(baseline - h).toFixed(1)}" width="${(barWidth - 2).toFixed(1)}" height="${h.toFixed(1)}" fill="${colorOf(series, s)}"/>`,
      );
      parts.push(
        text(
          x + (barWidth - 2) / 2,
          baseline - h - 3,
          formatCell(value, chart.format as ColumnFormat),
          'text-anchor="middle"',
        ),
      );
    });
    parts.push(
      text(
        left + c * groupWidth + groupWidth / 2,
        baseline + 12,
        clip(category, Math.floor(groupWidth / 4.5)),
        'text-anchor="middle"',
      ),
    );
  });
  parts.push(
    `<line x1="${left}" y1="${baseline}" x2="${width - left}" y2="${baseline}" stroke="#adb5bd" stroke-width="0.8"/>`,
  );
  chart.series.forEach((series, s) => {
    const x = left + s * 120;
    const y = height - 8;
    parts.push(`<rect x="${x}" y="${y - 7}" width="8" height="8" fill="${colorOf(series, s)}"/>`);
    parts.push(text(x + 12, y, series.name));
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${parts.join('')}</svg>`;
}

/** A radar of values in % (0–100) per axis, one polygon per series. */
export function radarSvg(chart: Radar, width = 480, height = 330): string {
  const cx = width / 2;
  const cy = (height - 20) / 2 + 4;
  const radius = Math.min(cx, cy) - 40;
  const n = chart.axes.length;
  const point = (i: number, r: number) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
    return [cx + r * Math.cos(angle), cy + r * Math.sin(angle)] as const;
  };
  const polygon = (values: number[]) =>
    values
      .map((v, i) =>
        point(i, (Math.max(0, Math.min(100, v)) / 100) * radius)
          .map((c) => c.toFixed(1))
          .join(','),
      )
      .join(' ');
  const parts: string[] = [];
  for (const level of [25, 50, 75, 100]) {
    parts.push(
      `<polygon points="${polygon(Array(n).fill(level))}" fill="none" stroke="#dee2e6" stroke-width="0.6"/>`,
    );
  }
  chart.axes.forEach((axis, i) => {
    const [x, y] = point(i, radius);
    parts.push(
      `<line x1="${cx}" y1="${cy}" x2="${x.toFixed(1)}" y2="${y.toFixed(1)}" stroke="#dee2e6" stroke-width="0.6"/>`,
    );
    const [lx, ly] = point(i, radius + 12);
    const anchor = Math.abs(lx - cx) < 4 ? 'middle' : lx > cx ? 'start' : 'end';
    parts.push(text(lx, ly + 3, clip(axis, 24), `text-anchor="${anchor}"`, 11));
  });
  chart.series.forEach((series, s) => {
    const color = colorOf(series, s);
    parts.push(
      `<polygon points="${polygon(series.values)}" fill="${color}" fill-opacity="0.18" stroke="${color}" stroke-width="1.4"/>`,
    );
    const x = 8 + s * 140;
    parts.push(`<rect x="${x}" y="${height - 15}" width="8" height="8" fill="${color}"/>`);
    parts.push(text(x + 12, height - 7, series.name, '', 11));
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${parts.join('')}</svg>`;
}
