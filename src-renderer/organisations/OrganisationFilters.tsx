import type { SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { organisationTypes } from '../../src-main/contract';
import { useCall } from '../api/hooks';
import { FilterSelect } from '../components/ListToolbar';
import { optionsOf } from '../components/options';

type FilterProps = Omit<SelectProps, 'data' | 'placeholder' | 'clearable'>;

/** A list's filter on the regions the organisations are in. */
export function RegionFilter(props: FilterProps) {
  const regions = useCall('organisations.regions', {});
  return <FilterSelect searchable data={regions.data ?? []} {...props} />;
}

/** A list's filter on the type of organisation. */
export function OrganisationTypeFilter(props: FilterProps) {
  const { t } = useTranslation();
  return (
    <FilterSelect
      data={optionsOf(organisationTypes, (v) => t(`organisations.type.${v}`))}
      comboboxProps={{ width: 'max-content' }}
      {...props}
    />
  );
}
