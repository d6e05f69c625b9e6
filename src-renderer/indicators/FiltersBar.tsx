import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCall } from '../api/hooks';
import { DateField, whenDate } from '../components/DateField';
import { FilterSelect, ListToolbar } from '../components/ListToolbar';
import { hasFilters, useFilterParams } from './filters';
import { RegionFilter, OrganisationTypeFilter } from '../organisations/OrganisationFilters';

/** Period, region, type of organisation and pathway of the figures, kept in the address. */
export function FiltersBar({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  const { params, filters, set, clear } = useFilterParams();
  const pathways = useCall('pathways.list', {});
  return (
    <ListToolbar filtered={hasFilters(filters) || params.has('sexe')} onClear={clear}>
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
      <RegionFilter
        label={t('indicators.filters.region')}
        value={filters.region ?? null}
        onChange={(v) => set({ region: v })}
        w={160}
      />
      <OrganisationTypeFilter
        label={t('indicators.filters.type')}
        value={filters.organisationType ?? null}
        onChange={(v) => set({ organisationType: v })}
        style={{ flex: 1, minWidth: 200 }}
      />
      <FilterSelect
        label={t('indicators.filters.pathway')}
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
    </ListToolbar>
  );
}
