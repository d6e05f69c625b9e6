import { Anchor, Card, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** A key figure that opens the records behind it. */
export function KeyCard({
  title,
  value,
  to,
  color,
  testId,
  children,
}: {
  title: string;
  value: string;
  to: string;
  color?: string;
  testId: string;
  children?: ReactNode;
}) {
  return (
    <Card withBorder padding="md">
      <Stack gap={6}>
        <Anchor component={Link} to={to} underline="hover" c="inherit" data-testid={testId}>
          <Text size="sm" c="dimmed" fw={500} lh={1.3}>
            {title}
          </Text>
          <Text fz={28} fw={700} lh={1.2} c={color} data-testid={`${testId}-value`}>
            {value}
          </Text>
        </Anchor>
        {children}
      </Stack>
    </Card>
  );
}

/** A smaller figure under a key one (women, men…), itself a link when it has records behind it. */
export function SubFigure({
  to,
  label,
  testId,
  color,
}: {
  to?: string;
  label: string;
  testId?: string;
  color?: string;
}) {
  return to ? (
    <Anchor component={Link} to={to} size="sm" c={color} data-testid={testId}>
      {label}
    </Anchor>
  ) : (
    <Text size="sm" c={color ?? 'dimmed'} data-testid={testId}>
      {label}
    </Text>
  );
}
