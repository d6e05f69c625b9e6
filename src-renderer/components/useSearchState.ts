import { useSearchParams } from 'react-router';

/**
 * A page's state kept in its address (filters, sort, page, tab), so that going back finds
 * the page as it was left. Any change but the page number's own goes back to page 1.
 */
export function useSearchState() {
  const [params, setParams] = useSearchParams();
  const update = (changes: Record<string, string | null | undefined>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        if (!('page' in changes)) next.delete('page');
        return next;
      },
      { replace: true },
    );
  const clear = () => setParams({}, { replace: true });
  const setPage = (page: number) => update({ page: String(page) });
  return { params, update, clear, setPage };
}

/** An address parameter read as one of a list's values (undefined when it is none of them). */
export function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.includes(value as T) ? (value as T) : undefined;
}
