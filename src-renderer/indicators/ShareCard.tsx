import { Badge, Box, Card, Group, Progress, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatShare } from '../format';
import { shareColor, WOMEN_SHARE_TARGET } from './figures';

/** "Cible atteinte" or "Sous la cible", coloured by how far below the 40 % target a share is. */
export function TargetBadge({ ratio, testId }: { ratio: number | null; testId?: string }) {
  const { t } = useTranslation();
  if (ratio === null) return null;
  const reached = ratio >= WOMEN_SHARE_TARGET;
  return (
    <Badge color={shareColor(ratio)} variant="light" data-testid={testId}>
      {reached ? t('results.targetReached') : t('results.belowTarget')}
    </Badge>
  );
}

/** A bar for a share with a mark where the 40 % target lies. */
export function ShareBar({ ratio }: { ratio: number | null }) {
  return (
    <Box pos="relative">
      <Progress value={(ratio ?? 0) * 100} color={shareColor(ratio)} size="md" aria-hidden bg="gray.2" />
      <Box
        pos="absolute"
        top={-3}
        bottom={-3}
        left={`${WOMEN_SHARE_TARGET * 100}%`}
        w={2}
        bg="dark.4"
        aria-hidden
      />
    </Box>
  );
}

/** A women's share against the programme target, with the counts it comes from. */
export function ShareCard({
  title,
  ratio,
  detail,
  testId,
}: {
  title: string;
  ratio: number | null;
  detail?: ReactNode;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md">
      <Stack gap={8}>
        <Text size="sm" c="dimmed" fw={500}>
          {title}
        </Text>
        <Group justify="space-between" align="center" wrap="nowrap">
          <Text
            fz={30}
            fw={700}
            lh={1}
            c={ratio === null ? 'dimmed' : `${shareColor(ratio)}.7`}
            data-testid={testId}
          >
            {formatShare(ratio)}
          </Text>
          <TargetBadge ratio={ratio} testId={`${testId}-flag`} />
        </Group>
        <ShareBar ratio={ratio} />
        <Text size="xs" c="dimmed">
          {t('results.programmeTarget', { value: formatShare(WOMEN_SHARE_TARGET) })}
        </Text>
        {detail}
      </Stack>
    </Card>
  );
}
