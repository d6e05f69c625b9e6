import { and, asc, desc, eq, isNull, ne, sql, type SQL } from 'drizzle-orm';
import type { Output, ParsedInput } from '../../contract';
import type { Context } from '../context';
import { timestamp } from '../context';
import { agreements, organisations } from '../db/schema';
import { AppError, notFound } from '../errors';
import { newId } from '../ids';
import { likePattern } from '../text';
import { findOrganisation } from '../organisations/service';
import { agreementTotals, toAgreement } from './queries';

type Fields = ParsedInput<'agreements.create'>['fields'];

function assertNumberFree(ctx: Context, number: string, exceptId?: string) {
  const taken = ctx.db
    .select({ id: agreements.id })
    .from(agreements)
    .where(
      and(
        eq(sql`upper(${agreements.number})`, number.toUpperCase()),
        isNull(agreements.deletedAt),
        exceptId ? ne(agreements.id, exceptId) : undefined,
      ),
    )
    .get();
  if (taken) {
    throw new AppError('CONFLICT', `Une convention porte déjà le numéro ${number}.`, [
      { path: ['fields', 'number'], message: 'errors.agreementNumberTaken' },
    ]);
  }
}

/** A closed or active agreement keeps no termination reason. */
const normalise = (fields: Fields) => ({
  ...fields,
  terminationReason: fields.status === 'terminated' ? fields.terminationReason : null,
});

function findAgreement(ctx: Context, id: string) {
  const row = ctx.db
    .select()
    .from(agreements)
    .where(and(eq(agreements.id, id), isNull(agreements.deletedAt)))
    .get();
  if (!row) throw notFound('Convention');
  return row;
}

export function createAgreement(ctx: Context, { organisationId, fields }: ParsedInput<'agreements.create'>) {
  findOrganisation(ctx, organisationId);
  assertNumberFree(ctx, fields.number);
  const now = timestamp(ctx);
  const row = ctx.db
    .insert(agreements)
    .values({ id: newId(), organisationId, ...normalise(fields), createdAt: now, updatedAt: now })
    .returning()
    .get();
  return toAgreement(row);
}

export function updateAgreement(ctx: Context, { id, fields }: ParsedInput<'agreements.update'>) {
  findAgreement(ctx, id);
  assertNumberFree(ctx, fields.number, id);
  const row = ctx.db
    .update(agreements)
    .set({ ...normalise(fields), updatedAt: timestamp(ctx) })
    .where(eq(agreements.id, id))
    .returning()
    .get();
  return toAgreement(row);
}

export function removeAgreement(ctx: Context, id: string) {
  findAgreement(ctx, id);
  const now = timestamp(ctx);
  ctx.db.update(agreements).set({ deletedAt: now, updatedAt: now }).where(eq(agreements.id, id)).run();
  return { ok: true as const };
}

const sortColumns = {
  signedOn: agreements.signedOn,
  number: agreements.number,
  amountFcfa: agreements.amountFcfa,
  organisation: sql`fold(${organisations.name})`,
  status: agreements.status,
} as const;

export function listAgreements(
  ctx: Context,
  input: ParsedInput<'agreements.list'>,
): Output<'agreements.list'> {
  const filters: (SQL | undefined)[] = [
    isNull(agreements.deletedAt),
    input.status && eq(agreements.status, input.status),
    input.organisationId ? eq(agreements.organisationId, input.organisationId) : undefined,
  ];
  if (input.search) {
    const pattern = likePattern(input.search);
    filters.push(
      sql`fold(concat_ws(' ', ${agreements.number}, ${organisations.name}, ${organisations.acronym})) LIKE ${pattern} ESCAPE '\\'`,
    );
  }
  const where = and(...filters);
  const order = input.direction === 'desc' ? desc : asc;
  const rows = ctx.db
    .select({
      agreement: agreements,
      organisationName: organisations.name,
      organisationAcronym: organisations.acronym,
    })
    .from(agreements)
    .innerJoin(organisations, eq(organisations.id, agreements.organisationId))
    .where(where)
    .orderBy(order(sortColumns[input.sort]), asc(agreements.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .all();
  const matching = ctx.db
    .select({ id: agreements.id })
    .from(agreements)
    .innerJoin(organisations, eq(organisations.id, agreements.organisationId))
    .where(where);
  const totals = agreementTotals(ctx, sql`${agreements.id} IN ${matching}`);
  return {
    items: rows.map((r) => ({
      ...toAgreement(r.agreement),
      organisationName: r.organisationName,
      organisationAcronym: r.organisationAcronym,
    })),
    total: totals.count,
    page: input.page,
    pageSize: input.pageSize,
    totals,
  };
}
