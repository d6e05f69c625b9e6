import { organisationTypes, type ProgrammeFigures, type Report } from '../../contract';
import type { Context } from '../context';
import {
  participationByOrganisation,
  programmeFigures,
  type GroupParticipation,
} from '../indicators/figures';
import {
  baseReport,
  ratio,
  column,
  participationBySex,
  periodText,
  scope,
  sharesOfWomen,
  table,
  type RequestOf,
} from './build';
import { t } from './texts';

const shareRow = (label: string, g: GroupParticipation) => [
  label,
  g.women,
  g.total,
  ratio(g.women, g.total),
  g.personDaysWomen,
  g.personDays,
  ratio(g.personDaysWomen, g.personDays),
];

const shareColumns = (first: string) => [
  column(first),
  column('Femmes formées', 'integer'),
  column('Personnes formées', 'integer'),
  column('Part des femmes', 'percent'),
  column('J-P femmes', 'decimal'),
  column('Jours-personnes', 'decimal'),
  column('Part des femmes (J-P)', 'percent'),
];

/** The gender report: women's shares, parity, completion and application by sex, by type and region. */
export function genderReport(ctx: Context, { from, to, filters }: RequestOf<'gender'>): Report {
  const all = { ...filters, from, to };
  const f = programmeFigures(ctx, all);
  // One pass over the attendance for each breakdown; types in the order of the list of types.
  const typeLabel = (type: string) => t(`organisations.type.${type}`);
  const groups = participationByOrganisation(ctx, all);
  const byType = groups.byType.sort(
    (a, b) =>
      organisationTypes.indexOf(a.group as (typeof organisationTypes)[number]) -
      organisationTypes.indexOf(b.group as (typeof organisationTypes)[number]),
  );
  const byRegion = groups.byRegion;
  const regionLabel = (region: string) => region || 'Région non renseignée';
  const rate = (label: string, r: ProgrammeFigures['completionRate']) => [label, r.women, r.men, r.total];

  return baseReport(ctx, {
    kind: 'gender',
    fileName: `rapport-genre-${from}-${to}`,
    title: t('reports.kinds.gender'),
    subtitle: `Période ${periodText(from, to)}`,
    scope: scope(ctx, filters),
    sections: [
      {
        title: 'Participation des femmes',
        blocks: [
          sharesOfWomen(f),
          {
            type: 'figures',
            items: [
              { label: 'Indice de parité (femmes par homme formé)', value: f.parityIndex, format: 'number' },
              {
                label: 'Groupements de femmes accompagnés',
                value: f.womenOrganisationsSupported,
                format: 'integer',
              },
              {
                label: 'Organisations dont le domaine genre progresse',
                value: f.genderProgressShare,
                format: 'percent',
              },
            ],
          },
          participationBySex(f),
          {
            type: 'bars',
            title: 'Personnes formées, jours-personnes, décideurs et formateurs par sexe',
            categories: ['Personnes formées', 'Jours-personnes', 'Décideurs formés', 'Formateurs'],
            series: (['women', 'men'] as const).map((sex) => ({
              name: sex === 'women' ? 'Femmes' : 'Hommes',
              color: sex === 'women' ? '#be4bdb' : '#228be6',
              values: [
                f.participantsTrained[sex],
                f.personDays[sex],
                f.decisionMakersTrained[sex],
                f.trainers[sex],
              ],
            })),
            format: 'number',
          },
        ],
      },
      {
        title: 'Effets par sexe',
        blocks: [
          table(
            'Effets par sexe',
            'Achèvement et application des acquis par sexe',
            [
              column('Taux'),
              column('Femmes', 'percent'),
              column('Hommes', 'percent'),
              column('Ensemble', 'percent'),
            ],
            [
              rate('Achèvement (présence ≥ 80 %)', f.completionRate),
              rate('Application des acquis (suivis réalisés)', f.applicationRate),
              rate('Application des acquis à 6 mois', f.applicationRate6Months),
            ],
          ),
        ],
      },
      {
        title: 'Part des femmes par type de structure et par région',
        blocks: [
          table(
            'Par type de structure',
            'Par type de structure',
            shareColumns('Type de structure'),
            byType.map((g) => shareRow(typeLabel(g.group), g)),
          ),
          {
            type: 'bars',
            title: 'Part des femmes parmi les personnes formées, par type de structure',
            categories: byType.map((g) => typeLabel(g.group)),
            series: [
              {
                name: 'Part des femmes',
                values: byType.map((g) => ratio(g.women, g.total) ?? 0),
                color: '#be4bdb',
              },
            ],
            format: 'percent',
          },
          table(
            'Par région',
            'Par région',
            shareColumns('Région'),
            byRegion.map((g) => shareRow(regionLabel(g.group), g)),
          ),
        ],
      },
    ],
  });
}
