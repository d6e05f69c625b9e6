import { Button, Group, Paper, Select, TextInput, type SelectProps } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The bar above a list: its search field, its filters, and « Effacer les filtres » once
 * anything is filtered. `below` is a second line (a switch) under the filters.
 */
export function ListToolbar({
  search,
  filtered = false,
  onClear,
  below,
  children,
}: {
  search?: { value: string; placeholder: string; onChange: (value: string) => void };
  filtered?: boolean;
  onClear?: () => void;
  below?: ReactNode;
  /** The filters, after the search field. */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Paper p="md" withBorder>
      <Group align="flex-end" gap="sm">
        {search && (
          <TextInput
            label={t('common.search')}
            placeholder={search.placeholder}
            leftSection={<IconSearch size={16} />}
            value={search.value}
            onChange={(e) => search.onChange(e.currentTarget.value)}
            style={{ flex: 2, minWidth: 220 }}
          />
        )}
        {children}
        {filtered && onClear && (
          <Button variant="subtle" size="xs" mb={6} onClick={onClear}>
            {t('common.clearFilters')}
          </Button>
        )}
      </Group>
      {below && <Group mt="sm">{below}</Group>}
    </Paper>
  );
}

/** A filter of a list: « Tous » until a value is picked, and a cross to take it away. */
export function FilterSelect(props: Omit<SelectProps, 'placeholder' | 'clearable'>) {
  const { t } = useTranslation();
  return <Select placeholder={t('common.all')} clearable {...props} />;
}
