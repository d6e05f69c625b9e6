import type { z } from 'zod';
import { and, asc, count, desc, eq, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type {
  changeStatusInput,
  listOrganisationsInput,
  organisation,
  organisationDetail,
  organisationFields,
  organisationPage,
  OrganisationStatus,
  updateOrganisationInput,
} from '../../contract';
import type { Context } from '../context';
import { timestamp } from '../context';
import { agreements, organisations, organisationStatusChanges } from '../db/schema';
import { AppError, notFound } from '../errors';
import { newId } from '../ids';
import { containsSearch, qualified } from '../db/sql';
import { agreementsOf, agreementTotals } from '../agreements/queries';

type Row = typeof organisations.$inferSelect;

function toOrganisation(row: Row): z.output<typeof organisation> {
  return {
    ...row,
    type: row.type as z.output<typeof organisation>['type'],
    level: row.level as z.output<typeof organisation>['level'],
    status: row.status as z.output<typeof organisation>['status'],
    sectors: row.sectors as z.output<typeof organisation>['sectors'],
  };
}

export function findOrganisation(ctx: Context, id: string): Row {
  const row = ctx.db.select().from(organisations).where(eq(organisations.id, id)).get();
  if (!row) throw notFound('Organisation');
  return row;
}

export function createOrganisation(ctx: Context, fields: z.output<typeof organisationFields>) {
  return createOrganisations(ctx, [fields])[0]!;
}

/**
 * New organisations start as identified, with that first line in their status history.
 * Many at once (an import) take a few statements, not two per organisation.
 */
export function createOrganisations(ctx: Context, list: z.output<typeof organisationFields>[]) {
  const now = timestamp(ctx);
  const created: z.output<typeof organisation>[] = [];
  for (let start = 0; start < list.length; start += 200) {
    const rows = ctx.db
      .insert(organisations)
      .values(
        list.slice(start, start + 200).map((fields) => ({
          id: newId(),
          ...fields,
          status: 'identified',
          createdAt: now,
          updatedAt: now,
        })),
      )
      .returning()
      .all();
    ctx.db
      .insert(organisationStatusChanges)
      .values(
        rows.map((row) => ({
          id: newId(),
          organisationId: row.id,
          fromStatus: null,
          toStatus: 'identified',
          changedOn: now.slice(0, 10),
          reason: null,
          createdAt: now,
        })),
      )
      .run();
    created.push(...rows.map(toOrganisation));
  }
  return created;
}

export function updateOrganisation(ctx: Context, { id, fields }: z.output<typeof updateOrganisationInput>) {
  findOrganisation(ctx, id);
  const row = ctx.db
    .update(organisations)
    .set({ ...fields, updatedAt: timestamp(ctx) })
    .where(eq(organisations.id, id))
    .returning()
    .get();
  return toOrganisation(row);
}

export function changeStatus(ctx: Context, input: z.output<typeof changeStatusInput>) {
  const current = findOrganisation(ctx, input.id);
  if (current.status === input.status) {
    throw new AppError('VALIDATION', 'Le statut est déjà celui-ci.', [
      { path: ['status'], message: 'errors.sameStatus' },
    ]);
  }
  return toOrganisation(recordStatusChange(ctx, input.id, input.status, input.changedOn, input.reason));
}

/**
 * The one way an organisation's programme status changes: by hand, by a diagnostic
 * or by a committee decision, always with a dated line in its history.
 */
export function recordStatusChange(
  ctx: Context,
  organisationId: string,
  status: OrganisationStatus,
  changedOn: string,
  reason: string | null,
): Row {
  const current = findOrganisation(ctx, organisationId);
  if (current.status === status) return current;
  const now = timestamp(ctx);
  ctx.db
    .insert(organisationStatusChanges)
    .values({
      id: newId(),
      organisationId,
      fromStatus: current.status,
      toStatus: status,
      changedOn,
      reason,
      createdAt: now,
    })
    .run();
  return ctx.db
    .update(organisations)
    .set({ status, updatedAt: now })
    .where(eq(organisations.id, organisationId))
    .returning()
    .get();
}

export function setArchived(ctx: Context, id: string, archived: boolean) {
  findOrganisation(ctx, id);
  const now = timestamp(ctx);
  const row = ctx.db
    .update(organisations)
    .set({ archivedAt: archived ? now : null, updatedAt: now })
    .where(eq(organisations.id, id))
    .returning()
    .get();
  return toOrganisation(row);
}

export function getOrganisation(ctx: Context, id: string): z.output<typeof organisationDetail> {
  const row = findOrganisation(ctx, id);
  const statusHistory = ctx.db
    .select()
    .from(organisationStatusChanges)
    .where(eq(organisationStatusChanges.organisationId, id))
    .orderBy(desc(organisationStatusChanges.changedOn), desc(organisationStatusChanges.createdAt))
    .all()
    .map(
      ({ organisationId: _, ...change }) =>
        change as z.output<typeof organisationDetail>['statusHistory'][number],
    );
  return {
    ...toOrganisation(row),
    statusHistory,
    agreements: agreementsOf(ctx, id),
    agreementTotals: agreementTotals(ctx, eq(agreements.organisationId, id)),
  };
}

const activeAgreement = sql`${agreements.deletedAt} IS NULL AND ${agreements.organisationId} = ${qualified(organisations.id)}`;
const agreementsCount = sql<number>`(SELECT count(*) FROM ${agreements} WHERE ${activeAgreement})`;
const agreementsTotalFcfa = sql<number>`(SELECT coalesce(sum(${agreements.amountFcfa}), 0) FROM ${agreements} WHERE ${activeAgreement})`;

const sortColumns = {
  name: sql`fold(${organisations.name})`,
  type: organisations.type,
  region: sql`fold(${organisations.region})`,
  status: organisations.status,
  agreementsTotal: agreementsTotalFcfa,
  updatedAt: organisations.updatedAt,
} as const;

export function listOrganisations(
  ctx: Context,
  input: z.output<typeof listOrganisationsInput>,
): z.output<typeof organisationPage> {
  const filters: (SQL | undefined)[] = [
    input.archived ? isNotNull(organisations.archivedAt) : isNull(organisations.archivedAt),
    input.type && eq(organisations.type, input.type),
    input.level && eq(organisations.level, input.level),
    input.region ? eq(organisations.region, input.region) : undefined,
    input.status && eq(organisations.status, input.status),
  ];
  if (input.search) {
    const searched = [
      organisations.name,
      organisations.acronym,
      organisations.region,
      organisations.cercle,
      organisations.commune,
      organisations.contactName,
    ];
    filters.push(containsSearch(searched, input.search));
  }
  const where = and(...filters);
  const order = input.direction === 'desc' ? desc : asc;

  const total = ctx.db.select({ n: count() }).from(organisations).where(where).get()!.n;
  const items = ctx.db
    .select({
      id: organisations.id,
      name: organisations.name,
      acronym: organisations.acronym,
      type: organisations.type,
      level: organisations.level,
      region: organisations.region,
      status: organisations.status,
      staffWomen: organisations.staffWomen,
      staffMen: organisations.staffMen,
      archivedAt: organisations.archivedAt,
      updatedAt: organisations.updatedAt,
      agreementsCount,
      agreementsTotalFcfa,
    })
    .from(organisations)
    .where(where)
    .orderBy(order(sortColumns[input.sort]), asc(organisations.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .all() as z.output<typeof organisationPage>['items'];

  const matching = ctx.db.select({ id: organisations.id }).from(organisations).where(where);
  return {
    items,
    total,
    page: input.page,
    pageSize: input.pageSize,
    totals: agreementTotals(ctx, sql`${agreements.organisationId} IN ${matching}`),
  };
}

export function listRegions(ctx: Context): string[] {
  return ctx.db
    .selectDistinct({ region: organisations.region })
    .from(organisations)
    .where(isNotNull(organisations.region))
    .orderBy(sql`fold(${organisations.region})`)
    .all()
    .map((r) => r.region as string);
}
