import type { z } from 'zod';
import { and, asc, desc, eq, isNull, ne, sql, type SQL } from 'drizzle-orm';
import type {
  agreementPage,
  createAgreementInput,
  listAgreementsInput,
  updateAgreementInput,
} from '../../contract';
import type { Context } from '../context';
import { timestamp } from '../context';
import { agreements, organisations } from '../db/schema';
import { AppError, notFound } from '../errors';
import { newId } from '../ids';
import { compactKey } from '../text';
import { containsSearch } from '../db/sql';
import { findOrganisation } from '../organisations/service';
import { agreementSelection, agreementTotals, selectAgreementRows, toAgreement } from './queries';

type Fields = z.output<typeof createAgreementInput>['fields'];

/** The agreement that holds `number` as compared (no case, spaces or accents), if any. */
export function agreementByNumber(ctx: Context, number: string, exceptId?: string) {
  return ctx.db
    .select({ id: agreements.id, number: agreements.number })
    .from(agreements)
    .where(
      and(
        eq(agreements.numberKey, compactKey(number)),
        isNull(agreements.deletedAt),
        exceptId ? ne(agreements.id, exceptId) : undefined,
      ),
    )
    .get();
}

function assertNumberFree(ctx: Context, number: string, exceptId?: string) {
  const taken = agreementByNumber(ctx, number, exceptId);
  if (taken) {
    throw new AppError('CONFLICT', `Une convention porte déjà le numéro ${taken.number}.`, [
      { path: ['fields', 'number'], message: 'errors.agreementNumberTaken' },
    ]);
  }
}

/** A closed or active agreement keeps no termination reason; the number's key goes with it. */
const normalise = (fields: Fields) => ({
  ...fields,
  numberKey: compactKey(fields.number),
  terminationReason: fields.status === 'terminated' ? fields.terminationReason : null,
});

function findAgreement(ctx: Context, id: string) {
  const row = ctx.db
    .select(agreementSelection(ctx))
    .from(agreements)
    .where(and(eq(agreements.id, id), isNull(agreements.deletedAt)))
    .get();
  if (!row) throw notFound('Convention');
  return toAgreement(row);
}

export function createAgreement(
  ctx: Context,
  { organisationId, fields }: z.output<typeof createAgreementInput>,
) {
  findOrganisation(ctx, organisationId);
  assertNumberFree(ctx, fields.number);
  const now = timestamp(ctx);
  const id = newId();
  ctx.db
    .insert(agreements)
    .values({ id, organisationId, ...normalise(fields), createdAt: now, updatedAt: now })
    .run();
  return findAgreement(ctx, id);
}

export function updateAgreement(ctx: Context, { id, fields }: z.output<typeof updateAgreementInput>) {
  findAgreement(ctx, id);
  assertNumberFree(ctx, fields.number, id);
  ctx.db
    .update(agreements)
    .set({ ...normalise(fields), updatedAt: timestamp(ctx) })
    .where(eq(agreements.id, id))
    .run();
  return findAgreement(ctx, id);
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
  input: z.output<typeof listAgreementsInput>,
): z.output<typeof agreementPage> {
  const filters: (SQL | undefined)[] = [
    isNull(agreements.deletedAt),
    input.status && eq(agreements.status, input.status),
    input.organisationId ? eq(agreements.organisationId, input.organisationId) : undefined,
  ];
  if (input.search) {
    filters.push(
      containsSearch([agreements.number, organisations.name, organisations.acronym], input.search),
    );
  }
  const where = and(...filters);
  const order = input.direction === 'desc' ? desc : asc;
  const rows = selectAgreementRows(ctx)
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
      ...toAgreement(r),
      organisationName: r.organisationName,
      organisationAcronym: r.organisationAcronym,
    })),
    total: totals.count,
    page: input.page,
    pageSize: input.pageSize,
    totals,
  };
}
