import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Input, Method, Output } from '../../src-main/core/methods';
import { call } from './client';

/** Reads through the contract; the method and input are the cache key. */
export function useCall<M extends Method>(method: M, input: Input<M>) {
  return useQuery<Output<M>>({
    queryKey: [method, input],
    queryFn: () => call(method, input),
    placeholderData: keepPreviousData,
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
