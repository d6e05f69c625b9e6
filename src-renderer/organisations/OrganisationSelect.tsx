import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Input } from '../../src-main/core/methods';
import { useCall } from '../api/hooks';

type Props = Omit<SelectProps, 'data' | 'searchable' | 'searchValue' | 'onSearchChange' | 'filter'>;

const label = (o: { name: string; acronym: string | null }) =>
  o.acronym ? `${o.name} (${o.acronym})` : o.name;

/**
 * The one choice of an organisation, in forms and list filters (`clearable` for a filter): the
 * organisations not archived, searched by the core (name, acronym, locality) so a long list stays
 * quick. A chosen one that the search does not show (an address's filter) is read by its id.
 */
export function OrganisationSelect({ value, ...props }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  // Names already seen, so the chosen organisation keeps its label whatever the search shows.
  const labels = useRef(new Map<string, string>());
  const chosenLabel = value ? labels.current.get(value) : undefined;
  // Showing the chosen name is not a search: the whole list opens.
  const [debounced] = useDebouncedValue(search === chosenLabel ? '' : search, 250);
  const input: Input<'organisations.list'> = { search: debounced, pageSize: 100 };
  const list = useCall('organisations.list', input);
  const options = (list.data?.items ?? []).map((o) => ({ value: o.id, label: label(o) }));
  const missing = Boolean(value) && !chosenLabel && !options.some((o) => o.value === value);
  const chosen = useCall('organisations.get', { id: value ?? '' }, { enabled: missing, keepPrevious: false });
  for (const o of options) labels.current.set(o.value, o.label);
  if (chosen.data) labels.current.set(chosen.data.id, label(chosen.data));
  if (value && !options.some((o) => o.value === value) && labels.current.has(value)) {
    options.unshift({ value, label: labels.current.get(value)! });
  }
  return (
    <Select
      placeholder={t('organisations.select.placeholder')}
      nothingFoundMessage={t('organisations.select.nothingFound')}
      {...props}
      value={value}
      data={options}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The core has already searched; its answer is shown as is.
      filter={({ options: all }) => all}
    />
  );
}
