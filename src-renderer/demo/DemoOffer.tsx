import { Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconDatabase, IconSparkles } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCall, useMutate } from '../api/hooks';
import { useLongCall } from '../components/useLongCall';
import { WorkProgress } from '../components/WorkProgress';
import { notifySaved, showCallError } from '../components/forms';
import { formatNumber } from '../format';

/**
 * On an empty database: a welcome card offering the demonstration programme or an empty start.
 * Once the user has chosen to start empty, only a discreet line keeps the offer while the base is empty.
 */
export function DemoOffer() {
  const { t } = useTranslation();
  const status = useCall('demo.status', {});
  const load = useLongCall('demo.load', { refresh: true });
  const decline = useMutate('demo.decline');
  if (!status.data?.canLoad) return null;

  const loadDemo = () =>
    load.run({}).then(
      (r) =>
        notifySaved(
          t('demo.loaded', {
            organisations: formatNumber(r.organisations),
            agreements: formatNumber(r.agreements),
            participants: formatNumber(r.participants),
            sessions: formatNumber(r.sessions),
          }),
        ),
      (error: Error) => showCallError(error),
    );
  const progress = <WorkProgress work={load.work} label={t('progress.work.demoLoad')} />;

  if (status.data.declined) {
    return (
      <Group gap="xs" data-testid="demo-offer-line">
        {progress}
        <Text size="sm" c="dimmed">
          {t('demo.emptyLine')}
        </Text>
        <Button variant="subtle" size="compact-sm" onClick={loadDemo} loading={load.pending}>
          {t('demo.loadLater')}
        </Button>
      </Group>
    );
  }

  return (
    <Card withBorder padding="lg" data-testid="demo-offer">
      {progress}
      <Stack gap="sm">
        <Title order={3}>{t('demo.welcomeTitle')}</Title>
        <Text size="sm">{t('demo.welcomeText')}</Text>
        <Text size="sm" fw={600}>
          {t('demo.contentsTitle')}
        </Text>
        <List size="sm" spacing={4}>
          <List.Item>{t('demo.contents.organisations')}</List.Item>
          <List.Item>{t('demo.contents.agreements')}</List.Item>
          <List.Item>{t('demo.contents.year')}</List.Item>
          <List.Item>{t('demo.contents.people')}</List.Item>
        </List>
        <Text size="sm" c="dimmed">
          {t('demo.removable')}
        </Text>
        <Group gap="sm" mt="xs">
          <Button leftSection={<IconSparkles size={18} />} onClick={loadDemo} loading={load.pending}>
            {t('demo.load')}
          </Button>
          <Button
            variant="default"
            leftSection={<IconDatabase size={18} />}
            disabled={load.pending}
            loading={decline.isPending}
            onClick={() => decline.mutate({}, { onError: (error) => showCallError(error) })}
          >
            {t('demo.startEmpty')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
