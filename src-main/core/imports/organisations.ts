import type { z } from 'zod';
import {
  type levels,
  organisationFields,
  type OrganisationFields,
  type organisationTypes,
  type sectors,
  type StoredValue,
} from '../../contract';
import { organisations } from '../db/schema';
import { createOrganisations } from '../organisations/service';
import { choice, choices, key, number, phone, text, type Choice } from './cells';
import { againInFile, differences, fieldIssues, type Field, type Kind, type Seen } from './kind';

export const typeChoices: Choice<(typeof organisationTypes)[number]>[] = [
  {
    value: 'std',
    label: 'Service technique déconcentré (STD)',
    also: [
      'STD',
      'Service technique déconcentré',
      'Service technique',
      'Deconcentrated technical service (STD)',
    ],
  },
  {
    value: 'local_government',
    label: 'Collectivité territoriale',
    also: ['CT', 'Collectivité', 'Commune', 'Cercle', 'Conseil régional', 'Local government'],
  },
  { value: 'csu', label: 'OSC faîtière', also: ['OSC', 'Faîtière', 'Civil-society umbrella'] },
  { value: 'ngo', label: 'ONG', also: ['NGO', 'Organisation non gouvernementale'] },
  {
    value: 'community_association',
    label: 'Association communautaire',
    also: ['Association', 'ASACO', 'Community association'],
  },
  {
    value: 'women_group',
    label: 'Groupement de femmes',
    also: ['Groupement féminin', 'Association féminine', 'Women’s group', "Women's group"],
  },
  { value: 'consular_chamber', label: 'Chambre consulaire', also: ['Chambre', 'Consular chamber'] },
  {
    value: 'public_institution',
    label: 'Institution autonome ou parapublique',
    also: ['Institution autonome', 'Institution parapublique', 'Autonomous or parapublic institution'],
  },
  {
    value: 'private_provider',
    label: 'Prestataire privé',
    also: ['Prestataire', 'Bureau d’études', "Bureau d'études", 'Private provider'],
  },
];

export const levelChoices: Choice<(typeof levels)[number]>[] = [
  { value: 'central', label: 'Central', also: ['Nationale', 'National'] },
  { value: 'regional', label: 'Régional', also: ['Régionale', 'Regional', 'Région'] },
  { value: 'local', label: 'Local', also: ['Locale', 'Communal', 'Commune'] },
];

export const sectorChoices: Choice<(typeof sectors)[number]>[] = [
  {
    value: 'decentralisation',
    label: 'Décentralisation et réforme institutionnelle',
    also: ['Décentralisation', 'Decentralisation and institutional reform', 'Decentralisation'],
  },
  {
    value: 'rural_development',
    label: 'Développement rural et sécurité alimentaire',
    also: ['Développement rural', 'Sécurité alimentaire', 'Rural development and food security'],
  },
  { value: 'gender', label: 'Genre', also: ['Gender'] },
  {
    value: 'environment',
    label: 'Environnement et changement climatique',
    also: ['Environnement', 'Changement climatique', 'Environment and climate change'],
  },
  { value: 'health', label: 'Santé', also: ['Health'] },
  { value: 'vocational_training', label: 'Formation professionnelle', also: ['Vocational training'] },
  { value: 'digital', label: 'Numérique', also: ['Digital'] },
];

export const organisationColumns: Field[] = [
  {
    key: 'name',
    header: 'Nom',
    aliases: [
      'Nom de l’organisation',
      'Organisation',
      'Structure',
      'Structures partenaires',
      'Structure partenaire',
      'Partenaire',
      'Raison sociale',
      'Dénomination',
      'Name',
    ],
    required: true,
    parse: text,
    example: 'Coordination des Associations et ONG Féminines',
    width: 40,
  },
  {
    key: 'acronym',
    header: 'Sigle',
    aliases: ['Acronyme', 'Abréviation', 'Acronym'],
    required: false,
    parse: text,
    example: 'CAFO',
    width: 14,
  },
  {
    key: 'type',
    header: 'Type de structure',
    aliases: ['Type', 'Catégorie', 'Type d’organisation', 'Type of organisation'],
    required: true,
    fixable: true,
    parse: choice(typeChoices),
    example: 'OSC faîtière',
    width: 34,
    choices: typeChoices,
  },
  {
    key: 'level',
    header: 'Niveau',
    aliases: ['Échelon', 'Level'],
    required: true,
    fixable: true,
    parse: choice(levelChoices),
    example: 'Régional',
    width: 12,
    choices: levelChoices,
  },
  {
    key: 'region',
    header: 'Région',
    aliases: ['Region'],
    required: false,
    fixable: true,
    parse: text,
    example: 'Koulikoro',
    width: 16,
  },
  {
    key: 'cercle',
    header: 'Cercle',
    aliases: [],
    required: false,
    fixable: true,
    parse: text,
    example: 'Kati',
    width: 16,
  },
  {
    key: 'commune',
    header: 'Commune',
    aliases: ['Municipality'],
    required: false,
    fixable: true,
    parse: text,
    example: 'Kati',
    width: 16,
  },
  {
    key: 'sectors',
    header: 'Secteurs et thématiques',
    aliases: ['Secteurs', 'Thématiques', 'Secteur', 'Sectors and themes', 'Sectors'],
    required: false,
    fixable: true,
    parse: choices(sectorChoices),
    example: 'Genre ; Santé',
    width: 34,
    hint: 'Plusieurs secteurs séparés par « ; ».',
    choices: sectorChoices,
    multiple: true,
  },
  {
    key: 'mandate',
    header: 'Mandat',
    aliases: ['Mandate'],
    required: false,
    parse: text,
    example: null,
    width: 30,
  },
  {
    key: 'keyFunctions',
    header: 'Fonctions clés',
    aliases: ['Key functions'],
    required: false,
    parse: text,
    example: null,
    width: 30,
  },
  {
    key: 'staffWomen',
    header: 'Effectif femmes',
    aliases: ['Femmes', 'Nombre de femmes', 'Staff (women)', 'Women'],
    required: false,
    parse: number,
    example: 12,
    width: 10,
    numFmt: '0',
  },
  {
    key: 'staffMen',
    header: 'Effectif hommes',
    aliases: ['Hommes', 'Nombre d’hommes', 'Staff (men)', 'Men'],
    required: false,
    parse: number,
    example: 3,
    width: 10,
    numFmt: '0',
  },
  {
    key: 'contactName',
    header: 'Contact : nom et prénom',
    aliases: ['Contact', 'Personne de contact', 'Nom du contact', 'Contact: name', 'Responsable'],
    required: false,
    parse: text,
    example: 'Aminata Traoré',
    width: 24,
  },
  {
    key: 'contactPosition',
    header: 'Contact : fonction',
    aliases: ['Fonction', 'Fonction du contact', 'Contact: position'],
    required: false,
    parse: text,
    example: 'Présidente',
    width: 18,
  },
  {
    key: 'contactPhone',
    header: 'Contact : téléphone',
    aliases: ['Téléphone', 'Tél', 'Tel', 'Contact: phone', 'Phone'],
    required: false,
    parse: phone,
    example: '+223 76 00 00 00',
    width: 18,
  },
  {
    key: 'contactEmail',
    header: 'Contact : courriel',
    aliases: ['Courriel', 'Email', 'E-mail', 'Mail', 'Adresse électronique', 'Contact: email'],
    required: false,
    parse: text,
    example: 'contact@cafo-koulikoro.ml',
    width: 26,
  },
];

const fieldKeys = organisationColumns.map((f) => f.key);

type Item = z.output<typeof organisationFields>;
type Content = Record<string, StoredValue | undefined>;

interface Lookup {
  /** Organisations recorded, by folded name and by folded acronym. */
  names: Map<string, Content>;
  acronyms: Map<string, Content>;
  seen: Map<string, Seen>;
}

const label = (o: Content) =>
  o.acronym ? `${o.name as string} (${o.acronym as string})` : (o.name as string);

export const organisationsKind: Kind<Lookup, Item> = {
  kind: 'organisations',
  sheet: 'Organisations',
  fileName: 'modele-import-organisations.xlsx',
  fields: organisationColumns,
  load: (ctx) => {
    const lookup: Lookup = { names: new Map(), acronyms: new Map(), seen: new Map() };
    for (const row of ctx.db.select().from(organisations).all()) {
      const content = Object.fromEntries(
        fieldKeys.map((k) => [k, row[k as keyof typeof row] as StoredValue]),
      );
      lookup.names.set(key(row.name), content);
      if (row.acronym) lookup.acronyms.set(key(row.acronym), content);
    }
    return lookup;
  },
  check: (values, at, lookup, unreadable) => {
    const parsed = organisationFields.safeParse(values as OrganisationFields);
    if (!parsed.success || unreadable) {
      return {
        errors: parsed.error ? fieldIssues(parsed.error, fieldKeys) : [],
        duplicate: null,
        notices: [],
      };
    }
    const item = parsed.data;
    // Only what the line gives is compared: defaults (no sectors, no staff) contradict nothing.
    const given: Content = Object.fromEntries(
      fieldKeys.filter((k) => values[k] !== undefined).map((k) => [k, item[k as keyof Item] as StoredValue]),
    );
    const nameKey = key(item.name);
    const acronymKey = item.acronym ? key(item.acronym) : null;
    const existing = lookup.names.get(nameKey) ?? (acronymKey ? lookup.acronyms.get(acronymKey) : undefined);
    if (existing) {
      const diff = differences(fieldKeys, given, existing);
      return diff.length
        ? {
            errors: [
              {
                field: null,
                message: 'errors.importClashOrganisation',
                params: { name: label(existing) },
                differences: diff,
              },
            ],
            duplicate: null,
            notices: [],
          }
        : {
            errors: [],
            notices: [],
            duplicate: {
              field: null,
              message: 'errors.importDuplicateOrganisation',
              params: { name: label(existing) },
            },
          };
    }
    const keys = acronymKey ? [`name:${nameKey}`, `acronym:${acronymKey}`] : [`name:${nameKey}`];
    const again = againInFile(lookup.seen, keys, at, given, fieldKeys);
    if (again && 'error' in again) return { errors: [again.error], duplicate: null, notices: [] };
    if (again) return { errors: [], duplicate: again.duplicate, notices: [] };
    return { errors: [], notices: [], duplicate: null, item };
  },
  write: (ctx, items) => ({ created: createOrganisations(ctx, items).length }),
};
