import { Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** What a list shows before its first record: what it is for, and the button that starts it. */
export function EmptyState({ title, text, children }: { title: string; text: string; children?: ReactNode }) {
  return (
    <Card withBorder p="xl">
      <Stack align="center" gap="xs">
        <Title order={3}>{title}</Title>
        <Text c="dimmed">{text}</Text>
        {children && <Group mt="sm">{children}</Group>}
      </Stack>
    </Card>
  );
}

/** The short dimmed line of a card, or a part of one, that has nothing to show yet. */
export function EmptyLine({ children }: { children: ReactNode }) {
  return (
    <Text size="sm" c="dimmed">
      {children}
    </Text>
  );
}
