import { Alert, Center, Loader } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Loading and error states of a read, the same on every page. */
export function QueryState<T>({
  query,
  children,
}: {
  query: { data: T | undefined; error: Error | null; isPending: boolean };
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  if (query.error) {
    return (
      <Alert color="red" icon={<IconAlertTriangle />} title={t('common.error')}>
        {t('common.loadError', { message: query.error.message })}
      </Alert>
    );
  }
  if (query.data === undefined) {
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  return <>{children(query.data)}</>;
}
