import { Badge, Box, Card, Group, Progress, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatShare, formatShareAgainst } from '../format';
import { shareColor } from './figures';

/** "Cible atteinte" or "Sous la cible", coloured by how far below the target a share is. */
export function TargetBadge({
  ratio,
  target,
  testId,
}: {
  ratio: number | null;
  target: number | null;
  testId?: string;
}) {
  const { t } = useTranslation();
  if (ratio === null || target === null) return null;
  const reached = ratio >= target;
  return (
    <Badge color={shareColor(ratio, target)} variant="light" data-testid={testId}>
      {reached ? t('indicators.targetReached') : t('indicators.belowTarget')}
    </Badge>
  );
}

/** A bar for a share with a mark where the target lies. */
export function ShareBar({ ratio, target }: { ratio: number | null; target: number | null }) {
  return (
    <Box pos="relative">
      <Progress
        value={(ratio ?? 0) * 100}
        color={shareColor(ratio, target)}
        size="md"
        aria-hidden
        bg="gray.2"
      />
      {target !== null && (
        <Box pos="absolute" top={-3} bottom={-3} left={`${target * 100}%`} w={2} bg="dark.4" aria-hidden />
      )}
    </Box>
  );
}

/** A women's share against the programme target, with the counts it comes from. */
export function ShareCard({
  title,
  ratio,
  target,
  detail,
  testId,
}: {
  title: string;
  ratio: number | null;
  target: number | null;
  detail?: ReactNode;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <FigureCard title={title}>
      <Group justify="space-between" align="center" wrap="nowrap">
        <Text
          fz={30}
          fw={700}
          lh={1}
          c={ratio === null ? 'dimmed' : `${shareColor(ratio, target)}.7`}
          data-testid={testId}
        >
          {formatShareAgainst(ratio, target)}
        </Text>
        <TargetBadge ratio={ratio} target={target} testId={`${testId}-flag`} />
      </Group>
      <ShareBar ratio={ratio} target={target} />
      {target !== null && (
        <Text size="xs" c="dimmed">
          {t('indicators.programmeTarget', { value: formatShare(target) })}
        </Text>
      )}
      {detail}
    </FigureCard>
  );
}

/** A card of the figures pages: a figure's title over it, what is said of it under. */
export function FigureCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder padding="md">
      <Stack gap={8}>
        <Text size="sm" c="dimmed" fw={500}>
          {title}
        </Text>
        {children}
      </Stack>
    </Card>
  );
}
