import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const timestamps = {
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
};

export const organisations = sqliteTable(
  'organisations',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    acronym: text('acronym'),
    type: text('type').notNull(),
    level: text('level').notNull(),
    region: text('region'),
    cercle: text('cercle'),
    commune: text('commune'),
    sectors: text('sectors', { mode: 'json' })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    mandate: text('mandate'),
    keyFunctions: text('key_functions'),
    staffWomen: integer('staff_women').notNull().default(0),
    staffMen: integer('staff_men').notNull().default(0),
    contactName: text('contact_name'),
    contactPosition: text('contact_position'),
    contactPhone: text('contact_phone'),
    contactEmail: text('contact_email'),
    status: text('status').notNull(),
    archivedAt: text('archived_at'),
    ...timestamps,
  },
  (t) => [
    index('organisations_name_idx').on(t.name),
    index('organisations_status_idx').on(t.status),
    index('organisations_type_idx').on(t.type),
    index('organisations_region_idx').on(t.region),
  ],
);

export const organisationStatusChanges = sqliteTable(
  'organisation_status_changes',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    changedOn: text('changed_on').notNull(),
    reason: text('reason'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('status_changes_organisation_idx').on(t.organisationId, t.changedOn)],
);

export const agreements = sqliteTable(
  'agreements',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    number: text('number').notNull(),
    signedOn: text('signed_on').notNull(),
    durationMonths: integer('duration_months').notNull(),
    /** Only when entered by hand; otherwise computed from signature and duration. */
    endOn: text('end_on'),
    amountFcfa: integer('amount_fcfa').notNull(),
    status: text('status').notNull(),
    terminationReason: text('termination_reason'),
    notes: text('notes'),
    deletedAt: text('deleted_at'),
    ...timestamps,
  },
  (t) => [
    index('agreements_organisation_idx').on(t.organisationId),
    index('agreements_signed_on_idx').on(t.signedOn),
    uniqueIndex('agreements_number_unique')
      .on(t.number)
      .where(sql`${t.deletedAt} IS NULL`),
  ],
);
