import { Group, Table, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconSelector } from '@tabler/icons-react';
import type { ReactNode } from 'react';

export interface Sort<K extends string> {
  sort: K;
  direction: 'asc' | 'desc';
}

/** A column header that sorts the list server-side; a second click reverses the order. */
export function SortHeader<K extends string>({
  column,
  current,
  onSort,
  children,
  align,
}: {
  column: K;
  current: Sort<K>;
  onSort: (sort: Sort<K>) => void;
  children: ReactNode;
  align?: 'right';
}) {
  const active = current.sort === column;
  const Icon = !active ? IconSelector : current.direction === 'asc' ? IconChevronUp : IconChevronDown;
  const next: Sort<K> = { sort: column, direction: active && current.direction === 'asc' ? 'desc' : 'asc' };
  return (
    <Table.Th
      scope="col"
      aria-sort={active ? (current.direction === 'asc' ? 'ascending' : 'descending') : undefined}
    >
      <UnstyledButton onClick={() => onSort(next)} w="100%">
        <Group gap={4} justify={align === 'right' ? 'flex-end' : 'flex-start'} wrap="nowrap">
          <Text fw={600} size="sm">
            {children}
          </Text>
          <Icon size={14} stroke={1.5} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}
