import type { z } from 'zod';
import { contractResolver } from '../components/forms';
import i18n from '../i18n';

/**
 * The contract's resolver, with the shared "end before start" message (worded for agreements:
 * "…date de signature") replaced by one that fits a period: a pathway's or an action's.
 */
export function periodResolver(schema: z.ZodType) {
  const resolve = contractResolver(schema);
  return (values: Record<string, unknown>) => {
    const shared = i18n.t('errors.endBeforeStart');
    return Object.fromEntries(
      Object.entries(resolve(values)).map(([path, message]) => [
        path,
        message === shared ? i18n.t('pathways.endBeforeStart') : message,
      ]),
    );
  };
}
