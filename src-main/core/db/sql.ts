import { getTableName, sql, type Column } from 'drizzle-orm';
import { likePattern } from '../text';

/**
 * A column always written with its table ("sessions"."id"). Drizzle writes columns bare
 * in a single-table select, which a correlated subquery would read as its own column.
 */
export const qualified = (column: Column) =>
  sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;

/** The rows whose `columns`, folded and joined by spaces, contain the searched text (folded too). */
export const containsSearch = (columns: Column[], search: string) =>
  sql`fold(concat_ws(' ', ${sql.join(columns, sql`, `)})) LIKE ${likePattern(search)} ESCAPE '\\'`;
