import type { TFunction } from 'i18next';
import type { ImportField, StoredValue } from '../../src-main/contract';
import { formatDate, formatFcfa, formatUpTo } from '../format';

/** A value as the import will store it, written as the rest of the application shows it. */
export function formatStored(
  t: TFunction,
  field: ImportField | undefined,
  value: StoredValue | undefined,
): string {
  if (value === undefined || value === null || value === '') return '';
  const label = (code: string) => field?.choices?.find((c) => c.value === code)?.label ?? code;
  switch (field?.format) {
    case 'date':
      return typeof value === 'string' ? formatDate(value) : String(value);
    case 'fcfa':
      return typeof value === 'number' ? formatFcfa(value) : String(value);
    case 'number':
      return typeof value === 'number' ? formatUpTo(value, 2) : String(value);
    case 'choice':
      return label(String(value));
    case 'choices':
      return Array.isArray(value) ? value.map(label).join(', ') : label(String(value));
    case 'yesNo':
      return value === true
        ? t('imports.table.yes')
        : value === false
          ? t('imports.table.no')
          : String(value);
    default:
      return Array.isArray(value) ? value.join(', ') : String(value);
  }
}
