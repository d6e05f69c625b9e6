import { ActionIcon, Table, Text, type TableProps, type TableTrProps } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { EmptyLine } from './EmptyState';
import { ListFooter, type Paging } from './ListFooter';
import { SortHeader, type Sort } from './SortHeader';

/** One column of a table: declared once, its header beside how a row shows in it. */
export interface Column<T, K extends string = string> {
  /** Tells the columns apart (React's key). */
  id: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** The core's sort key: the header then sorts the list. */
  sort?: K;
  align?: 'right' | 'center';
  width?: number | string;
  /** Kept on one line (amounts, dates). */
  nowrap?: boolean;
}

/**
 * A narrow last column of one icon button a row (edit, remove); the click is the button's alone,
 * not the row's.
 */
export function buttonColumn<T>({
  id,
  label,
  icon: ButtonIcon,
  color,
  onClick,
}: {
  id: string;
  /** The button's accessible name, for its row. */
  label: (row: T) => string;
  icon: Icon;
  color: 'red' | 'gray';
  onClick: (row: NoInfer<T>) => void;
}): Column<T, never> {
  return {
    id,
    header: null,
    width: 40,
    cell: (row) => (
      <ActionIcon
        variant="subtle"
        color={color}
        aria-label={label(row)}
        onClick={(e) => {
          e.stopPropagation();
          onClick(row);
        }}
      >
        <ButtonIcon size={16} />
      </ActionIcon>
    ),
  };
}

/**
 * The renderer's one table: declared columns, optional server-side sorting and paging, a line
 * when there is nothing to show, and a scroll container so that wide tables stay usable at
 * 1024×768. Loading and errors are shown around it by QueryState.
 */
export function DataTable<T, K extends string = string>({
  label,
  testId,
  columns,
  rows: given = [],
  list,
  onPage,
  rowKey = (row) => (row as { id: string | number }).id,
  empty,
  none,
  sort,
  onSort,
  onRowClick,
  rowProps,
  foot,
  minWidth,
  ...tableProps
}: {
  /** The table's accessible name. */
  label: string;
  testId?: string;
  columns: Column<T, K>[];
  rows?: T[];
  /** A page of a paged list, instead of `rows`: its rows, then the footer that pages through it. */
  list?: Paging['list'] & { items: T[] };
  onPage?: Paging['onPage'];
  /** Tells the rows apart: their `id` unless told. */
  rowKey?: (row: T) => string | number;
  /** Shown in place of the rows when there are none; nothing when absent. */
  empty?: ReactNode;
  /** A short dimmed line shown instead of the whole table when there are no rows (a card's list). */
  none?: ReactNode;
  sort?: Sort<K>;
  onSort?: (sort: Sort<K>) => void;
  onRowClick?: (row: T) => void;
  rowProps?: (row: T) => TableTrProps & Record<`data-${string}`, string>;
  /** A last row under the others (totals), as table cells. */
  foot?: ReactNode;
  /** Below this width the table scrolls sideways instead of squeezing its columns. */
  minWidth?: number;
} & Omit<TableProps, 'children' | 'data'>) {
  const rows = list?.items ?? given;
  if (none !== undefined && rows.length === 0) return <EmptyLine>{none}</EmptyLine>;
  const header = (c: Column<T, K>) =>
    c.sort && sort && onSort ? (
      <SortHeader
        key={c.id}
        column={c.sort}
        current={sort}
        onSort={onSort}
        align={c.align === 'right' ? 'right' : undefined}
      >
        {c.header}
      </SortHeader>
    ) : (
      <Table.Th key={c.id} scope="col" ta={c.align} w={c.width}>
        {c.header}
      </Table.Th>
    );
  const table = (
    <Table aria-label={label} data-testid={testId} {...tableProps}>
      <Table.Thead>
        <Table.Tr>{columns.map(header)}</Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.length === 0 && empty !== undefined && (
          <Table.Tr>
            <Table.Td colSpan={columns.length}>
              <Text c="dimmed" ta="center" py="md">
                {empty}
              </Text>
            </Table.Td>
          </Table.Tr>
        )}
        {rows.map((row) => (
          <Table.Tr
            key={rowKey(row)}
            {...(onRowClick && { style: { cursor: 'pointer' }, onClick: () => onRowClick(row) })}
            {...rowProps?.(row)}
          >
            {columns.map((c) => (
              <Table.Td key={c.id} ta={c.align} style={c.nowrap ? { whiteSpace: 'nowrap' } : undefined}>
                {c.cell(row)}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
      {foot && (
        <Table.Tfoot>
          <Table.Tr>{foot}</Table.Tr>
        </Table.Tfoot>
      )}
    </Table>
  );
  return (
    <>
      {minWidth ? <Table.ScrollContainer minWidth={minWidth}>{table}</Table.ScrollContainer> : table}
      {list && onPage && <ListFooter list={list} onPage={onPage} />}
    </>
  );
}
