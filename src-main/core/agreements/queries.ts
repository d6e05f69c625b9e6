import { and, asc, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { endOfTerm, fcfaToEur, type Agreement, type AgreementTotals } from '../../contract';
import type { Context } from '../context';
import { agreements } from '../db/schema';

type Row = typeof agreements.$inferSelect;

/** The one place where an agreement's derived figures (end date, EUR) are computed. */
export function toAgreement({ deletedAt: _, endOn, ...row }: Row): Agreement {
  return {
    ...row,
    status: row.status as Agreement['status'],
    endOnEntered: endOn,
    endOn: endOn ?? endOfTerm(row.signedOn, row.durationMonths),
    amountEur: fcfaToEur(row.amountFcfa),
  };
}

export function agreementsOf(ctx: Context, organisationId: string): Agreement[] {
  return ctx.db
    .select()
    .from(agreements)
    .where(and(eq(agreements.organisationId, organisationId), isNull(agreements.deletedAt)))
    .orderBy(desc(agreements.signedOn), asc(agreements.number))
    .all()
    .map(toAgreement);
}

/** Totals of the (not deleted) agreements matching `where`, summed in SQL, never stored. */
export function agreementTotals(ctx: Context, where: SQL | undefined): AgreementTotals {
  const row = ctx.db
    .select({
      count: sql<number>`count(*)`,
      amountFcfa: sql<number>`coalesce(sum(${agreements.amountFcfa}), 0)`,
      activeCount: sql<number>`count(*) FILTER (WHERE ${agreements.status} = 'active')`,
      activeAmountFcfa: sql<number>`coalesce(sum(${agreements.amountFcfa}) FILTER (WHERE ${agreements.status} = 'active'), 0)`,
    })
    .from(agreements)
    .where(and(isNull(agreements.deletedAt), where))
    .get()!;
  return { ...row, amountEur: fcfaToEur(row.amountFcfa) };
}
