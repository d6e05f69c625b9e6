import { ActionIcon, Button, Table, Text, type ActionIconProps, type ButtonProps } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** The button that removes one item of a list field (`label` names which). */
export function RemoveItemButton({
  label,
  onClick,
  ...props
}: ActionIconProps & { label: string; onClick: () => void }) {
  return (
    <ActionIcon variant="subtle" color="red" aria-label={label} onClick={onClick} {...props}>
      <IconTrash size={16} />
    </ActionIcon>
  );
}

/** The button that adds an item to a list field. */
export function AddItemButton({
  children,
  onClick,
  ...props
}: ButtonProps & { children: ReactNode; onClick: () => void }) {
  return (
    <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={onClick} {...props}>
      {children}
    </Button>
  );
}

/**
 * What is wrong with a list field as a whole (too few items, weights that do not add up), under
 * it; `data-path` lets showFormErrors scroll to it.
 */
export function ListError<V>({
  form,
  path,
  size = 'sm',
  mt,
}: {
  form: UseFormReturnType<V>;
  path: string;
  size?: 'xs' | 'sm';
  mt?: number | string;
}) {
  const error = form.errors[path];
  if (!error) return null;
  return (
    <Text size={size} c="red" mt={mt} data-path={path}>
      {error}
    </Text>
  );
}

/**
 * A list field edited as a table: one line an item with its cells, and at its end the button
 * that removes it.
 */
export function ItemsTable({
  columns,
  keys,
  cells,
  removeLabel,
  onRemove,
  canRemove = true,
}: {
  /** The headers, with their widths. */
  columns: { label?: string; w?: number }[];
  /** One stable key an item (form.key). */
  keys: string[];
  cells: (i: number) => ReactNode;
  removeLabel: (n: number) => string;
  onRemove: (i: number) => void;
  canRemove?: boolean;
}) {
  return (
    <Table verticalSpacing={6} withRowBorders={false}>
      <Table.Thead>
        <Table.Tr>
          {columns.map((c, i) => (
            <Table.Th key={i} w={c.w}>
              {c.label}
            </Table.Th>
          ))}
          <Table.Th w={40} />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {keys.map((key, i) => (
          <Table.Tr key={key} style={{ verticalAlign: 'top' }}>
            {cells(i)}
            <Table.Td>
              <RemoveItemButton
                mt={4}
                label={removeLabel(i + 1)}
                disabled={!canRemove}
                onClick={() => onRemove(i)}
              />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
