import { keepPreviousData, useQueries } from '@tanstack/react-query';
import type { IndicatorFilters, ProgrammeFigures } from '../../src-main/contract';
import { call } from '../api/client';

/**
 * The programme figures for several sets of filters (one per month, per region…), each asked
 * of the query layer like `useCall('indicators.figures', …)` and refreshed with it after a write.
 */
export function useFiguresFor(inputs: IndicatorFilters[]) {
  return useQueries({
    queries: inputs.map((input) => ({
      queryKey: ['indicators.figures', input],
      queryFn: () => call('indicators.figures', input),
      placeholderData: keepPreviousData,
    })),
    combine: (results) => ({
      data: results.every((r) => r.data !== undefined)
        ? results.map((r) => r.data as ProgrammeFigures)
        : undefined,
      error: results.find((r) => r.error)?.error ?? null,
      isPending: results.some((r) => r.isPending),
    }),
  });
}
