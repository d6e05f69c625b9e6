import { Alert, Center, Loader } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, refusals } from '../api/client';
import { useCall } from '../api/hooks';
import { MeContext, STATUS_KEY } from './session';
import { SetupPage, SignInPage } from './SignInPage';

/**
 * Nothing of the programme shows before signing in: the first start asks for the administrator,
 * then everyone signs in. A refused call re-checks the session, so an expired one leads back here.
 */
export function AuthGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const status = useCall('auth.status', {}, { keepPrevious: false });
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
