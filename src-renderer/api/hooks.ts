import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Input, Method, Output } from '../../src-main/core/methods';
import { call } from './client';

export interface CallOptions {
  /** False: nothing is asked until it turns true (an input not known yet). */
  enabled?: boolean;
  /** While a new input is read, the previous answer stays shown (a list being searched). */
  keepPrevious?: boolean;
  /** Stands for the input in the cache key when the input is too large to be one (a file's bytes). */
  key?: unknown;
  /** False: the answer is dropped as soon as nothing shows it (a large preview). */
  cache?: boolean;
}

/** The cache key of a read: its method and input. */
const keyOf = (method: Method, input: unknown) => [method, input];

const readOf = <M extends Method>(
  method: M,
  input: Input<M>,
  { enabled = true, keepPrevious = true, key, cache = true }: CallOptions,
) => ({
  queryKey: keyOf(method, key ?? input),
  queryFn: () => call(method, input),
  enabled,
  placeholderData: keepPrevious ? keepPreviousData : undefined,
  ...(cache ? {} : { gcTime: 0 }),
});

/**
 * Reads through the contract; the method and input are the cache key. The renderer's one way to
 * read: writes go through useMutate, long work through useLongCall, files to save through a call.
 */
export function useCall<M extends Method>(method: M, input: Input<M>, options: CallOptions = {}) {
  return useQuery<Output<M>>(readOf(method, input, options));
}

/** The same read for several inputs at once (one per month, per diagnostic…), in their order. */
export function useCalls<M extends Method>(method: M, inputs: Input<M>[], options: CallOptions = {}) {
  return useQueries({
    queries: inputs.map((input) => readOf(method, input, options)),
    combine: (results) => ({
      /** Every answer, once all have come. */
      data: results.every((r) => r.data !== undefined) ? results.map((r) => r.data as Output<M>) : undefined,
      /** Each answer as it comes. */
      each: results.map((r) => r.data as Output<M> | undefined),
      error: results.find((r) => r.error)?.error ?? null,
      isPending: results.some((r) => r.isPending),
    }),
  });
}

/** Writes through the contract; every read is refreshed afterwards, as any write may change totals. */
export function useMutate<M extends Method>(method: M) {
  const client = useQueryClient();
  return useMutation<Output<M>, Error, Input<M>>({
    mutationFn: (input) => call(method, input),
    onSuccess: () => client.invalidateQueries(),
  });
}

/** Puts a write's answer where a read of it is kept, so that it shows before the refresh comes. */
export function useAnswerKeeper() {
  const client = useQueryClient();
  return <M extends Method>(method: M, input: Input<M>, answer: Output<M>) =>
    client.setQueryData(keyOf(method, input), answer);
}

/** A row of a paged list's answer (`ItemOf<'organisations.list'>`). */
export type ItemOf<M extends Method> = Output<M> extends { items: (infer T)[] } ? T : never;
