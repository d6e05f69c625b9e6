import type { Report } from '../../contract';
import type { Context } from '../context';
import {
  followUpsDueInPeriod,
  pathwayExecution,
  programmeFigures,
  sessionsHeld,
} from '../indicators/figures';
import {
  baseReport,
  column,
  participationBySex,
  periodText,
  ratio,
  scope,
  sharesOfWomen,
  table,
  type RequestOf,
} from './build';
import { t } from './texts';

export function quarterPeriod(year: number, quarter: number) {
  const startMonth = (quarter - 1) * 3 + 1;
  const endMonth = startMonth + 2;
  const lastDay = new Date(Date.UTC(year, endMonth, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { from: `${year}-${pad(startMonth)}-01`, to: `${year}-${pad(endMonth)}-${pad(lastDay)}` };
}

/** The quarterly operational report: planned against done, people and person-days by sex, budget, follow-ups. */
export function quarterlyReport(ctx: Context, { year, quarter, filters }: RequestOf<'quarterly'>): Report {
  const period = quarterPeriod(year, quarter);
  const all = { ...filters, ...period };
  const figures = programmeFigures(ctx, all);
  const pathways = pathwayExecution(ctx, all);
  const sessions = sessionsHeld(ctx, all);
  const followUps = followUpsDueInPeriod(ctx, all);

  const pathwayRows = pathways.rows.map((p) => [
    p.organisationName,
    p.title,
    t(`pathways.status.${p.status}`),
    p.actionsPlanned,
    p.actionsDone,
    ratio(p.actionsDone, p.actionsPlanned),
    p.sessionsHeld,
    p.budgetPlannedFcfa,
    p.spentFcfa,
  ]);
  const sessionRows = sessions.rows.map((s) => [
    s.title,
    s.firstDay,
    s.lastDay,
    s.days,
    s.women,
    s.men,
    s.women + s.men,
    s.personDaysWomen,
    s.personDaysMen,
    s.personDaysWomen + s.personDaysMen,
    s.costFcfa,
  ]);
  const { actionsPlanned, actionsDone } = pathways.totals;

  return baseReport(ctx, {
    kind: 'quarterly',
    fileName: `rapport-trimestriel-${year}-T${quarter}`,
    title: t('reports.kinds.quarterly'),
    subtitle: `${quarter === 1 ? '1er' : `${quarter}e`} trimestre ${year} (${periodText(period.from, period.to)})`,
    scope: scope(ctx, filters),
    landscape: true,
    sections: [
      {
        title: 'Synthèse du trimestre',
        blocks: [
          {
            type: 'figures',
            items: [
              { label: 'Actions prévues', value: actionsPlanned, format: 'integer' },
              { label: 'Actions réalisées', value: actionsDone, format: 'integer' },
              { label: 'Sessions tenues', value: figures.sessions, format: 'integer' },
              { label: 'Personnes formées', value: figures.participantsTrained.total, format: 'integer' },
              { label: 'Jours-personnes', value: figures.personDays.total, format: 'decimal' },
              {
                label: 'Part des femmes (personnes)',
                value: figures.womenShareParticipants,
                format: 'percent',
              },
            ],
          },
        ],
      },
      {
        title: 'Actions prévues et réalisées, budget',
        blocks: [
          table(
            'Parcours',
            'Exécution des parcours sur le trimestre',
            [
              column('Organisation'),
              column('Parcours'),
              column('Statut'),
              column('Actions prévues', 'integer'),
              column('Actions réalisées', 'integer'),
              column('Taux de réalisation', 'percent'),
              column('Sessions tenues', 'integer'),
              column('Budget prévu', 'fcfa'),
              column('Dépensé', 'fcfa'),
            ],
            pathwayRows,
            [
              'Total',
              null,
              null,
              actionsPlanned,
              actionsDone,
              ratio(actionsDone, actionsPlanned),
              pathways.totals.sessionsHeld,
              pathways.totals.budgetPlannedFcfa,
              pathways.totals.spentFcfa,
            ],
          ),
        ],
      },
      {
        title: 'Participants et jours-personnes par sexe',
        blocks: [
          participationBySex(figures),
          sharesOfWomen(figures),
          {
            type: 'bars',
            title: 'Personnes formées et jours-personnes par sexe',
            categories: ['Personnes formées', 'Jours-personnes'],
            series: [
              {
                name: 'Femmes',
                values: [figures.participantsTrained.women, figures.personDays.women],
                color: '#be4bdb',
              },
              {
                name: 'Hommes',
                values: [figures.participantsTrained.men, figures.personDays.men],
                color: '#228be6',
              },
            ],
            format: 'decimal',
          },
          table(
            'Sessions',
            'Sessions du trimestre',
            [
              column('Session'),
              column('Début', 'date'),
              column('Fin', 'date'),
              column('Jours', 'decimal'),
              column('Femmes', 'integer'),
              column('Hommes', 'integer'),
              column('Participants', 'integer'),
              column('J-P femmes', 'decimal'),
              column('J-P hommes', 'decimal'),
              column('Jours-personnes', 'decimal'),
              column('Coût', 'fcfa'),
            ],
            sessionRows,
            [
              'Total',
              null,
              null,
              sessions.totals.days,
              figures.participantsTrained.women,
              figures.participantsTrained.men,
              figures.participantsTrained.total,
              sessions.totals.personDaysWomen,
              sessions.totals.personDaysMen,
              sessions.totals.personDaysWomen + sessions.totals.personDaysMen,
              sessions.totals.spentFcfa,
            ],
          ),
        ],
      },
      {
        title: 'Suivi post-formation',
        blocks: [
          table(
            'Suivis',
            'Suivis prévus et réalisés',
            [column('Indicateur'), column('Nombre', 'integer')],
            [
              ['Suivis prévus au trimestre', followUps.due],
              ['dont réalisés', followUps.done],
              ['dont encore à faire', followUps.pending],
              ['dont en retard', followUps.overdue],
              ['Suivis réalisés au trimestre (toutes échéances)', figures.followUpsDone],
            ],
          ),
          {
            type: 'text',
            text: 'Les participations d’une personne à plusieurs sessions comptent une fois par session dans le tableau des sessions ; les personnes formées sont comptées une seule fois dans la synthèse.',
          },
        ],
      },
    ],
  });
}
