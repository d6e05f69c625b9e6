import type { Report } from '../../contract';
import type { Context } from '../context';
import { participationBy } from '../indicators/figures';
import { getFramework, yearFigures } from '../indicators/resultsFramework';
import { frenchDate } from '../../contract/reportFormat';
import { baseReport, column, participationBySex, periodText, ratio, table, type RequestOf } from './build';
import { t } from './texts';

/** The annual results report: the results framework with baseline, target and value of each indicator. */
export function resultsReport(ctx: Context, { year }: RequestOf<'results'>): Report {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  // The framework's computed indicators and the report's figures are the same figures of the year.
  const figures = yearFigures(ctx, year);
  const framework = getFramework(ctx, { year }, figures);
  const byQuarter = participationBy(ctx, { from, to }, 'quarter');
  const quarters = [1, 2, 3, 4].map((q) => byQuarter.find((g) => g.group === `${year}-T${q}`));
  const indicators = framework.results.flatMap((r) => r.indicators);
  const withTarget = indicators.filter((i) => i.target !== null && i.value.total !== null);
  const reached = withTarget.filter((i) => i.reached).length;

  return baseReport(ctx, {
    kind: 'results',
    fileName: `rapport-annuel-resultats-${year}`,
    title: t('reports.kinds.results'),
    subtitle: `Année ${year} (${periodText(from, to)})`,
    landscape: true,
    sections: [
      {
        title: 'Synthèse de l’année',
        blocks: [
          {
            type: 'figures',
            items: [
              {
                label: 'Organisations accompagnées',
                value: figures.organisationsAccompanied,
                format: 'integer',
              },
              { label: 'Personnes formées', value: figures.participantsTrained.total, format: 'integer' },
              { label: 'Jours-personnes', value: figures.personDays.total, format: 'decimal' },
              { label: 'Indicateurs ayant une cible', value: withTarget.length, format: 'integer' },
              { label: 'Cibles atteintes', value: reached, format: 'integer' },
              {
                label: 'Taux d’atteinte des cibles',
                value: ratio(reached, withTarget.length),
                format: 'percent',
              },
            ],
          },
          participationBySex(figures),
          {
            type: 'bars',
            title: `Personnes formées par trimestre et par sexe, ${year}`,
            categories: ['1er trimestre', '2e trimestre', '3e trimestre', '4e trimestre'],
            series: [
              { name: 'Femmes', values: quarters.map((q) => q?.women ?? 0), color: '#be4bdb' },
              { name: 'Hommes', values: quarters.map((q) => (q ? q.total - q.women : 0)), color: '#228be6' },
            ],
            format: 'integer',
          },
        ],
      },
      ...framework.results.map((result) => ({
        title: `${result.code} — ${result.title}`,
        blocks: [
          table(
            result.code,
            `Indicateurs du résultat ${result.code}`,
            [
              column('Code', 'text', 34),
              column('Indicateur'),
              column('Unité', 'text', 70),
              column('Référence', 'number'),
              column(`Cible ${year}`, 'number'),
              column(`Valeur ${year}`, 'number'),
              column('Femmes', 'number'),
              column('Hommes', 'number'),
              column('Atteinte', 'percent'),
              column('Origine', 'text', 150),
            ],
            result.indicators.map((i) => {
              const last = i.entered.find((v) => v.year === year && v.sex === null);
              return [
                i.code,
                i.name,
                t(`indicators.resultsFramework.units.${i.unit}`),
                i.baseline,
                i.target,
                i.value.total,
                i.value.women,
                i.value.men,
                i.target && i.value.total !== null ? i.value.total / i.target : null,
                i.kind === 'computed'
                  ? 'Calculé à partir des données'
                  : last
                    ? `Saisi : ${last.source}, ${frenchDate(last.recordedOn)}`
                    : 'Saisi : aucune valeur',
              ];
            }),
          ),
        ],
      })),
    ],
  });
}
