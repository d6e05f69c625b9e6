import type { Report } from '../../contract';
import type { Context } from '../context';
import { compareWithBaseline } from '../diagnostics/service';
import { programmeFigures } from '../indicators/figures';
import { getOrganisation } from '../organisations/service';
import { listPathways } from '../pathways/service';
import { frenchDate } from '../../contract/reportFormat';
import { baseReport, column, slug, table, type RequestOf } from './build';
import { t } from './texts';

/** The one-page profile of an organisation: identity, diagnostics, agreements, pathways, outcomes. */
export function organisationReport(ctx: Context, { organisationId }: RequestOf<'organisation'>): Report {
  const o = getOrganisation(ctx, organisationId);
  const comparison = compareWithBaseline(ctx, organisationId);
  const figures = programmeFigures(ctx, { organisationId });
  const pathways = listPathways(ctx, { organisationId });
  const place = [o.commune, o.cercle, o.region].filter(Boolean).join(', ');
  const diagnosed = comparison.baseline !== null;

  return baseReport(ctx, {
    kind: 'organisation',
    fileName: `fiche-${slug(o.acronym ?? o.name)}`,
    title: t('reports.kinds.organisation'),
    subtitle: `${o.name}${o.acronym ? ` (${o.acronym})` : ''}`,
    scope: [
      t(`organisations.type.${o.type}`),
      place,
      `Statut : ${t(`organisations.status.${o.status}`)}`,
    ].filter(Boolean),
    cover: false,
    sections: [
      {
        title: 'Résultats',
        blocks: [
          {
            type: 'figures',
            items: [
              { label: 'Personnes formées', value: figures.participantsTrained.total, format: 'integer' },
              { label: 'dont femmes', value: figures.participantsTrained.women, format: 'integer' },
              { label: 'Jours-personnes', value: figures.personDays.total, format: 'decimal' },
              { label: 'Application des acquis', value: figures.applicationRate.total, format: 'percent' },
              { label: 'Évolution de l’indice (points)', value: comparison.indexChange, format: 'decimal' },
            ],
          },
          {
            type: 'text',
            text: `Effectif : ${o.staffWomen} femmes, ${o.staffMen} hommes.${o.contactName ? ` Contact : ${[o.contactName, o.contactPosition, o.contactPhone].filter(Boolean).join(', ')}.` : ''}`,
          },
        ],
      },
      {
        title: 'Diagnostic de capacités',
        blocks: diagnosed
          ? [
              {
                type: 'text',
                text: `Référence : diagnostic du ${frenchDate(comparison.baseline!.conductedOn)}${comparison.latest && comparison.latest.id !== comparison.baseline!.id ? ` ; dernier : ${frenchDate(comparison.latest.conductedOn)}` : ''}.`,
              },
              {
                type: 'radar',
                title: 'Capacités par domaine (% de l’échelle)',
                axes: comparison.domains.map((d) => d.name),
                series: [
                  {
                    name: 'Référence',
                    values: comparison.domains.map((d) => d.baseline ?? 0),
                    color: '#868e96',
                  },
                  ...(comparison.latest && comparison.latest.id !== comparison.baseline!.id
                    ? [
                        {
                          name: 'Dernier diagnostic',
                          values: comparison.domains.map((d) => d.latest ?? 0),
                          color: '#12b886',
                        },
                      ]
                    : []),
                ],
              },
              table(
                'Diagnostic',
                'Scores par domaine (% de l’échelle)',
                [
                  column('Domaine'),
                  column('Référence', 'decimal'),
                  column('Dernier', 'decimal'),
                  column('Évolution (points)', 'decimal'),
                ],
                comparison.domains.map((d) => [d.name, d.baseline, d.latest, d.change]),
              ),
            ]
          : [{ type: 'text', text: 'Aucun diagnostic terminé.' }],
      },
      {
        title: 'Conventions et parcours',
        blocks: [
          table(
            'Conventions',
            'Conventions',
            [
              column('Numéro'),
              column('Signée le', 'date'),
              column('Durée (mois)', 'number'),
              column('Fin', 'date'),
              column('Montant', 'fcfa'),
              column('Statut'),
            ],
            o.agreements.map((a) => [
              a.number,
              a.signedOn,
              a.durationMonths,
              a.endOn,
              a.amountFcfa,
              a.expired ? t('agreements.expired') : t(`agreements.status.${a.status}`),
            ]),
            ['Total', null, null, null, o.agreementTotals.amountFcfa, null],
          ),
          table(
            'Parcours',
            'Parcours de compétences',
            [
              column('Parcours'),
              column('Début', 'date'),
              column('Fin', 'date'),
              column('Budget', 'fcfa'),
              column('Statut'),
            ],
            pathways.map((p) => [
              p.title,
              p.startsOn,
              p.endsOn,
              p.budgetFcfa,
              t(`pathways.status.${p.status}`),
            ]),
          ),
        ],
      },
    ],
  });
}
