import { and, asc, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { fcfaToEur, type Agreement, type AgreementTotals } from '../../contract';
import { today, type Context } from '../context';
import { agreements, organisations } from '../db/schema';

type Row = typeof agreements.$inferSelect;

/** The end date in force: entered, or computed from signature and duration (contract `endOfTerm`). */
export const endOnInForce = sql<string>`coalesce(${agreements.endOn}, end_of_term(${agreements.signedOn}, ${agreements.durationMonths}))`;

/** An active agreement whose end date has passed: « échue ». The one definition, for rows and totals. */
export const expired = (ctx: Context) =>
  sql<number>`(${agreements.status} = 'active' AND ${endOnInForce} < ${today(ctx)})`;

/** The columns a query selects to build an `Agreement` with `toAgreement`. */
export const agreementSelection = (ctx: Context) => ({
  agreement: agreements,
  endOnInForce,
  expired: expired(ctx),
});

/** Agreements with their organisation's name and acronym: chain `.where()`, `.orderBy()`… */
export const selectAgreementRows = (ctx: Context) =>
  ctx.db
    .select({
      ...agreementSelection(ctx),
      organisationName: organisations.name,
      organisationAcronym: organisations.acronym,
    })
    .from(agreements)
    .innerJoin(organisations, eq(organisations.id, agreements.organisationId));

/** The one place where an agreement's derived figures (end date, EUR, « échue ») are given their shape. */
export function toAgreement({
  agreement: { deletedAt: _, numberKey: __, endOn, ...row },
  endOnInForce,
  expired,
}: {
  agreement: Row;
  endOnInForce: string;
  expired: number | boolean;
}): Agreement {
  return {
    ...row,
    status: row.status as Agreement['status'],
    endOnEntered: endOn,
    endOn: endOnInForce,
    expired: Boolean(expired),
    amountFcfa: row.amountFcfa,
    amountEur: fcfaToEur(row.amountFcfa),
  };
}

export function agreementsOf(ctx: Context, organisationId: string): Agreement[] {
  return ctx.db
    .select(agreementSelection(ctx))
    .from(agreements)
    .where(and(eq(agreements.organisationId, organisationId), isNull(agreements.deletedAt)))
    .orderBy(desc(agreements.signedOn), asc(agreements.number))
    .all()
    .map(toAgreement);
}

/** Totals of the (not deleted) agreements matching `where`, summed in SQL, never stored. */
export function agreementTotals(ctx: Context, where: SQL | undefined): AgreementTotals {
  const inForce = sql`${agreements.status} = 'active' AND NOT ${expired(ctx)}`;
  const row = ctx.db
    .select({
      count: sql<number>`count(*)`,
      amountFcfa: sql<number>`coalesce(sum(${agreements.amountFcfa}), 0)`,
      activeCount: sql<number>`count(*) FILTER (WHERE ${inForce})`,
      activeAmountFcfa: sql<number>`coalesce(sum(${agreements.amountFcfa}) FILTER (WHERE ${inForce}), 0)`,
      expiredCount: sql<number>`count(*) FILTER (WHERE ${expired(ctx)})`,
      expiredAmountFcfa: sql<number>`coalesce(sum(${agreements.amountFcfa}) FILTER (WHERE ${expired(ctx)}), 0)`,
    })
    .from(agreements)
    .where(and(isNull(agreements.deletedAt), where))
    .get()!;
  return { ...row, amountEur: fcfaToEur(row.amountFcfa) };
}
