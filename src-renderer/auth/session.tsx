import { Alert, Center, Loader } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../src-main/contract';
import type { Method } from '../../src-main/core/methods';
import { ApiError, call, refusals } from '../api/client';
import { SetupPage, SignInPage } from './SignInPage';

export const STATUS_KEY = ['auth.status', {}];

const MeContext = createContext<Me | null>(null);

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

/**
 * Nothing of the programme shows before signing in: the first start asks for the administrator,
 * then everyone signs in. A refused call re-checks the session, so an expired one leads back here.
 */
export function AuthGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const status = useQuery({ queryKey: STATUS_KEY, queryFn: () => call('auth.status', {}) });
  useEffect(() => {
    const recheck = () => void client.invalidateQueries({ queryKey: STATUS_KEY });
    refusals.addEventListener('forbidden', recheck);
    return () => refusals.removeEventListener('forbidden', recheck);
  }, [client]);

  if (status.error) {
    return (
      <Center h="100vh" p="xl">
        <Alert color="red" icon={<IconAlertTriangle />} maw={560}>
          {/* Refused (web mode without its token): the answer says what to do. */}
          {status.error instanceof ApiError && status.error.body.code === 'FORBIDDEN'
            ? status.error.message
            : t('auth.unreachable', { message: status.error.message })}
        </Alert>
      </Center>
    );
  }
  if (!status.data) {
    return (
      <Center h="100vh">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (status.data.needsSetup) return <SetupPage />;
  if (!status.data.user) return <SignInPage />;
  return <MeContext.Provider value={status.data.user}>{children}</MeContext.Provider>;
}

/** After signing in or out: nothing read as someone else stays in the cache. */
export function useSessionChanged() {
  const client = useQueryClient();
  return () => {
    client.removeQueries({ predicate: (q) => q.queryKey[0] !== STATUS_KEY[0] });
    return client.invalidateQueries({ queryKey: STATUS_KEY });
  };
}
