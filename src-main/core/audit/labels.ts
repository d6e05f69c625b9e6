import { t } from '../reports/texts';

/** French name of a table, from the interface's catalogue (the unknown ones keep their SQL name). */
export const tableLabel = (table: string) => {
  const label = t(`audit.tables.${table}`);
  return label === `audit.tables.${table}` ? table : label;
};
