import { Card, Group, Title, type CardProps } from '@mantine/core';
import type { ComponentPropsWithoutRef, ReactNode } from 'react';

/** A card of a page or form with its title over its content; beside the title, its buttons or a hint. */
export function TitledCard({
  title,
  aside,
  children,
  ...props
}: { title: ReactNode; aside?: ReactNode; children: ReactNode; component?: 'section' } & CardProps &
  Omit<ComponentPropsWithoutRef<'div'>, 'title'>) {
  return (
    <Card withBorder {...props}>
      {aside ? (
        <Group justify="space-between" mb="sm">
          <Title order={4}>{title}</Title>
          {aside}
        </Group>
      ) : (
        <Title order={4} mb="sm">
          {title}
        </Title>
      )}
      {children}
    </Card>
  );
}
