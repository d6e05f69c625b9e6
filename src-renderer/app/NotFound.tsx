import { Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <Stack align="center" py="xl">
      <Text>{t('common.notFound')}</Text>
      <Button component={Link} to="/organisations" variant="light">
        {t('nav.organisations')}
      </Button>
    </Stack>
  );
}
