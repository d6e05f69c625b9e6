import type { z } from 'zod';
import { eq, isNull } from 'drizzle-orm';
import {
  type ageBands,
  type createParticipantInput,
  type ImportIssue,
  type LineRef,
  type ParticipantFields,
  participantFields,
  type sexes,
  type StoredValue,
} from '../../contract';
import { organisations, participants } from '../db/schema';
import { insertParticipants, participantColumns as participantRecord } from '../participants/service';
import { nameKeys, phoneKey, similarNameKeys, type NameKeys } from '../sessions/figures';
import { choice, display, parser, phone, text, yesNo, type Choice } from './cells';
import { organisationColumn, registeredOrganisations } from './agreements';
import { differences, fieldIssues, placeOf, type Field, type Kind } from './kind';
import { loadOrganisations, referenceOf, resolveOrganisation, type OrganisationIndex } from './references';

export const sexChoices: Choice<(typeof sexes)[number]>[] = [
  { value: 'F', label: 'Femme', also: ['Féminin', 'Fille', 'Woman', 'Female', 'W'] },
  { value: 'M', label: 'Homme', also: ['H', 'Masculin', 'Garçon', 'Man', 'Male'] },
];

type AgeBand = (typeof ageBands)[number];
export const ageBandChoices: (Choice<AgeBand> & { from: number; to: number })[] = [
  {
    value: 'under_25',
    label: 'Moins de 25 ans',
    also: ['Under 25', '- de 25 ans', '< 25 ans'],
    from: 0,
    to: 24,
  },
  { value: '25_34', label: '25–34 ans', also: ['25–34', '25-34', '25 à 34 ans'], from: 25, to: 34 },
  { value: '35_49', label: '35–49 ans', also: ['35–49', '35-49', '35 à 49 ans'], from: 35, to: 49 },
  {
    value: '50_plus',
    label: '50 ans et plus',
    also: ['50 and over', '50+', '50 ans +', '+ de 50 ans'],
    from: 50,
    to: 150,
  },
];

const byLabel = choice(ageBandChoices);

/** An age band by its label, or an age (32 → 25–34 ans). */
const ageBand = parser('choice', (cell) => {
  const named = byLabel(cell);
  if (named.ok) return named;
  const age =
    typeof cell === 'number'
      ? cell
      : /^\d{1,3}( ?ans)?$/.test(display(cell).trim())
        ? parseInt(display(cell), 10)
        : NaN;
  const band = Number.isInteger(age) ? ageBandChoices.find((b) => age >= b.from && age <= b.to) : undefined;
  return band ? { ok: true, value: band.value } : named;
});

export const decisionChoices: Choice[] = [
  { value: 'yes', label: 'Oui' },
  { value: 'no', label: 'Non' },
];

/** A person's names, as the participants' and the attendance files both give them. */
export const nameColumns: Field[] = [
  {
    key: 'lastName',
    header: 'Nom',
    aliases: ['Nom de famille', 'Last name', 'Surname'],
    required: true,
    parse: text,
    example: 'Traoré',
    width: 18,
  },
  {
    key: 'firstName',
    header: 'Prénom',
    aliases: ['Prénoms', 'Prénom(s)', 'First name'],
    required: true,
    parse: text,
    example: 'Aminata',
    width: 18,
  },
];

export const participantColumns: Field[] = [
  organisationColumn('CAFO'),
  ...nameColumns,
  {
    key: 'sex',
    header: 'Sexe',
    aliases: ['Genre', 'Sex', 'F/H', 'H/F'],
    required: true,
    parse: choice(sexChoices),
    example: 'Femme',
    width: 10,
    hint: 'Femme ou Homme (F ou H).',
    choices: sexChoices,
  },
  {
    key: 'ageBand',
    header: 'Tranche d’âge',
    aliases: ['Âge', 'Age', 'Tranche d’âge', 'Age band'],
    required: false,
    parse: ageBand,
    example: '35–49 ans',
    width: 16,
    hint: 'Une tranche, ou l’âge en années.',
    choices: ageBandChoices,
  },
  {
    key: 'position',
    header: 'Fonction',
    aliases: ['Poste', 'Titre', 'Position'],
    required: false,
    parse: text,
    example: 'Trésorière',
    width: 20,
  },
  {
    key: 'decisionMaker',
    header: 'Poste de décision',
    aliases: [
      'Décideur',
      'Décideuse',
      'Occupe un poste de décision',
      'Decision-maker',
      'Decision-making role',
    ],
    required: false,
    parse: yesNo,
    example: 'Oui',
    width: 12,
    hint: 'Oui ou Non (Non si laissé vide).',
    choices: decisionChoices,
  },
  {
    key: 'phone',
    header: 'Téléphone',
    aliases: ['Tél', 'Tel', 'Contact', 'Numéro de téléphone', 'Phone'],
    required: false,
    parse: phone,
    example: '+223 76 12 34 56',
    width: 18,
  },
];

const fieldKeys = participantColumns.map((f) => f.key);
/** What a line says of a person, compared with the participant (or earlier line) it resembles. */
const compared = [
  'organisation',
  'lastName',
  'firstName',
  'sex',
  'ageBand',
  'position',
  'decisionMaker',
  'phone',
];

type Item = z.output<typeof createParticipantInput>['fields'];
type Content = Record<string, StoredValue | undefined>;

interface Person {
  names: NameKeys;
  content: Content;
  /** How the person is named in messages: "Aminata Traoré (CAFO)". */
  label: string;
  /** Set when the person is a line of this file, not a registered participant. */
  at?: LineRef;
}

interface Lookup {
  organisations: OrganisationIndex;
  /** People by organisation and by phone (last 8 digits): the two ways of being the same person. */
  byOrganisation: Map<string, Person[]>;
  byPhone: Map<string, Person>;
  /** What the user said of lines resembling someone: the same person, or another. */
  settled: Map<string, boolean>;
}

const lineKey = (at: LineRef) => `${at.sheet}\u0000${at.line}`;

/** The likely-duplicate rule of `likelyDuplicates` (same phone, or same organisation and a similar name). */
function likelyDuplicate(lookup: Lookup, item: Item, names: NameKeys): Person | undefined {
  const phone = phoneKey(item.phone);
  const samePhone = phone ? lookup.byPhone.get(phone) : undefined;
  if (samePhone) return samePhone;
  return lookup.byOrganisation.get(item.organisationId)?.find((p) => similarNameKeys(p.names, names));
}

function remember(lookup: Lookup, organisationId: string, phone: string | null, person: Person) {
  const list = lookup.byOrganisation.get(organisationId);
  if (list) list.push(person);
  else lookup.byOrganisation.set(organisationId, [person]);
  const digits = phoneKey(phone);
  if (digits && !lookup.byPhone.has(digits)) lookup.byPhone.set(digits, person);
}

/** A person's content; phones compare by their last 8 digits (+223 76 12 34 56 = 76123456). */
const contentOf = (p: Omit<Item, 'organisationId'>, organisation: string): Content => ({
  organisation,
  lastName: p.lastName,
  firstName: p.firstName,
  sex: p.sex,
  ageBand: p.ageBand,
  position: p.position,
  decisionMaker: p.decisionMaker,
  phone: phoneKey(p.phone) ?? p.phone,
});

export const participantsKind: Kind<Lookup, Item> = {
  kind: 'participants',
  sheet: 'Participants',
  fileName: 'modele-import-participants.xlsx',
  fields: participantColumns,
  load: (ctx, decisions) => {
    const lookup: Lookup = {
      organisations: loadOrganisations(ctx),
      byOrganisation: new Map(),
      byPhone: new Map(),
      settled: new Map(decisions.resemblances.map((r) => [lineKey(r), r.samePerson])),
    };
    const people = ctx.db
      .select(participantRecord)
      .from(participants)
      .innerJoin(organisations, eq(organisations.id, participants.organisationId))
      .where(isNull(participants.deletedAt))
      .all();
    for (const p of people) {
      const organisation = referenceOf({ name: p.organisationName, acronym: p.organisationAcronym });
      remember(lookup, p.organisationId, p.phone, {
        names: nameKeys(p),
        content: contentOf(p as Omit<Item, 'organisationId'>, organisation),
        label: `${p.firstName} ${p.lastName} (${organisation})`,
      });
    }
    return lookup;
  },
  check: (values, at, lookup, unreadable) => {
    const { organisation: reference, ...rest } = values;
    const errors: ImportIssue[] = [];
    let organisationId = '';
    let organisation = '';
    if (typeof reference === 'string') {
      const found = resolveOrganisation(lookup.organisations, reference, 'organisation');
      if ('issue' in found) errors.push(found.issue);
      else if ('organisation' in found && found.organisation.archived) {
        errors.push({
          field: 'organisation',
          message: 'errors.importOrganisationArchived',
          params: { value: reference },
        });
      } else if ('organisation' in found) {
        organisationId = found.organisation.id;
        organisation = referenceOf(found.organisation);
      }
    }
    const parsed = participantFields.safeParse({
      ...rest,
      // A stand-in while the organisation is in error, so the other cells are still checked.
      organisationId: organisationId || 'unknown',
    } as ParticipantFields);
    if (!parsed.success)
      errors.push(...fieldIssues(parsed.error, fieldKeys, { organisationId: 'organisation' }));
    if (errors.length || unreadable || !parsed.success) return { errors, duplicate: null, notices: [] };

    const fields = parsed.data;
    const names = nameKeys(fields);
    const content = contentOf(fields, organisation);
    const stored = { organisation };
    const person = { names, content, label: '', at };
    const existing = likelyDuplicate(lookup, fields, names);
    if (existing) {
      const place = existing.at ? placeOf(existing.at, at) : { name: existing.label };
      const diff = differences(compared, content, existing.content);
      const settled = lookup.settled.get(lineKey(at));
      if (settled === false) {
        remember(lookup, fields.organisationId, fields.phone, person);
        const message = existing.at ? 'imports.notices.otherPersonThanLine' : 'imports.notices.otherPerson';
        const notice = { field: null, message, params: place };
        return { errors: [], duplicate: null, notices: [notice], stored, resemblance: true, item: fields };
      }
      const inSheet = 'sheet' in place ? 'InSheet' : '';
      if (settled === true || !diff.length) {
        const message = existing.at
          ? `errors.importDuplicateInFile${inSheet}`
          : 'errors.importDuplicateParticipant';
        const duplicate = { field: null, message, params: place };
        return { errors: [], duplicate, notices: [], stored, resemblance: diff.length > 0 };
      }
      const message = existing.at
        ? `errors.importResemblesLine${inSheet}`
        : 'errors.importResemblesParticipant';
      const error = { field: null, message, params: place, differences: diff };
      return { errors: [error], duplicate: null, notices: [], stored, resemblance: true };
    }
    remember(lookup, fields.organisationId, fields.phone, person);
    return { errors: [], notices: [], duplicate: null, stored, item: fields };
  },
  // Organisations were checked open and likely duplicates settled: what is left is new people.
  write: (ctx, items) => ({ created: insertParticipants(ctx, items).length }),

  lists: (ctx) => [registeredOrganisations(ctx)],
};
