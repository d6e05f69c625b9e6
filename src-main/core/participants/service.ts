import type { z } from 'zod';
import { and, asc, count, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type {
  createParticipantInput,
  listParticipantsInput,
  Participant,
  participantPage,
  updateParticipantInput,
} from '../../contract';
import type { Context } from '../context';
import { timestamp } from '../context';
import { organisations, participants } from '../db/schema';
import { AppError, notFound } from '../errors';
import { newId } from '../ids';
import { fold, wordPatterns } from '../text';
import { findOrganisation } from '../organisations/service';
import { phoneKey, similarNames } from '../sessions/figures';

type Fields = z.output<typeof createParticipantInput>['fields'];

export const participantColumns = {
  id: participants.id,
  organisationId: participants.organisationId,
  organisationName: organisations.name,
  organisationAcronym: organisations.acronym,
  firstName: participants.firstName,
  lastName: participants.lastName,
  sex: participants.sex,
  ageBand: participants.ageBand,
  position: participants.position,
  decisionMaker: participants.decisionMaker,
  phone: participants.phone,
  createdAt: participants.createdAt,
};

/**
 * The columns derived from a participant's fields for sorting, searching and duplicate checks:
 * written by every local write and recomputed from the fields a synchronisation brings.
 */
export function derived(fields: Pick<Fields, 'firstName' | 'lastName' | 'phone'>) {
  return {
    phoneDigits: phoneKey(fields.phone),
    sortName: fold(`${fields.lastName} ${fields.firstName}`),
    searchText: fold([fields.firstName, fields.lastName, fields.phone].filter(Boolean).join(' ')),
  };
}

/** Participants with their organisation, as the contract shows them. */
export function participantsWhere(ctx: Context, where: SQL | undefined): Participant[] {
  return ctx.db
    .select(participantColumns)
    .from(participants)
    .innerJoin(organisations, eq(organisations.id, participants.organisationId))
    .where(and(isNull(participants.deletedAt), where))
    .orderBy(asc(participants.sortName))
    .all() as Participant[];
}

export function getParticipant(ctx: Context, id: string): Participant {
  const [row] = participantsWhere(ctx, eq(participants.id, id));
  if (!row) throw notFound('Participant');
  return row;
}

/** People already registered who are likely the same person: same phone, or same organisation and a similar name. */
export function likelyDuplicates(ctx: Context, fields: Fields, exceptId?: string): Participant[] {
  const key = phoneKey(fields.phone);
  const sameOrganisation = participantsWhere(ctx, eq(participants.organisationId, fields.organisationId));
  const samePhone = key ? participantsWhere(ctx, eq(participants.phoneDigits, key)) : [];
  const found = new Map<string, Participant>();
  for (const p of samePhone) found.set(p.id, p);
  for (const p of sameOrganisation) if (similarNames(p, fields)) found.set(p.id, p);
  found.delete(exceptId ?? '');
  return [...found.values()];
}

export function createParticipant(
  ctx: Context,
  { fields, confirmedNotDuplicate }: z.output<typeof createParticipantInput>,
) {
  const organisation = findOrganisation(ctx, fields.organisationId);
  if (organisation.archivedAt) throw new AppError('CONFLICT', 'Cette organisation est archivée.');
  if (!confirmedNotDuplicate) {
    const duplicates = likelyDuplicates(ctx, fields);
    if (duplicates.length) {
      throw new AppError(
        'CONFLICT',
        `Cette personne semble déjà enregistrée : ${duplicates.map((d) => `${d.firstName} ${d.lastName} (${d.organisationAcronym ?? d.organisationName})`).join(', ')}.`,
        duplicates.map((d) => ({ path: ['duplicates', d.id], message: 'errors.likelyDuplicate' })),
      );
    }
  }
  const [id] = insertParticipants(ctx, [fields]);
  return getParticipant(ctx, id!);
}

/**
 * Records people already checked (open organisation, not a likely duplicate): one by one
 * from the form, or many at once from an import, a few statements for thousands.
 */
export function insertParticipants(ctx: Context, list: Fields[]): string[] {
  const now = timestamp(ctx);
  const rows = list.map((fields) => ({
    id: newId(),
    ...fields,
    ...derived(fields),
    createdAt: now,
    updatedAt: now,
  }));
  for (let start = 0; start < rows.length; start += 500) {
    ctx.db
      .insert(participants)
      .values(rows.slice(start, start + 500))
      .run();
  }
  return rows.map((r) => r.id);
}

export function updateParticipant(ctx: Context, { id, fields }: z.output<typeof updateParticipantInput>) {
  getParticipant(ctx, id);
  findOrganisation(ctx, fields.organisationId);
  ctx.db
    .update(participants)
    .set({ ...fields, ...derived(fields), updatedAt: timestamp(ctx) })
    .where(eq(participants.id, id))
    .run();
  return getParticipant(ctx, id);
}

const sortColumns = {
  name: participants.sortName,
  organisation: sql`fold(${organisations.name})`,
  createdAt: participants.createdAt,
};

export function listParticipants(
  ctx: Context,
  input: z.output<typeof listParticipantsInput>,
): z.output<typeof participantPage> {
  const where = and(
    isNull(participants.deletedAt),
    input.organisationId ? eq(participants.organisationId, input.organisationId) : undefined,
    input.sex ? eq(participants.sex, input.sex) : undefined,
    ...wordPatterns(input.search).map(
      (pattern) => sql`${participants.searchText} LIKE ${pattern} ESCAPE '\\'`,
    ),
  );
  // Counted on the index of live people, narrower than the table (the planner's statistics would
  // read the table); one organisation's people are found by its own index.
  const total = ctx.db
    .select({ n: count() })
    .from(input.organisationId ? participants : sql`${participants} INDEXED BY participants_live_idx`)
    .where(where)
    .get()!.n;
  const order = input.direction === 'desc' ? desc : asc;
  const items = ctx.db
    .select(participantColumns)
    .from(participants)
    .innerJoin(organisations, eq(organisations.id, participants.organisationId))
    .where(where)
    .orderBy(order(sortColumns[input.sort]), asc(participants.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .all() as Participant[];
  return { items, total, page: input.page, pageSize: input.pageSize };
}
