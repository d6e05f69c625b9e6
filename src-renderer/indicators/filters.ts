import { useSearchState } from '../components/useSearchState';
import { organisationTypes, type IndicatorFilters } from '../../src-main/contract';

// The filters of the figures live in the address, under French names, so that a figure
// opens the records behind it with the same filters, and going back finds the page as it was.
const NAMES = {
  from: 'du',
  to: 'au',
  region: 'region',
  organisationType: 'type',
  pathwayId: 'parcours',
  organisationId: 'organisation',
} as const satisfies Record<keyof IndicatorFilters, string>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export type FilterKey = keyof typeof NAMES;

export function readFilters(params: URLSearchParams): IndicatorFilters {
  const date = (v: string | null) => (v && ISO_DATE.test(v) ? v : undefined);
  const type = params.get(NAMES.organisationType);
  return {
    from: date(params.get(NAMES.from)),
    to: date(params.get(NAMES.to)),
    region: params.get(NAMES.region) || undefined,
    organisationType: organisationTypes.find((t) => t === type),
    pathwayId: params.get(NAMES.pathwayId) || undefined,
    organisationId: params.get(NAMES.organisationId) || undefined,
  };
}

/** The query string (`?du=…&sexe=F`) of a set of filters, for a link. */
export function filtersQuery(filters: IndicatorFilters, extra: Record<string, string | undefined> = {}) {
  const params = new URLSearchParams();
  for (const [key, name] of Object.entries(NAMES) as [FilterKey, string][]) {
    const value = filters[key];
    if (value) params.set(name, value);
  }
  for (const [name, value] of Object.entries(extra)) if (value) params.set(name, value);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** The filters of the page's address (under their French names), and a way to change them. */
export function useFilterParams() {
  const { params, update, clear, setPage } = useSearchState();
  const set = (
    changes: Partial<Record<FilterKey, string | null>> & { sexe?: string | null; page?: string },
  ) =>
    update(
      Object.fromEntries(
        Object.entries(changes).map(([key, value]) => [key in NAMES ? NAMES[key as FilterKey] : key, value]),
      ),
    );
  return { params, filters: readFilters(params), set, clear, setPage };
}

export const hasFilters = (filters: IndicatorFilters) => Object.values(filters).some(Boolean);

/** First and last day of a month (1–12) of a year, as the core's filters take them. */
export function monthRange(year: number, month: number) {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const mm = String(month).padStart(2, '0');
  return { from: `${year}-${mm}-01`, to: `${year}-${mm}-${String(last).padStart(2, '0')}` };
}

export const yearRange = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });

export const currentYear = () => new Date().getFullYear();

/** The year whose targets apply to a period: the year of its end, or this year. */
export const yearOf = (filters: { to?: string }) =>
  filters.to ? Number(filters.to.slice(0, 4)) : currentYear();
