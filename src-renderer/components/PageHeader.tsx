import { Group, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A page's title and what it is for, with the page's main actions (`children`) at the right. */
export function PageHeader({
  title,
  subtitle,
  children,
}: {
  title: ReactNode;
  subtitle: ReactNode;
  children?: ReactNode;
}) {
  const heading = (
    <div>
      <Title order={2}>{title}</Title>
      <Text c="dimmed" size="sm">
        {subtitle}
      </Text>
    </div>
  );
  if (!children) return heading;
  return (
    <Group justify="space-between" align="flex-end">
      {heading}
      {children}
    </Group>
  );
}
