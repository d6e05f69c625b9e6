import { getTableName, sql, type Column } from 'drizzle-orm';

/**
 * A column always written with its table ("sessions"."id"). Drizzle writes columns bare
 * in a single-table select, which a correlated subquery would read as its own column.
 */
export const qualified = (column: Column) =>
  sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;
