import { isNull } from 'drizzle-orm';
import {
  agreementFields,
  type AgreementFields,
  type agreementStatuses,
  type ParsedInput,
} from '../../contract';
import { createAgreement } from '../agreements/service';
import { agreements } from '../db/schema';
import { amount, choice, date, number, text, type Choice } from './cells';
import { fieldIssues, firstSeen, type Field, type Kind } from './kind';
import { loadOrganisations, referenceOf, resolveOrganisation, type OrganisationIndex } from './references';

export const agreementStatusChoices: Choice<(typeof agreementStatuses)[number]>[] = [
  { value: 'active', label: 'Active', also: ['En cours', 'Actif'] },
  { value: 'closed', label: 'Clôturée', also: ['Clôturé', 'Close', 'Terminée', 'Closed'] },
  { value: 'terminated', label: 'Résiliée', also: ['Résilié', 'Terminated'] },
];

export const organisationColumn = (example: string): Field => ({
  key: 'organisation',
  header: 'Organisation',
  aliases: [
    'Organisation (sigle ou nom)',
    'Sigle',
    'Structure',
    'Structures partenaires',
    'Structure partenaire',
    'Partenaire',
    'Bénéficiaire',
    'Organization',
  ],
  required: true,
  parse: text,
  example,
  width: 28,
  hint: 'Le sigle ou le nom d’une organisation déjà enregistrée.',
});

export const agreementColumns: Field[] = [
  organisationColumn('CAFO'),
  {
    key: 'number',
    header: 'Numéro',
    aliases: ['N° convention', 'Numéro de convention', 'N°', 'No', 'Convention', 'Référence', 'Number'],
    required: true,
    parse: text,
    example: 'DDRK23-002-APO',
    width: 20,
  },
  {
    key: 'signedOn',
    header: 'Date de signature',
    aliases: ['Signature', 'Signée le', 'Date signature', 'Date', 'Signature date'],
    required: true,
    parse: date,
    example: new Date(Date.UTC(2023, 6, 5)),
    width: 16,
    numFmt: 'dd/mm/yyyy',
    hint: 'jj/mm/aaaa',
  },
  {
    key: 'durationMonths',
    header: 'Durée (mois)',
    aliases: ['Durée', 'Durée prévue (en mois)', 'Durée en mois', 'Nombre de mois', 'Duration (months)'],
    required: true,
    parse: number,
    example: 14,
    width: 12,
    numFmt: '0',
  },
  {
    key: 'endOn',
    header: 'Date de fin',
    aliases: ['Fin', 'Échéance', 'End date'],
    required: false,
    parse: date,
    example: null,
    width: 16,
    numFmt: 'dd/mm/yyyy',
    hint: 'Laissez vide pour la calculer à partir de la signature et de la durée.',
  },
  {
    key: 'amountFcfa',
    header: 'Montant (F CFA)',
    aliases: [
      'Montant',
      'Montant convention FCFA',
      'Montant FCFA',
      'Montant en FCFA',
      'Montant délégué',
      'Budget',
      'Amount (CFA francs)',
      'Amount',
    ],
    required: true,
    parse: amount,
    example: 92_001_000,
    width: 18,
    numFmt: '#,##0',
    hint: 'Un nombre entier de F CFA, sans décimales.',
  },
  {
    key: 'status',
    header: 'Statut',
    aliases: ['État', 'Status'],
    required: false,
    parse: choice(agreementStatusChoices),
    example: 'Active',
    width: 12,
    hint: 'Active si laissé vide.',
    choices: agreementStatusChoices,
  },
  {
    key: 'terminationReason',
    header: 'Motif de résiliation',
    aliases: ['Motif', 'Termination reason'],
    required: false,
    parse: text,
    example: null,
    width: 24,
  },
  {
    key: 'notes',
    header: 'Observations',
    aliases: ['Remarques', 'Commentaires', 'Notes'],
    required: false,
    parse: text,
    example: null,
    width: 30,
  },
];

const fieldKeys = agreementColumns.map((f) => f.key);

type Item = ParsedInput<'agreements.create'>;

interface Lookup {
  organisations: OrganisationIndex;
  /** Numbers in use, in capitals (the database compares them so). */
  numbers: Set<string>;
  seen: Map<string, number>;
}

export const agreementsKind: Kind<Lookup, Item> = {
  kind: 'agreements',
  sheet: 'Conventions',
  fileName: 'modele-import-conventions.xlsx',
  fields: agreementColumns,
  load: (ctx) => ({
    organisations: loadOrganisations(ctx),
    numbers: new Set(
      ctx.db
        .select({ number: agreements.number })
        .from(agreements)
        .where(isNull(agreements.deletedAt))
        .all()
        .map((a) => a.number.toUpperCase()),
    ),
    seen: new Map(),
  }),
  check: (values, line, lookup, unreadable) => {
    const { organisation: reference, ...fields } = values;
    const errors = [];
    let organisationId: string | undefined;
    if (typeof reference === 'string') {
      const found = resolveOrganisation(lookup.organisations, reference, 'organisation');
      if ('issue' in found) errors.push(found.issue);
      else organisationId = found.organisation.id;
    } else {
      errors.push({ field: 'organisation', message: 'errors.required' });
    }
    const parsed = agreementFields.safeParse(fields as AgreementFields);
    if (!parsed.success) errors.push(...fieldIssues(parsed.error, fieldKeys));
    if (errors.length || unreadable || !parsed.success || !organisationId) {
      return { errors, duplicate: null, notices: [] };
    }

    const number = parsed.data.number.toUpperCase();
    if (lookup.numbers.has(number)) {
      return {
        errors: [],
        notices: [],
        duplicate: {
          field: 'number',
          message: 'errors.importDuplicateAgreement',
          params: { number: parsed.data.number },
        },
      };
    }
    const again = firstSeen(lookup.seen, [number], line);
    return {
      errors: [],
      notices: [],
      duplicate: again,
      item: again ? undefined : { organisationId, fields: parsed.data },
    };
  },
  write: (ctx, items) => {
    for (const item of items) createAgreement(ctx, item);
    return { created: items.length };
  },
  lists: (ctx) => [
    {
      header: 'Organisations enregistrées',
      values: loadOrganisations(ctx)
        .all.filter((o) => !o.archived)
        .map(referenceOf),
      field: 'organisation',
    },
  ],
};
