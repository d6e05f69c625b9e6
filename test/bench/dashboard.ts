// The calls the dashboard makes on opening (src-renderer/dashboard), so that the bench times
// what a person waits for.
import type { Core } from '../../src-main/core';
import type { IndicatorFilters } from '../../src-main/contract';

export function dashboardCalls(core: Core, filters: IndicatorFilters) {
  const year = filters.from ? Number(filters.from.slice(0, 4)) : new Date().getUTCFullYear();
  const calls: [string, unknown][] = [
    ['indicators.dashboard', { ...filters, year }],
    ['followUps.list', { view: 'due', pageSize: 5 }],
  ];
  for (const [method, input] of calls) {
    const envelope = core.call(method, input);
    if (!envelope.ok) throw new Error(`${method}: ${JSON.stringify(envelope.error)}`);
  }
  return calls.length;
}
