import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { useCall } from '../api/hooks';

type Props = Omit<SelectProps, 'data' | 'searchable' | 'searchValue' | 'onSearchChange' | 'filter'>;

/** A choice among the organisations, searched by the core so that a long list stays quick. */
export function OrganisationFilter({ value, ...props }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const chosen = useQuery({
    queryKey: ['organisations.get', { id: value }],
    queryFn: () => call('organisations.get', { id: value! }),
    enabled: Boolean(value),
  });
  const chosenName = value && chosen.data?.id === value ? chosen.data.name : undefined;
  // Showing the chosen name is not a search: the whole list opens.
  const [debounced] = useDebouncedValue(search === chosenName ? '' : search, 250);
  const list = useCall('organisations.list', { search: debounced, pageSize: 50 });
  const options = (list.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }));
  if (value && chosenName && !options.some((o) => o.value === value)) {
    options.unshift({ value, label: chosenName });
  }
  return (
    <Select
      placeholder={t('results.followUps.organisationPlaceholder')}
      nothingFoundMessage={t('results.followUps.nothingFound')}
      clearable
      {...props}
      value={value}
      data={options}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
    />
  );
}
