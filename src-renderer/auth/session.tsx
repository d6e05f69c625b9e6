import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import type { Me } from '../../src-main/contract';
import type { Method } from '../../src-main/core/methods';

export const STATUS_KEY = ['auth.status', {}];

export const MeContext = createContext<Me | null>(null);

/** The signed-in person (inside the gate there always is one). */
export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe outside AuthGate');
  return me;
}

/** Whether the signed-in person's role may call `method`, as the core told (it checks it anyway). */
export function useCan(method: Method): boolean {
  return useMe().methods.includes(method);
}

/** After signing in or out: nothing read as someone else stays in the cache. */
export function useSessionChanged() {
  const client = useQueryClient();
  return () => {
    client.removeQueries({ predicate: (q) => q.queryKey[0] !== STATUS_KEY[0] });
    return client.invalidateQueries({ queryKey: STATUS_KEY });
  };
}
