import type { OrganisationStatus } from '../../src-main/contract';

/** Badge colours of the programme statuses, from entry to exit. */
export const statusColor: Record<OrganisationStatus, string> = {
  identified: 'gray',
  diagnosed: 'blue',
  candidate: 'indigo',
  selected: 'teal',
  waiting_list: 'yellow',
  not_selected: 'orange',
  in_pathway: 'green',
  completed: 'grape',
  suspended: 'red',
  withdrawn: 'dark',
};
