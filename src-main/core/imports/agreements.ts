import type { z } from 'zod';
import { isNull } from 'drizzle-orm';
import {
  agreementFields,
  type AgreementFields,
  type agreementStatuses,
  type createAgreementInput,
  endOfTerm,
  type ImportIssue,
  type StoredValue,
} from '../../contract';
import { selectAgreementRows, toAgreement } from '../agreements/queries';
import { createAgreement } from '../agreements/service';
import { today, type Context } from '../context';
import { agreements } from '../db/schema';
import { frenchDate } from '../../contract/reportFormat';
import { compactKey } from '../text';
import { amount, choice, date, number, text, type Choice } from './cells';
import {
  againInFile,
  differences,
  fieldIssues,
  type Field,
  type Kind,
  type Seen,
  type TemplateList,
} from './kind';
import {
  createUsedOrganisations,
  loadOrganisations,
  referenceOf,
  resolveOrganisation,
  type OrganisationIndex,
} from './references';

export const agreementStatusChoices: Choice<(typeof agreementStatuses)[number]>[] = [
  { value: 'active', label: 'Active', also: ['En cours', 'Actif'] },
  { value: 'closed', label: 'Clôturée', also: ['Clôturé', 'Close', 'Terminée', 'Closed'] },
  { value: 'terminated', label: 'Résiliée', also: ['Résilié', 'Terminated'] },
];

export const organisationColumn = (example: string): Field => ({
  key: 'organisation',
  header: 'Organisation',
  fixable: true,
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

/** The template's list of the open organisations, offered in the organisation column. */
export const registeredOrganisations = (ctx: Context): TemplateList => ({
  header: 'Organisations enregistrées',
  values: loadOrganisations(ctx)
    .all.filter((o) => !o.archived)
    .map(referenceOf),
  field: 'organisation',
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
    numFmt: '0.#',
    hint: 'Des mois, avec une décimale au plus (19,2).',
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
    required: true,
    parse: choice(agreementStatusChoices),
    fixable: true,
    example: 'Active',
    width: 12,
    hint: 'Active, Clôturée ou Résiliée.',
    choices: agreementStatusChoices,
  },
  {
    key: 'terminationReason',
    header: 'Motif de résiliation',
    aliases: ['Motif', 'Termination reason'],
    required: false,
    parse: text,
    fixable: true,
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
  {
    key: 'region',
    header: 'Région',
    aliases: ['Region'],
    required: false,
    parse: text,
    fixable: true,
    example: null,
    width: 14,
    hint: 'Pour une organisation créée depuis ce fichier.',
  },
];

const fieldKeys = agreementColumns.map((f) => f.key);
/** What a line says of its agreement, compared with the record or line holding the same number. */
const compared = [
  'organisation',
  'signedOn',
  'durationMonths',
  'endOn',
  'amountFcfa',
  'status',
  'terminationReason',
  'notes',
];

type Item = z.output<typeof createAgreementInput>;
type Content = Record<string, StoredValue | undefined>;

interface Lookup {
  today: string;
  organisations: OrganisationIndex;
  /** Agreements recorded, by their number's key (no case, spaces or accents). */
  recorded: Map<string, Content>;
  seen: Map<string, Seen>;
}

/** An agreement's content as a line would give it, its end date in force included. */
const contentOf = (
  fields: Omit<z.output<typeof createAgreementInput>['fields'], 'endOn'> & { endOn: string | null },
  organisation: string,
): Content => ({
  organisation,
  signedOn: fields.signedOn,
  durationMonths: fields.durationMonths,
  endOn: fields.endOn ?? endOfTerm(fields.signedOn, fields.durationMonths),
  amountFcfa: fields.amountFcfa,
  status: fields.status,
  terminationReason: fields.terminationReason,
  notes: fields.notes,
});

export const agreementsKind: Kind<Lookup, Item> = {
  kind: 'agreements',
  sheet: 'Conventions',
  fileName: 'modele-import-conventions.xlsx',
  fields: agreementColumns,
  totalField: 'amountFcfa',
  createsOrganisations: true,
  load: (ctx, decisions) => {
    const recorded = new Map<string, Content>();
    for (const row of selectAgreementRows(ctx).where(isNull(agreements.deletedAt)).all()) {
      const a = toAgreement(row);
      recorded.set(compactKey(a.number), {
        ...contentOf(a, referenceOf({ name: row.organisationName, acronym: row.organisationAcronym })),
        number: a.number,
      });
    }
    return {
      today: today(ctx),
      organisations: loadOrganisations(ctx, decisions.newOrganisations),
      recorded,
      seen: new Map(),
    };
  },
  check: (values, at, lookup, unreadable) => {
    const { organisation: reference, region, ...fields } = values;
    const errors: ImportIssue[] = [];
    let organisationId: string | undefined;
    let organisationName = '';
    const notices: ImportIssue[] = [];
    if (typeof reference === 'string') {
      const found = resolveOrganisation(
        lookup.organisations,
        reference,
        'organisation',
        at,
        region as string | undefined,
      );
      if ('issue' in found) {
        // Here an unknown organisation can be created from the file: the message says so.
        const unknown = found.issue.message === 'errors.importUnknownOrganisation';
        errors.push(
          unknown ? { ...found.issue, message: 'errors.importUnknownOrganisationToCreate' } : found.issue,
        );
      } else if ('create' in found) {
        organisationId = found.id;
        organisationName = referenceOf(found.create);
        notices.push({
          field: 'organisation',
          message: 'imports.notices.organisationCreated',
          params: { value: found.create.name },
        });
      } else {
        organisationId = found.organisation.id;
        organisationName = referenceOf(found.organisation);
      }
    }
    const parsed = agreementFields.safeParse(fields as AgreementFields);
    if (!parsed.success) errors.push(...fieldIssues(parsed.error, fieldKeys));
    if (errors.length || unreadable || !parsed.success || !organisationId) {
      return { errors, duplicate: null, notices: [] };
    }

    const content = contentOf(parsed.data, organisationName);
    const stored = { organisation: organisationName, endOn: content.endOn as string };
    const number = compactKey(parsed.data.number);
    const known = lookup.recorded.get(number);
    if (known) {
      const diff = differences(compared, content, known);
      return diff.length
        ? {
            errors: [
              {
                field: 'number',
                message: 'errors.importClashAgreement',
                params: { number: known.number as string },
                differences: diff,
              },
            ],
            duplicate: null,
            notices: [],
            stored,
          }
        : {
            errors: [],
            duplicate: {
              field: 'number',
              message: 'errors.importDuplicateAgreement',
              params: { number: known.number as string },
            },
            notices: [],
            stored,
          };
    }
    const again = againInFile(lookup.seen, [number], at, content, compared);
    if (again && 'error' in again) return { errors: [again.error], duplicate: null, notices: [], stored };
    if (again) return { errors: [], duplicate: again.duplicate, notices: [], stored };
    if (parsed.data.status === 'active' && (content.endOn as string) < lookup.today) {
      const date = frenchDate(content.endOn as string);
      notices.push({ field: 'status', message: 'imports.notices.expired', params: { date } });
    }
    return { errors: [], notices, duplicate: null, stored, item: { organisationId, fields: parsed.data } };
  },
  write: (ctx, items, lookup) => {
    const created = createUsedOrganisations(
      ctx,
      lookup.organisations,
      items.map((i) => i.organisationId),
    );
    for (const item of items) {
      createAgreement(ctx, {
        ...item,
        organisationId: created.get(item.organisationId) ?? item.organisationId,
      });
    }
    return { created: items.length, organisationsCreated: created.size };
  },
  lists: (ctx) => [registeredOrganisations(ctx)],
};
