import { Affix, Group, Paper, Progress, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Work } from './useLongCall';

/**
 * Long work shown while it runs, in a corner of the window: what it is, its step, how far when the
 * core can count it (a bar that fills), otherwise a moving bar, and the time spent.
 */
export function WorkProgress({ work, label }: { work: Work | null; label: string }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!work) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [work]);
  if (!work) return null;
  const seconds = Math.max(0, Math.floor((now - work.startedAt) / 1000));
  const percent = work.done !== null && work.total ? Math.floor((100 * work.done) / work.total) : null;
  return (
    <Affix position={{ bottom: 20, right: 20 }} zIndex={400}>
      <Paper
        withBorder
        shadow="md"
        p="sm"
        w={340}
        role="status"
        aria-live="polite"
        data-testid="work-progress"
      >
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Text size="sm" fw={600}>
            {label}
          </Text>
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {t('progress.elapsed', { seconds })}
          </Text>
        </Group>
        <Progress
          mt={8}
          value={percent ?? 100}
          striped={percent === null}
          animated={percent === null}
          aria-label={label}
        />
        <Text size="xs" c="dimmed" mt={4}>
          {work.step ? t(`progress.steps.${work.step}`) : t('progress.started')}
          {percent !== null && ` — ${percent}\u00a0%`}
        </Text>
      </Paper>
    </Affix>
  );
}
