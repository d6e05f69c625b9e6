import { Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A record's value under its small label, on a detail page; line breaks typed in the text are kept. */
export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ whiteSpace: 'pre-line' }}>
        {children}
      </Text>
    </div>
  );
}
