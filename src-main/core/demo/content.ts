// The demonstration programme's content. Agreements are the rows of the two tables of the review
// of the Gao and Kidal partnerships (seed 000, « Entre juillet et septembre 2023 le programme DDRK
// va ainsi signer 12 APO » and the Gao table that follows): number, partner, planned duration,
// signature date and amount, as printed. The printed totals are not copied: the app computes its own.
// The Koulikoro organisations are those named by the programme document (seed 001). People,
// committee members, trainers, scores and the training programme are invented.
import type { OrganisationFields } from '../../contract';

export type DemoOrganisation = {
  /** Internal reference used by the rest of the content. */
  key: string;
  fields: Omit<OrganisationFields, 'contactName' | 'contactPosition' | 'contactPhone' | 'contactEmail'>;
  /** People registered as participants. */
  people: number;
  /** Share of women among them. */
  women: number;
};

const org = (
  key: string,
  fields: DemoOrganisation['fields'],
  people: number,
  women: number,
): DemoOrganisation => ({ key, fields, people, women });

/** The organisations of the programme document, in the Koulikoro region (and one at central level). */
export const KOULIKORO_ORGANISATIONS: DemoOrganisation[] = [
  org(
    'cnsc',
    {
      name: 'Coordination Nationale des Organisations de la Société Civile – coordination régionale de Koulikoro',
      acronym: 'CNSC',
      type: 'csu',
      level: 'regional',
      region: 'Koulikoro',
      cercle: 'Koulikoro',
      commune: 'Koulikoro',
      sectors: ['decentralisation', 'gender'],
      mandate:
        'Faîtière des organisations de la société civile : représentation, concertation et contrôle citoyen de l’action publique.',
      keyFunctions: 'Plaidoyer ; animation des cadres de concertation ; appui aux OSC membres.',
    },
    12,
    0.45,
  ),
  org(
    'cafo',
    {
      name: 'Coordination des Associations et ONG Féminines de Koulikoro',
      acronym: 'CAFO',
      type: 'csu',
      level: 'regional',
      region: 'Koulikoro',
      cercle: 'Koulikoro',
      commune: 'Koulikoro',
      sectors: ['gender', 'decentralisation'],
      mandate:
        'Coordination régionale du mouvement associatif féminin, représentée jusqu’au niveau des communes.',
      keyFunctions:
        'Mobilisation des femmes ; plaidoyer genre ; représentation dans les instances de décision.',
    },
    14,
    0.9,
  ),
  org(
    'aopp',
    {
      name: 'Association des Organisations des Producteurs Paysans – section régionale de Koulikoro',
      acronym: 'AOPP',
      type: 'csu',
      level: 'regional',
      region: 'Koulikoro',
      cercle: 'Koulikoro',
      commune: 'Koulikoro',
      sectors: ['rural_development'],
      mandate: 'Défense des intérêts des exploitations familiales et structuration des filières agricoles.',
      keyFunctions:
        'Appui aux coopératives ; concertation avec la chambre d’agriculture ; services aux membres.',
    },
    12,
    0.35,
  ),
  org(
    'gouvernorat',
    {
      name: 'Gouvernorat de la Région de Koulikoro',
      acronym: null,
      type: 'std',
      level: 'regional',
      region: 'Koulikoro',
      cercle: 'Koulikoro',
      commune: 'Koulikoro',
      sectors: ['decentralisation'],
      mandate: 'Représentation de l’État dans la région ; coordination des services techniques déconcentrés.',
      keyFunctions: 'Coordination ; tutelle des collectivités ; suivi des programmes sectoriels.',
    },
    10,
    0.3,
  ),
  org(
    'crk',
    {
      name: 'Conseil Régional de Koulikoro',
      acronym: 'CRK',
      type: 'local_government',
      level: 'regional',
      region: 'Koulikoro',
      cercle: 'Koulikoro',
      commune: 'Koulikoro',
      sectors: ['decentralisation', 'environment'],
      mandate: 'Collectivité régionale : planification et maîtrise d’ouvrage du développement régional.',
      keyFunctions: 'Schéma d’aménagement ; plan de développement régional ; maîtrise d’ouvrage.',
    },
    12,
    0.35,
  ),
  org(
    'dra',
    {
      name: 'Direction Régionale de l’Agriculture de Koulikoro',
      acronym: 'DRA',
      type: 'std',
      level: 'regional',
      region: 'Koulikoro',
      cercle: 'Koulikoro',
      commune: 'Koulikoro',
      sectors: ['rural_development'],
      mandate: 'Mise en œuvre de la politique agricole dans la région ; appui-conseil aux producteurs.',
      keyFunctions: 'Statistiques agricoles ; encadrement ; suivi des campagnes.',
    },
    10,
    0.3,
  ),
  org(
    'drsv',
    {
      name: 'Direction Régionale des Services Vétérinaires de Koulikoro',
      acronym: 'DRSV',
      type: 'std',
      level: 'regional',
      region: 'Koulikoro',
      cercle: 'Koulikoro',
      commune: 'Koulikoro',
      sectors: ['rural_development'],
      mandate: 'Santé animale, santé publique vétérinaire et contrôle des denrées d’origine animale.',
      keyFunctions: null,
    },
    7,
    0.3,
  ),
  org(
    'drpia',
    {
      name: 'Direction Régionale des Productions et des Industries Animales de Koulikoro',
      acronym: 'DRPIA',
      type: 'std',
      level: 'regional',
      region: 'Koulikoro',
      cercle: 'Koulikoro',
      commune: 'Koulikoro',
      sectors: ['rural_development'],
      mandate: 'Développement des productions animales et des filières de transformation.',
      keyFunctions: null,
    },
    6,
    0.35,
  ),
  org(
    'cra',
    {
      name: 'Chambre Régionale d’Agriculture de Koulikoro',
      acronym: 'CRA',
      type: 'consular_chamber',
      level: 'regional',
      region: 'Koulikoro',
      cercle: 'Koulikoro',
      commune: 'Koulikoro',
      sectors: ['rural_development'],
      mandate: 'Représentation de la profession agricole auprès des pouvoirs publics.',
      keyFunctions: null,
    },
    7,
    0.3,
  ),
  org(
    'kati',
    {
      name: 'Conseil de Cercle de Kati',
      acronym: null,
      type: 'local_government',
      level: 'local',
      region: 'Koulikoro',
      cercle: 'Kati',
      commune: 'Kati',
      sectors: ['decentralisation'],
      mandate: 'Collectivité de cercle : coordination du développement des communes du cercle.',
      keyFunctions: null,
    },
    6,
    0.35,
  ),
  org(
    'banamba',
    {
      name: 'Groupement des femmes transformatrices de Banamba',
      acronym: null,
      type: 'women_group',
      level: 'local',
      region: 'Koulikoro',
      cercle: 'Banamba',
      commune: 'Banamba',
      sectors: ['rural_development', 'gender'],
      mandate: 'Transformation et commercialisation des céréales et du karité par ses membres.',
      keyFunctions: null,
    },
    12,
    1,
  ),
  org(
    'asaco',
    {
      name: 'Association de Santé Communautaire de Nossombougou',
      acronym: 'ASACO Nossombougou',
      type: 'community_association',
      level: 'local',
      region: 'Koulikoro',
      cercle: 'Kolokani',
      commune: 'Nossombougou',
      sectors: ['health'],
      mandate: 'Gestion communautaire du centre de santé (CSCom) de Nossombougou.',
      keyFunctions: null,
    },
    6,
    0.5,
  ),
  org(
    'nara',
    {
      name: 'Coopérative des femmes maraîchères de Nara',
      acronym: null,
      type: 'women_group',
      level: 'local',
      region: 'Koulikoro',
      cercle: 'Nara',
      commune: 'Nara',
      sectors: ['rural_development', 'gender'],
      mandate: 'Production maraîchère et accès des femmes au foncier irrigué.',
      keyFunctions: null,
    },
    8,
    1,
  ),
  org(
    'drpfef',
    {
      name: 'Direction Régionale de la Promotion de la Femme, de l’Enfant et de la Famille de Koulikoro',
      acronym: 'DRPFEF',
      type: 'std',
      level: 'regional',
      region: 'Koulikoro',
      cercle: 'Koulikoro',
      commune: 'Koulikoro',
      sectors: ['gender'],
      mandate: 'Mise en œuvre de la politique nationale genre dans la région.',
      keyFunctions: null,
    },
    8,
    0.6,
  ),
  org(
    'cfct',
    {
      name: 'Centre de Formation des Collectivités Territoriales',
      acronym: 'CFCT',
      type: 'public_institution',
      level: 'central',
      region: 'Bamako',
      cercle: null,
      commune: null,
      sectors: ['decentralisation'],
      mandate: 'Formation des élus et des agents des collectivités territoriales.',
      keyFunctions: null,
    },
    6,
    0.4,
  ),
];

/** The partners of the agreements of the review, keyed by the name the tables give them. */
export const PARTNER_ORGANISATIONS: DemoOrganisation[] = [
  org(
    'DREFP_FAT',
    {
      name: 'Direction Régionale de l’Enseignement et de la Formation Professionnelle de Kidal – Formation par Apprentissage Tutoré',
      acronym: 'DREFP_FAT',
      type: 'std',
      level: 'regional',
      region: 'Kidal',
      sectors: ['vocational_training'],
    },
    3,
    0.35,
  ),
  org(
    'AI-KIDAL',
    {
      name: 'Autorité Intérimaire de la Région de Kidal',
      acronym: 'AI-KIDAL',
      type: 'local_government',
      level: 'regional',
      region: 'Kidal',
      sectors: ['decentralisation'],
    },
    3,
    0.35,
  ),
  org(
    'CRK-Kidal',
    {
      name: 'Centre de Ressources de Kidal',
      acronym: 'CRK-Kidal',
      type: 'public_institution',
      level: 'regional',
      region: 'Kidal',
      sectors: ['decentralisation'],
    },
    3,
    0.35,
  ),
  ...(
    [
      ['ASACO1_TIMTAGHENE', 'Timtaghène'],
      ['ASACO2_INTADEYNI', 'Intadeyni'],
      ['ASACO3_INTACHDAYE', 'Intachdaye'],
      ['ASACO4_TAKALOT', 'Takalot'],
      ['ASACO5_IGOUZAR', 'Igouzar'],
      ['ASACO6_TINIZE', 'Tinizé'],
    ] as const
  ).map(([key, place], i) =>
    org(
      key,
      {
        name: `Association de Santé Communautaire ${/^[AEIOU]/.test(place) ? 'd’' : 'de '}${place}`,
        acronym: key,
        type: 'community_association',
        level: 'local',
        region: 'Kidal',
        sectors: ['health'],
      },
      i === 0 ? 2 : 0,
      0.5,
    ),
  ),
  org(
    'DRS-KIDAL',
    {
      name: 'Direction Régionale de la Santé de Kidal',
      acronym: 'DRS-KIDAL',
      type: 'std',
      level: 'regional',
      region: 'Kidal',
      sectors: ['health'],
    },
    3,
    0.35,
  ),
  org(
    'FERASCOM',
    {
      name: 'Fédération Régionale des Associations de Santé Communautaire de Kidal',
      acronym: 'FERASCOM',
      type: 'csu',
      level: 'regional',
      region: 'Kidal',
      sectors: ['health'],
    },
    3,
    0.35,
  ),
  org(
    'CRA-GAO',
    {
      name: 'Chambre Régionale d’Agriculture de Gao',
      acronym: 'CRA-GAO',
      type: 'consular_chamber',
      level: 'regional',
      region: 'Gao',
      cercle: 'Gao',
      commune: 'Gao',
      sectors: ['rural_development'],
      mandate: 'Représentation de la profession agricole ; appui à la structuration des filières.',
    },
    10,
    0.4,
  ),
  org(
    'DRSV',
    {
      name: 'Direction Régionale des Services Vétérinaires de Gao',
      acronym: 'DRSV-Gao',
      type: 'std',
      level: 'regional',
      region: 'Gao',
      sectors: ['rural_development'],
    },
    3,
    0.35,
  ),
  org(
    'DRPIA',
    {
      name: 'Direction Régionale des Productions et des Industries Animales de Gao',
      acronym: 'DRPIA-Gao',
      type: 'std',
      level: 'regional',
      region: 'Gao',
      sectors: ['rural_development'],
    },
    2,
    0.5,
  ),
  org(
    'DRA',
    {
      name: 'Direction Régionale de l’Agriculture de Gao',
      acronym: 'DRA-Gao',
      type: 'std',
      level: 'regional',
      region: 'Gao',
      sectors: ['rural_development'],
    },
    5,
    0.4,
  ),
  org(
    'DREFP-GAO',
    {
      name: 'Direction Régionale de l’Enseignement et de la Formation Professionnelle de Gao',
      acronym: 'DREFP-GAO',
      type: 'std',
      level: 'regional',
      region: 'Gao',
      sectors: ['vocational_training'],
    },
    3,
    0.35,
  ),
  org(
    'AI-Gao',
    {
      name: 'Autorité Intérimaire de la Région de Gao',
      acronym: 'AI-Gao',
      type: 'local_government',
      level: 'regional',
      region: 'Gao',
      sectors: ['decentralisation'],
    },
    3,
    0.35,
  ),
  org(
    'APEJ',
    {
      name: 'Agence pour la Promotion de l’Emploi des Jeunes – antenne régionale de Gao',
      acronym: 'APEJ',
      type: 'public_institution',
      level: 'regional',
      region: 'Gao',
      sectors: ['vocational_training'],
    },
    3,
    0.35,
  ),
];

/**
 * The agreement rows of the review, as printed (durations in months with a decimal comma,
 * dates dd-mm-yy, amounts in FCFA with dots). The Gao table also prints the end date.
 */
export const AGREEMENT_ROWS: {
  number: string;
  partner: string;
  months: string;
  signed: string;
  end?: string;
  amount: string;
}[] = [
  // Kidal 2023
  { number: 'DDRK23-002-APO', partner: 'DREFP_FAT', months: '14', signed: '05-07-23', amount: '92.001.000' },
  { number: 'DDRK23-003-APO', partner: 'AI-KIDAL', months: '16', signed: '15-09-23', amount: '310.030.000' },
  { number: 'DDRK23-004-APO', partner: 'CRK-Kidal', months: '21', signed: '26-09-23', amount: '107.200.000' },
  {
    number: 'DDRK23-005-APO',
    partner: 'ASACO1_TIMTAGHENE',
    months: '22',
    signed: '28-08-23',
    amount: '72.429.473',
  },
  {
    number: 'DDRK23-006-APO',
    partner: 'ASACO2_INTADEYNI',
    months: '22',
    signed: '25-08-23',
    amount: '54.411.673',
  },
  {
    number: 'DDRK23-007-APO',
    partner: 'ASACO3_INTACHDAYE',
    months: '22',
    signed: '28-08-23',
    amount: '54.844.033',
  },
  {
    number: 'DDRK23-008-APO',
    partner: 'ASACO4_TAKALOT',
    months: '22',
    signed: '24-08-23',
    amount: '54.576.673',
  },
  {
    number: 'DDRK23-009-APO',
    partner: 'ASACO5_IGOUZAR',
    months: '22',
    signed: '28-08-23',
    amount: '54.381.073',
  },
  {
    number: 'DDRK23-010-APO',
    partner: 'ASACO6_TINIZE',
    months: '22',
    signed: '25-08-23',
    amount: '69.816.673',
  },
  { number: 'DDRK23-011-APO', partner: 'DRS-KIDAL', months: '22', signed: '05-09-23', amount: '84.235.600' },
  { number: 'DDRK23-012-APO', partner: 'FERASCOM', months: '22', signed: '05-09-23', amount: '75.100.000' },
  // Gao 2023
  {
    number: 'DDRG23-001-APO',
    partner: 'CRA-GAO',
    months: '19,2',
    signed: '25-09-23',
    end: '30-04-25',
    amount: '96.989.000',
  },
  {
    number: 'DDRG23-002-APO',
    partner: 'DRSV',
    months: '20',
    signed: '29-08-23',
    end: '30-04-25',
    amount: '36.108.000',
  },
  {
    number: 'DDRG23-003-APO',
    partner: 'DRPIA',
    months: '5',
    signed: '01-09-23',
    end: '31-01-24',
    amount: '9.047.800',
  },
  {
    number: 'DDRG23-004-APO',
    partner: 'DRA',
    months: '19',
    signed: '05-09-23',
    end: '5-04-25',
    amount: '21.403.000',
  },
  {
    number: 'DDRG23-005-APO',
    partner: 'DREFP-GAO',
    months: '20',
    signed: '04-09-23',
    end: '30-04-25',
    amount: '48.248.000',
  },
  {
    number: 'DDRG23-006-APO',
    partner: 'AI-Gao',
    months: '18,5',
    signed: '16-10-23',
    end: '30-04-25',
    amount: '61.882.500',
  },
  {
    number: 'DDRG23-007-APO',
    partner: 'APEJ',
    months: '21,5',
    signed: '16-10-23',
    end: '31-07-25',
    amount: '75.723.000',
  },
];

/**
 * The programme's own agreements with the organisations it selected in Koulikoro, dated from today
 * (days, signed after the committee's decision): the CAFO's ended with its pathway, the others run.
 */
export const PROGRAMME_AGREEMENTS: { partner: string; signed: number; months: number; amountFcfa: number }[] =
  [
    { partner: 'cafo', signed: -270, months: 7, amountFcfa: 18_500_000 },
    { partner: 'cnsc', signed: -250, months: 12, amountFcfa: 24_750_000 },
    { partner: 'aopp', signed: -230, months: 10, amountFcfa: 21_300_000 },
    { partner: 'crk', signed: -210, months: 12, amountFcfa: 32_000_000 },
    { partner: 'dra', signed: -170, months: 9, amountFcfa: 15_600_000 },
  ];

// ── People ───────────────────────────────────────────────────────────────────────

export const FIRST_NAMES = {
  F: [
    'Aminata',
    'Fatoumata',
    'Mariam',
    'Awa',
    'Kadiatou',
    'Oumou',
    'Rokia',
    'Assétou',
    'Djénéba',
    'Hawa',
    'Salimata',
    'Fanta',
    'Kadidia',
    'Bintou',
    'Nana',
    'Sitan',
    'Maïmouna',
    'Korotoumou',
    'Ramata',
    'Safiatou',
    'Aïssata',
    'Tenin',
    'Mah',
    'Sadio',
    'Niélé',
    'Coumba',
    'Fatim',
    'Haby',
  ],
  M: [
    'Moussa',
    'Mamadou',
    'Ibrahim',
    'Bakary',
    'Souleymane',
    'Seydou',
    'Boubacar',
    'Modibo',
    'Drissa',
    'Amadou',
    'Oumar',
    'Sékou',
    'Lassana',
    'Yacouba',
    'Abdoulaye',
    'Issa',
    'Siaka',
    'Cheick',
    'Mahamadou',
    'Brahima',
    'Daouda',
    'Karim',
    'Tiémoko',
    'Youssouf',
    'Alassane',
    'Fousseyni',
  ],
};
export const NORTHERN_FIRST_NAMES = {
  F: [
    'Fadimata',
    'Aïchatou',
    'Mariama',
    'Zeinabou',
    'Hadijatou',
    'Safietou',
    'Aminata',
    'Raïssa',
    'Lalla',
    'Fatouma',
    'Kadidia',
    'Tata',
    'Aïssata',
    'Hawa',
    'Bintou',
    'Oumou',
  ],
  M: [
    'Mohamed',
    'Alhassane',
    'Ibrahim',
    'Abdoulaye',
    'Hamadoun',
    'Moussa',
    'Almoustapha',
    'Sidi',
    'Attaher',
    'Boubacar',
    'Mahamane',
    'Souleymane',
    'Baba',
    'Oumar',
    'Issa',
    'Hamidou',
  ],
};
export const LAST_NAMES = [
  'Traoré',
  'Coulibaly',
  'Diarra',
  'Keïta',
  'Konaté',
  'Sangaré',
  'Dembélé',
  'Sidibé',
  'Diallo',
  'Touré',
  'Cissé',
  'Kanté',
  'Doumbia',
  'Camara',
  'Sissoko',
  'Fofana',
  'Bagayoko',
  'Samaké',
  'Koné',
  'Tangara',
  'Dao',
  'Kouyaté',
  'Diakité',
  'Sylla',
  'Ballo',
  'Goïta',
  'Berthé',
  'Togola',
  'Mariko',
  'Niaré',
];
export const NORTHERN_LAST_NAMES = [
  'Maïga',
  'Touré',
  'Cissé',
  'Haïdara',
  'Alhousseini',
  'Dicko',
  'Yattara',
  'Arby',
  'Ascofaré',
  'Badi',
  'Kounta',
  'Tandina',
  'Dédéou',
  'Bouaré',
  'Sidibé',
  'Traoré',
  'Diallo',
  'Sangaré',
];

/** Positions by type of organisation: masculine, feminine, decision-making role. The first is the head. */
export const POSITIONS: Record<string, [string, string, boolean][]> = {
  std: [
    ['Directeur régional', 'Directrice régionale', true],
    ['Directeur régional adjoint', 'Directrice régionale adjointe', true],
    ['Chef de division', 'Cheffe de division', true],
    ['Chargé de suivi-évaluation', 'Chargée de suivi-évaluation', false],
    ['Agent technique', 'Agente technique', false],
    ['Comptable', 'Comptable', false],
    ['Chef de section', 'Cheffe de section', false],
    ['Chargé de la planification', 'Chargée de la planification', false],
  ],
  local_government: [
    ['Président du conseil', 'Présidente du conseil', true],
    ['Secrétaire général', 'Secrétaire générale', true],
    ['Vice-président', 'Vice-présidente', true],
    ['Chargé de la planification', 'Chargée de la planification', false],
    ['Conseiller', 'Conseillère', false],
    ['Régisseur des recettes', 'Régisseuse des recettes', false],
    ['Chargé du développement local', 'Chargée du développement local', false],
  ],
  csu: [
    ['Président', 'Présidente', true],
    ['Secrétaire exécutif', 'Secrétaire exécutive', true],
    ['Chargé de programme', 'Chargée de programme', false],
    ['Trésorier', 'Trésorière', true],
    ['Animateur', 'Animatrice', false],
    ['Responsable administratif et financier', 'Responsable administrative et financière', false],
    ['Chargé de communication', 'Chargée de communication', false],
  ],
  women_group: [
    ['Président', 'Présidente', true],
    ['Secrétaire administratif', 'Secrétaire administrative', true],
    ['Trésorier', 'Trésorière', true],
    ['Membre du bureau', 'Membre du bureau', false],
    ['Animateur', 'Animatrice', false],
  ],
  consular_chamber: [
    ['Président', 'Présidente', true],
    ['Secrétaire général', 'Secrétaire générale', true],
    ['Conseiller agricole', 'Conseillère agricole', false],
    ['Comptable', 'Comptable', false],
    ['Chargé des filières', 'Chargée des filières', false],
  ],
  community_association: [
    ['Président de l’ASACO', 'Présidente de l’ASACO', true],
    ['Directeur technique du CSCom', 'Directrice technique du CSCom', true],
    ['Trésorier', 'Trésorière', false],
    ['Gestionnaire', 'Gestionnaire', false],
    ['Relais communautaire', 'Relais communautaire', false],
  ],
  public_institution: [
    ['Directeur', 'Directrice', true],
    ['Chef de service', 'Cheffe de service', true],
    ['Chargé de programme', 'Chargée de programme', false],
    ['Comptable', 'Comptable', false],
    ['Formateur', 'Formatrice', false],
  ],
};

export const TRAINERS = {
  nationalExpert: { name: 'Kadiatou Sangaré', sex: 'F', kind: 'internal' },
  internationalExpert: { name: 'Marc Vandenberghe', sex: 'M', kind: 'internal' },
  external: [
    { name: 'Awa Traoré Diallo', sex: 'F', kind: 'external' },
    { name: 'Boubacar Kanté', sex: 'M', kind: 'external' },
    { name: 'Salimata Koné', sex: 'F', kind: 'external' },
    { name: 'Ibrahim Maïga', sex: 'M', kind: 'external' },
    { name: 'Djénéba Coulibaly', sex: 'F', kind: 'external' },
    { name: 'Seydou Togola', sex: 'M', kind: 'external' },
  ],
} as const;

// ── Training modules ─────────────────────────────────────────────────────────────

export const MODULES = {
  planning: {
    title: 'Planification stratégique et opérationnelle',
    theme: 'Planification',
    objectives:
      'Élaborer ou actualiser un plan stratégique et le décliner en plans annuels budgétisés et suivis.',
    durationHours: 18,
    targetPublic: 'Dirigeants, chargés de planification et de programme',
  },
  resources: {
    title: 'Mobilisation des ressources et montage de projets',
    theme: 'Mobilisation des ressources',
    objectives:
      'Identifier les sources de financement, rédiger une note conceptuelle et un budget de projet.',
    durationHours: 18,
    targetPublic: 'Chargés de programme, responsables financiers',
  },
  finance: {
    title: 'Gestion administrative et financière',
    theme: 'Gestion financière',
    objectives:
      'Tenir une comptabilité conforme, justifier les dépenses dans les délais et produire les rapports financiers.',
    durationHours: 24,
    targetPublic: 'Comptables, responsables administratifs et financiers, trésoriers',
  },
  negotiation: {
    title: 'Négociation de partenariats et gestion des conventions',
    theme: 'Partenariat',
    objectives:
      'Préparer une négociation, proposer des alternatives et suivre les engagements d’une convention.',
    durationHours: 12,
    targetPublic: 'Dirigeants et cadres chargés des partenariats',
  },
  cooperative: {
    title: 'Structuration coopérative (Acte uniforme OHADA)',
    theme: 'Structuration des organisations',
    objectives: 'Comprendre les obligations d’une société coopérative et organiser sa vie associative.',
    durationHours: 12,
    targetPublic: 'Membres des bureaux et des comités de gestion',
  },
  genderBudget: {
    title: 'Budgétisation sensible au genre',
    theme: 'Genre',
    objectives: 'Analyser un budget sous l’angle du genre et proposer des lignes en faveur des femmes.',
    durationHours: 12,
    targetPublic: 'Élus, planificateurs, responsables d’OSC',
  },
  evaluation: {
    title: 'Suivi-évaluation axé sur les résultats',
    theme: 'Suivi-évaluation',
    objectives:
      'Construire un cadre de résultats, des indicateurs ventilés par sexe et un dispositif de suivi.',
    durationHours: 18,
    targetPublic: 'Chargés de suivi-évaluation et de planification',
  },
  digital: {
    title: 'Outils numériques de collecte et de suivi (KoboToolbox)',
    theme: 'Numérique',
    objectives: 'Concevoir un formulaire de collecte, collecter hors ligne et exploiter les données.',
    durationHours: 12,
    targetPublic: 'Agents de terrain, chargés de suivi',
  },
  advocacy: {
    title: 'Plaidoyer et contrôle citoyen de l’action publique',
    theme: 'Communication et plaidoyer',
    objectives: 'Construire un message de plaidoyer, interpeller les élus et suivre les engagements pris.',
    durationHours: 12,
    targetPublic: 'Responsables d’OSC, animateurs',
  },
  leadership: {
    title: 'Leadership féminin et prise de parole en public',
    theme: 'Genre',
    objectives: 'Renforcer la confiance et la prise de parole des femmes dans les instances de décision.',
    durationHours: 12,
    targetPublic: 'Femmes responsables d’organisations et élues',
  },
} as const;
export type ModuleKey = keyof typeof MODULES;

/** What a follow-up finds, by module: evidence of the skills put into practice. */
export const EVIDENCE: Record<ModuleKey, string[]> = {
  planning: [
    'Plan d’action annuel adopté par le bureau',
    'Plan stratégique actualisé et validé en assemblée',
    'Tableau de bord trimestriel du plan d’action',
  ],
  resources: [
    'Note conceptuelle soumise à un bailleur',
    'Deux demandes de financement rédigées et déposées',
    'Fichier des partenaires financiers mis à jour',
  ],
  finance: [
    'Rapport financier trimestriel produit dans les délais',
    'Manuel de procédures administratives et financières adopté',
    'Pièces justificatives classées et rapprochement bancaire mensuel',
  ],
  negotiation: [
    'Avenant négocié avec un partenaire technique',
    'Grille de suivi des engagements de la convention',
    'Compte rendu de la réunion de négociation',
  ],
  cooperative: [
    'Statuts mis en conformité avec l’Acte uniforme',
    'Registre des membres et des parts sociales à jour',
    'Procès-verbal de la dernière assemblée générale',
  ],
  genderBudget: [
    'Ligne budgétaire dédiée aux activités des femmes',
    'Analyse genre du budget communal présentée en session',
    'Note de plaidoyer sur le budget sensible au genre',
  ],
  evaluation: [
    'Cadre de résultats avec indicateurs ventilés par sexe',
    'Rapport de suivi semestriel produit',
    'Base de données de suivi renseignée',
  ],
  digital: [
    'Formulaire de collecte en service sur tablette',
    'Données de la campagne collectées en ligne',
    'Tableau de synthèse produit à partir des données collectées',
  ],
  advocacy: [
    'Message de plaidoyer présenté au conseil régional',
    'Lettre d’interpellation adressée aux élus',
    'Émission radio sur le contrôle citoyen',
  ],
  leadership: [
    'Intervention en session du conseil communal',
    'Candidature au bureau d’une instance régionale',
    'Animation d’une réunion de la coordination',
  ],
};

export const OBSTACLES = [
  'Manque de temps lié aux autres activités du service',
  'Matériel informatique insuffisant',
  'Départ de collègues formés (mutation)',
  'Faible implication de la hiérarchie',
  'Coupures d’électricité fréquentes',
  'Accès difficile aux villages en période d’hivernage',
  'Budget de fonctionnement réduit',
];

export const SUPPORT = [
  'Un accompagnement sur site pour finaliser le document',
  'Une session de recyclage sur l’outil',
  'Un appui pour présenter le document au conseil d’administration',
  'Des modèles de documents adaptés à la structure',
];

export const CHANGES = [
  'Les réunions du bureau sont préparées avec un ordre du jour et un compte rendu.',
  'Les rapports sont transmis aux partenaires dans les délais.',
  'Les femmes prennent davantage la parole dans les réunions.',
  'Les décisions de dépenses suivent la procédure écrite.',
  'Les données de suivi sont utilisées pour préparer les réunions.',
  'Le service planifie ses sorties de terrain à partir du plan annuel.',
];

/** The prioritised need a weak domain of the grid leads to. */
export const NEEDS: Record<string, string> = {
  governance: 'Faire fonctionner les organes statutaires et partager le leadership',
  strategic_planning: 'Disposer d’un plan stratégique décliné en plans annuels budgétisés',
  financial_management: 'Fiabiliser la gestion financière et la justification des dépenses',
  hr_management: 'Élaborer et mettre en œuvre un plan de développement des ressources humaines',
  monitoring_evaluation:
    'Mettre en place un dispositif de suivi-évaluation avec des indicateurs ventilés par sexe',
  resource_mobilisation: 'Diversifier les sources de financement et monter des projets',
  partnership: 'Négocier et suivre des partenariats plus équilibrés',
  communication_advocacy: 'Construire et porter des messages de plaidoyer',
  gender: 'Intégrer le genre dans la planification et le budget',
  digital: 'Utiliser des outils numériques de collecte et de suivi',
};

// ── Selection ────────────────────────────────────────────────────────────────────

export const CRITERIA = [
  {
    name: 'Rôle stratégique dans les secteurs de concentration',
    description: 'Mandat et fonctions clés de la structure au regard des priorités du programme.',
    weight: 25,
  },
  {
    name: 'Engagement de la direction',
    description: 'Motivation exprimée, disponibilité des dirigeants, contrepartie proposée.',
    weight: 20,
  },
  {
    name: 'Qualité du plan de développement des ressources humaines',
    description: 'Lien entre le diagnostic, les besoins prioritaires et les compétences visées.',
    weight: 20,
  },
  {
    name: 'Capacité d’absorption',
    description: 'Personnel disponible pour suivre le parcours et appliquer les acquis.',
    weight: 15,
  },
  {
    name: 'Participation des femmes',
    description: 'Place des femmes parmi le personnel proposé et dans les instances de décision.',
    weight: 20,
  },
];

export const COMMITTEE = [
  { name: 'Mamadou Sissoko', role: 'chair', institution: 'Gouvernorat de la Région de Koulikoro' },
  { name: 'Aminata Konaté', role: 'member', institution: 'Conseil Régional de Koulikoro' },
  { name: 'Oumar Dembélé', role: 'member', institution: 'Plateforme des organisations de la société civile' },
  {
    name: 'Marc Vandenberghe',
    role: 'member',
    institution: 'Équipe de gestion du PRC (expert international)',
  },
  {
    name: 'Kadiatou Sangaré',
    role: 'rapporteur',
    institution: 'Équipe de gestion du PRC (experte nationale)',
  },
  { name: 'Fatoumata Cissé', role: 'observer', institution: 'Programme sectoriel de développement rural' },
] as const;

/**
 * Candidates of the committee with the merit the members' scores gather around (out of 5):
 * the ranking, totals and decisions are then computed by the app.
 */
export const CANDIDATES: { key: string; merit: number }[] = [
  { key: 'cafo', merit: 4.6 },
  { key: 'cnsc', merit: 4.45 },
  { key: 'crk', merit: 4.35 },
  { key: 'aopp', merit: 4.25 },
  { key: 'dra', merit: 4.05 },
  { key: 'gouvernorat', merit: 3.95 },
  { key: 'banamba', merit: 3.8 },
  { key: 'nara', merit: 3.2 },
  { key: 'drsv', merit: 3.1 },
  { key: 'asaco', merit: 2.7 },
  { key: 'drpia', merit: 2.6 },
  { key: 'cra', merit: 2.5 },
];
export const SELECTED = 7;
export const WAITING_LIST = 2;

// ── Pathways and sessions ────────────────────────────────────────────────────────

export type DemoSession = {
  module: ModuleKey;
  phase: 'classroom' | 'workplace_support' | 'coaching';
  /** First day, in days from today (negative: in the past). */
  start: number;
  days: number;
  halfDay?: boolean;
  title?: string;
};

export type DemoPathway = {
  organisation: string;
  title: string;
  targetSkills: string;
  performanceObjective: string;
  budgetFcfa: number;
  /** Start and end, in days from today. */
  start: number;
  end: number;
  status: 'submitted' | 'approved' | 'in_progress' | 'completed';
  /** People of the organisation enrolled. */
  enrolled: number;
  sessions: DemoSession[];
  region: string;
  venue: string;
};

export const PATHWAYS: DemoPathway[] = [
  {
    organisation: 'cafo',
    title: 'Leadership féminin et plaidoyer pour un budget sensible au genre',
    targetSkills:
      'Prise de parole en public ; analyse genre d’un budget ; construction d’un message de plaidoyer.',
    performanceObjective:
      'La CAFO obtient l’inscription de lignes en faveur des femmes dans deux budgets communaux.',
    budgetFcfa: 14_500_000,
    start: -262,
    end: -60,
    status: 'completed',
    enrolled: 10,
    sessions: [
      { module: 'leadership', phase: 'classroom', start: -255, days: 3 },
      { module: 'genderBudget', phase: 'classroom', start: -190, days: 2 },
      {
        module: 'genderBudget',
        phase: 'workplace_support',
        start: -150,
        days: 2,
        halfDay: true,
        title: 'Appui sur le lieu de travail : analyse des budgets communaux',
      },
      {
        module: 'advocacy',
        phase: 'coaching',
        start: -95,
        days: 1,
        title: 'Coaching : préparation des interventions en session budgétaire',
      },
    ],
    region: 'Koulikoro',
    venue: 'Maison de la femme',
  },
  {
    organisation: 'cnsc',
    title: 'Planification stratégique et mobilisation des ressources',
    targetSkills:
      'Élaboration d’un plan stratégique ; rédaction de notes conceptuelles et de budgets de projet.',
    performanceObjective:
      'La CNSC dispose d’un plan stratégique adopté et de deux projets soumis à des bailleurs.',
    budgetFcfa: 16_000_000,
    start: -240,
    end: 60,
    status: 'in_progress',
    enrolled: 9,
    sessions: [
      { module: 'planning', phase: 'classroom', start: -235, days: 3 },
      { module: 'resources', phase: 'classroom', start: -160, days: 3 },
      {
        module: 'planning',
        phase: 'workplace_support',
        start: -100,
        days: 2,
        title: 'Appui sur le lieu de travail : finalisation du plan stratégique',
      },
      { module: 'advocacy', phase: 'classroom', start: 20, days: 2 },
    ],
    region: 'Koulikoro',
    venue: 'Salle de conférence du Gouvernorat',
  },
  {
    organisation: 'aopp',
    title: 'Structuration coopérative et gestion financière',
    targetSkills: 'Obligations d’une coopérative ; tenue de la comptabilité ; rapports financiers.',
    performanceObjective:
      'Les coopératives membres produisent un rapport financier annuel validé en assemblée.',
    budgetFcfa: 12_000_000,
    start: -220,
    end: 40,
    status: 'in_progress',
    enrolled: 10,
    sessions: [
      { module: 'cooperative', phase: 'classroom', start: -215, days: 2 },
      { module: 'finance', phase: 'classroom', start: -130, days: 3 },
      {
        module: 'finance',
        phase: 'workplace_support',
        start: -25,
        days: 2,
        halfDay: true,
        title: 'Appui sur le lieu de travail : clôture des comptes des coopératives',
      },
    ],
    region: 'Koulikoro',
    venue: 'Centre de formation agricole de Samanko',
  },
  {
    organisation: 'crk',
    title: 'Planification du développement régional et suivi-évaluation',
    targetSkills: 'Planification régionale ; cadre de résultats ; indicateurs ventilés par sexe.',
    performanceObjective:
      'Le Conseil régional suit son plan de développement avec un tableau de bord semestriel.',
    budgetFcfa: 13_500_000,
    start: -200,
    end: 90,
    status: 'in_progress',
    enrolled: 9,
    sessions: [
      { module: 'planning', phase: 'classroom', start: -195, days: 3 },
      { module: 'evaluation', phase: 'classroom', start: -70, days: 2 },
      {
        module: 'evaluation',
        phase: 'coaching',
        start: 2,
        days: 1,
        title: 'Coaching : premier tableau de bord semestriel',
      },
    ],
    region: 'Koulikoro',
    venue: 'Hôtel du Conseil régional',
  },
  {
    organisation: 'dra',
    title: 'Suivi-évaluation axé sur les résultats et collecte numérique',
    targetSkills: 'Indicateurs de résultats ; collecte de données sur tablette ; rapports de suivi.',
    performanceObjective:
      'La DRA produit ses rapports de campagne à partir de données collectées numériquement.',
    budgetFcfa: 9_500_000,
    start: -160,
    end: 70,
    status: 'in_progress',
    enrolled: 8,
    sessions: [
      { module: 'evaluation', phase: 'classroom', start: -155, days: 3 },
      { module: 'digital', phase: 'classroom', start: -45, days: 2 },
    ],
    region: 'Koulikoro',
    venue: 'Salle de réunion de la DRA',
  },
  {
    organisation: 'CRA-GAO',
    title: 'Négociation de partenariats et gestion des accords de partenariat opérationnel',
    targetSkills: 'Préparation d’une négociation ; suivi des engagements ; justification financière des APO.',
    performanceObjective: 'La chambre justifie ses dépenses dans les délais fixés par l’accord.',
    budgetFcfa: 11_000_000,
    start: -130,
    end: 100,
    status: 'in_progress',
    enrolled: 8,
    sessions: [
      { module: 'negotiation', phase: 'classroom', start: -125, days: 2 },
      { module: 'finance', phase: 'classroom', start: -35, days: 3 },
      {
        module: 'finance',
        phase: 'workplace_support',
        start: -4,
        days: 1,
        title: 'Appui sur le lieu de travail : dossier de justification',
      },
    ],
    region: 'Gao',
    venue: 'Chambre régionale d’agriculture',
  },
  {
    organisation: 'gouvernorat',
    title: 'Coordination et pilotage des services techniques déconcentrés',
    targetSkills: 'Animation des cadres de concertation ; planification conjointe ; suivi des programmes.',
    performanceObjective: 'Le CROCSAD se réunit chaque trimestre avec un compte rendu diffusé.',
    budgetFcfa: 10_000_000,
    start: 25,
    end: 250,
    status: 'approved',
    enrolled: 8,
    sessions: [{ module: 'planning', phase: 'classroom', start: 30, days: 2 }],
    region: 'Koulikoro',
    venue: 'Salle de conférence du Gouvernorat',
  },
  {
    organisation: 'banamba',
    title: 'Gestion d’une unité de transformation et accès au marché',
    targetSkills: 'Gestion des stocks ; calcul des coûts ; contractualisation avec les acheteurs.',
    performanceObjective: 'Le groupement tient une comptabilité simplifiée et signe deux contrats de vente.',
    budgetFcfa: 7_500_000,
    start: 45,
    end: 260,
    status: 'submitted',
    enrolled: 10,
    sessions: [],
    region: 'Koulikoro',
    venue: 'Banamba',
  },
];

/** Sessions open to several organisations, outside any pathway: organisations a committee selected. */
export const OPEN_SESSIONS: (DemoSession & {
  title: string;
  organisations: string[];
  /** People per organisation. */
  each: number;
  region: string;
  venue: string;
})[] = [
  {
    title: 'Sensibilisation : la budgétisation sensible au genre',
    module: 'genderBudget',
    phase: 'classroom',
    start: -280,
    days: 1,
    halfDay: true,
    organisations: ['crk', 'banamba', 'cafo', 'gouvernorat', 'dra'],
    each: 3,
    region: 'Koulikoro',
    venue: 'Maison de la femme',
  },
  {
    title: 'Gestion administrative et financière des accords de partenariat opérationnel',
    module: 'finance',
    phase: 'classroom',
    start: -240,
    days: 2,
    organisations: [
      'DREFP_FAT',
      'AI-KIDAL',
      'CRK-Kidal',
      'DRS-KIDAL',
      'FERASCOM',
      'ASACO1_TIMTAGHENE',
      'CRA-GAO',
      'DRSV',
      'DRPIA',
      'DRA',
      'DREFP-GAO',
      'AI-Gao',
      'APEJ',
    ],
    each: 3,
    region: 'Gao',
    venue: 'Salle de réunion de l’Autorité intérimaire',
  },
  {
    title: 'Outils numériques de collecte et de suivi',
    module: 'digital',
    phase: 'classroom',
    start: -85,
    days: 2,
    organisations: ['dra', 'crk', 'aopp', 'gouvernorat', 'cnsc'],
    each: 3,
    region: 'Koulikoro',
    venue: 'Centre de formation de Kati',
  },
  {
    title: 'Conférence-débat : le rôle des OSC dans le contrôle citoyen',
    module: 'advocacy',
    phase: 'classroom',
    start: -50,
    days: 1,
    halfDay: true,
    organisations: ['cnsc', 'cafo', 'aopp', 'banamba', 'crk'],
    each: 4,
    region: 'Koulikoro',
    venue: 'Salle de conférence du Gouvernorat',
  },
  {
    title: 'Atelier d’échange entre faîtières d’OSC',
    module: 'advocacy',
    phase: 'classroom',
    start: 9,
    days: 1,
    organisations: ['cnsc', 'cafo', 'aopp'],
    each: 4,
    region: 'Koulikoro',
    venue: 'Siège de la CAFO',
  },
];

/** Organisations diagnosed a second time, days from today: their radar shows the change. */
export const SECOND_DIAGNOSTICS: { key: string; on: number }[] = [
  { key: 'cafo', on: -40 },
  { key: 'cnsc', on: -30 },
  { key: 'CRA-GAO', on: -25 },
  { key: 'aopp', on: -20 },
  { key: 'crk', on: -15 },
  { key: 'dra', on: -10 },
];

/** Values of the indicators that are entered rather than computed (results R1 and R4). */
export const INDICATOR_VALUES: { code: string; value: number; source: string; on: number }[] = [
  {
    code: 'R1.2',
    value: 3,
    source: 'Rapport semestriel de suivi des structures nationales (missions de suivi)',
    on: -45,
  },
  { code: 'R4.1', value: 2, source: 'Procès-verbal du comité technique sur le fonds d’initiatives', on: -30 },
  { code: 'R4.2', value: 4, source: 'Protocoles d’accord signés, archivés au PRC', on: -20 },
];
