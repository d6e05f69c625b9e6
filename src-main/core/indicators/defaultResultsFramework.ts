import type { ComputedKey } from '../../contract';

interface DefaultIndicator {
  code: string;
  name: string;
  definition: string;
  unit: 'number' | 'percent' | 'person_days' | 'index' | 'points';
  bySex: boolean;
  computedKey: ComputedKey | null;
  targets: Record<string, number>;
}

// Results R1–R4 of the programme document; indicators are computed wherever the data can give them.
export const DEFAULT_RESULTS: { code: string; title: string; indicators: DefaultIndicator[] }[] = [
  {
    code: 'R1',
    title:
      'Les fonctions clés (planification, stratégies, coordination) des acteurs nationaux venant en appui au niveau régional sont renforcées',
    indicators: [
      {
        code: 'R1.1',
        name: 'Organisations accompagnées',
        definition:
          'Organisations dont au moins une personne a suivi une session de formation-action sur la période.',
        unit: 'number',
        bySex: false,
        computedKey: 'organisationsAccompanied',
        targets: {},
      },
      {
        code: 'R1.2',
        name: 'Outils de planification ou de coordination adoptés par les structures nationales',
        definition: 'Documents adoptés (plans, stratégies, guides), constatés lors des missions de suivi.',
        unit: 'number',
        bySex: false,
        computedKey: null,
        targets: {},
      },
    ],
  },
  {
    code: 'R2',
    title:
      'Les acteurs institutionnels de la Région de Koulikoro ont accès à une ingénierie de formation et de développement organisationnel de proximité',
    indicators: [
      {
        code: 'R2.1',
        name: 'Personnes formées',
        definition:
          'Personnes présentes au moins une fois à une session sur la période, chacune comptée une fois.',
        unit: 'number',
        bySex: true,
        computedKey: 'participantsTrained',
        targets: {},
      },
      {
        code: 'R2.2',
        name: 'Jours-personnes de formation',
        definition: 'Somme des jours de présence (une demi-journée compte pour ½).',
        unit: 'person_days',
        bySex: true,
        computedKey: 'personDays',
        targets: {},
      },
      {
        code: 'R2.3',
        name: 'Part des femmes parmi les personnes formées',
        definition:
          'Femmes formées ÷ personnes formées. La participation des femmes est une priorité absolue du programme.',
        unit: 'percent',
        bySex: false,
        computedKey: 'womenShareParticipants',
        targets: { '2025': 40, '2026': 45 },
      },
      {
        code: 'R2.4',
        name: 'Satisfaction moyenne des participants (1 à 5)',
        definition: 'Moyenne des évaluations de fin de session (niveau 1 : réaction).',
        unit: 'index',
        bySex: false,
        computedKey: 'meanSatisfaction',
        targets: {},
      },
      {
        code: 'R2.5',
        name: 'Gain moyen d’apprentissage',
        definition:
          'Moyenne des écarts entre post-test et pré-test, en points sur 100 (niveau 2 : apprentissage).',
        unit: 'points',
        bySex: false,
        computedKey: 'meanGain',
        targets: {},
      },
    ],
  },
  {
    code: 'R3',
    title:
      'Les compétences et capacités organisationnelles des organisations de la société civile sont renforcées',
    indicators: [
      {
        code: 'R3.1',
        name: 'Taux d’application des compétences à 6 mois',
        definition:
          'Suivis à 6 mois où les compétences sont appliquées en partie ou totalement (niveau 3 : comportement).',
        unit: 'percent',
        bySex: true,
        computedKey: 'applicationRate6Months',
        targets: {},
      },
      {
        code: 'R3.2',
        name: 'Évolution moyenne de l’indice de capacité par rapport à la référence',
        definition:
          'Écart, en points de %, entre le dernier diagnostic et le diagnostic de référence (niveau 4 : résultats).',
        unit: 'points',
        bySex: false,
        computedKey: 'meanIndexChange',
        targets: {},
      },
      {
        code: 'R3.3',
        name: 'Organisations de femmes appuyées',
        definition: 'Groupements de femmes dont au moins une personne a été formée sur la période.',
        unit: 'number',
        bySex: false,
        computedKey: 'womenOrganisationsSupported',
        targets: {},
      },
    ],
  },
  {
    code: 'R4',
    title:
      'Les acteurs publics et privés développent des alliances stratégiques pour des initiatives novatrices',
    indicators: [
      {
        code: 'R4.1',
        name: 'Initiatives novatrices financées',
        definition:
          'Initiatives financées par le fonds (droits humains, environnement, climat, numérique, dynamiques sociales).',
        unit: 'number',
        bySex: false,
        computedKey: null,
        targets: {},
      },
      {
        code: 'R4.2',
        name: 'Alliances stratégiques formalisées',
        definition: 'Conventions ou protocoles signés entre acteurs publics et privés.',
        unit: 'number',
        bySex: false,
        computedKey: null,
        targets: {},
      },
    ],
  },
];
