import { Card, Title, type CardProps } from '@mantine/core';
import type { ComponentPropsWithoutRef, ReactNode } from 'react';

/** A card of a page or form with its title over its content. */
export function TitledCard({
  title,
  children,
  ...props
}: { title: ReactNode; children: ReactNode; component?: 'section' } & CardProps &
  Omit<ComponentPropsWithoutRef<'div'>, 'title'>) {
  return (
    <Card withBorder {...props}>
      <Title order={4} mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}
