import type { z } from 'zod';
import type { Block, Cell, Column, ProgrammeFigures, Report, reportInput, ReportKind } from '../../contract';
import type { Context } from '../context';
import { frenchDate } from '../../contract/reportFormat';
import { t } from './texts';
import { conflictsOnFigures } from '../sync/service';

export const PROGRAMME = `${t('app.programme')} (PRC)`;

/** The parsed request of one kind of report. */
export type RequestOf<K extends ReportKind> = Extract<z.output<typeof reportInput>['request'], { kind: K }>;
export type ReportFilters = RequestOf<'quarterly'>['filters'];

/** The filters of a report, in words, for its cover and its summary sheet. */
export function scope(ctx: Context, filters: ReportFilters): string[] {
  const lines: string[] = [];
  if (filters.region) lines.push(`Région : ${filters.region}`);
  if (filters.organisationType)
    lines.push(`Type de structure : ${t(`organisations.type.${filters.organisationType}`)}`);
  if (filters.pathwayId) {
    const row = ctx.sqlite.prepare('SELECT title FROM pathways WHERE id = ?').get(filters.pathwayId) as
      { title: string } | undefined;
    lines.push(`Parcours : ${row?.title ?? '—'}`);
  }
  return lines;
}

export const periodText = (from: string, to: string) => `du ${frenchDate(from)} au ${frenchDate(to)}`;

export const column = (label: string, format: Column['format'] = 'text', width?: number): Column =>
  width === undefined ? { label, format } : { label, format, width };

export function table(
  sheet: string,
  title: string,
  columns: Column[],
  rows: Cell[][],
  total?: Cell[],
): Extract<Block, { type: 'table' }> {
  return total
    ? { type: 'table', sheet, title, columns, rows, total }
    : { type: 'table', sheet, title, columns, rows };
}

/** The sum of a numeric column, for a total row computed from the rows themselves. */
export const sum = (rows: Cell[][], index: number) =>
  rows.reduce<number>((s, r) => s + (typeof r[index] === 'number' ? (r[index] as number) : 0), 0);

export { ratio } from '../indicators/figures';

export function baseReport(
  ctx: Context,
  fields: Pick<Report, 'kind' | 'fileName' | 'title' | 'subtitle'> & Partial<Report>,
): Report {
  const conflicts = conflictsOnFigures(ctx);
  return {
    programme: PROGRAMME,
    scope: [],
    warning: conflicts ? t('reports.unresolvedConflicts', { count: conflicts }) : null,
    generatedAt: ctx.now().toISOString().slice(0, 10),
    cover: true,
    landscape: false,
    sections: [],
    ...fields,
  };
}

/** A file name without accents or spaces: `rapport-trimestriel-2024-T3`. */
export const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase()
    .slice(0, 60);

/** People trained, person-days, decision-makers and trainers by sex: the same table in every report. */
export function participationBySex(f: ProgrammeFigures) {
  const row = (label: string, pick: 'women' | 'men' | 'total') => [
    label,
    f.participantsTrained[pick],
    f.personDays[pick],
    f.decisionMakersTrained[pick],
    f.trainers[pick],
  ];
  return table(
    'Participation par sexe',
    'Participation par sexe',
    [
      column('Sexe'),
      column('Personnes formées', 'integer'),
      column('Jours-personnes', 'decimal'),
      column('Décideurs formés', 'integer'),
      column('Formateurs', 'integer'),
    ],
    [row('Femmes', 'women'), row('Hommes', 'men')],
    row('Total', 'total'),
  );
}

export function sharesOfWomen(f: ProgrammeFigures): Block {
  return {
    type: 'figures',
    items: [
      {
        label: 'Part des femmes parmi les personnes formées',
        value: f.womenShareParticipants,
        format: 'percent',
      },
      { label: 'Part des femmes dans les jours-personnes', value: f.womenSharePersonDays, format: 'percent' },
      {
        label: 'Part des femmes parmi les décideurs formés',
        value: f.womenShareDecisionMakers,
        format: 'percent',
      },
      { label: 'Part des femmes parmi les formateurs', value: f.womenShareTrainers, format: 'percent' },
    ],
  };
}
