import { Button, Group, Paper, Select } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { organisationTypes } from '../../src-main/contract';
import { useCall } from '../api/hooks';
import { DateField, whenDate } from '../components/DateField';
import { hasFilters, useFilterParams } from './filters';

/** Period, region, type of organisation and pathway of the figures, kept in the address. */
export function FiltersBar({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  const { params, filters, set, clear } = useFilterParams();
  const regions = useCall('organisations.regions', {});
  const pathways = useCall('pathways.list', {});
  return (
    <Paper p="md" withBorder>
      <Group align="flex-end" gap="sm">
        <DateField
          label={t('indicators.filters.from')}
          value={filters.from ?? null}
          onChange={whenDate((v) => set({ from: v }))}
          w={150}
        />
        <DateField
          label={t('indicators.filters.to')}
          value={filters.to ?? null}
          onChange={whenDate((v) => set({ to: v }))}
          w={150}
        />
        <Select
          label={t('indicators.filters.region')}
          placeholder={t('common.all')}
          clearable
          searchable
          data={regions.data ?? []}
          value={filters.region ?? null}
          onChange={(v) => set({ region: v })}
          w={160}
        />
        <Select
          label={t('indicators.filters.type')}
          placeholder={t('common.all')}
          clearable
          data={organisationTypes.map((v) => ({ value: v, label: t(`organisations.type.${v}`) }))}
          value={filters.organisationType ?? null}
          onChange={(v) => set({ organisationType: v })}
          style={{ flex: 1, minWidth: 200 }}
          comboboxProps={{ width: 'max-content' }}
        />
        <Select
          label={t('indicators.filters.pathway')}
          placeholder={t('common.all')}
          clearable
          searchable
          data={(pathways.data ?? []).map((p) => ({
            value: p.id,
            label: `${p.title} — ${p.organisationName}`,
          }))}
          value={filters.pathwayId ?? null}
          onChange={(v) => set({ pathwayId: v })}
          style={{ flex: 1, minWidth: 200 }}
        />
        {children}
        {(hasFilters(filters) || params.has('sexe')) && (
          <Button variant="subtle" size="xs" mb={6} onClick={clear}>
            {t('indicators.filters.clear')}
          </Button>
        )}
      </Group>
    </Paper>
  );
}
