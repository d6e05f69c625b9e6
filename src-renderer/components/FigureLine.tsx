import { Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** One figure on a line of a card: its label (and a hint under it) on the left, the value on the right. */
export function FigureLine({
  label,
  value,
  hint,
  testId,
  size,
}: {
  label: string;
  value: string;
  hint?: ReactNode;
  testId: string;
  /** The value's size ('sm' beside small labels); the body's by default. */
  size?: 'sm';
}) {
  return (
    <Group justify="space-between" wrap="nowrap" align="flex-start">
      <div>
        <Text size="sm">{label}</Text>
        {hint && (
          <Text size="xs" c="dimmed">
            {hint}
          </Text>
        )}
      </div>
      <Text size={size} fw={size ? 600 : 700} data-testid={testId} style={{ whiteSpace: 'nowrap' }}>
        {value}
      </Text>
    </Group>
  );
}
