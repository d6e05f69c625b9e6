import type { FollowUp, ListFollowUpsInput } from '../../src-main/contract';

/** The pathway a follow-up belongs to (directly or through its session). */
export interface PathwayRef {
  id: string;
  title: string;
}

export type View = Exclude<NonNullable<ListFollowUpsInput['view']>, 'all'>;

/** The views of the list, by their name in the address (`/suivis?vue=en-retard`). */
export const views: { view: View; slug: string; color?: string }[] = [
  { view: 'due', slug: 'a-faire' },
  { view: 'overdue', slug: 'en-retard', color: 'red' },
  { view: 'scheduled', slug: 'planifies' },
  { view: 'done', slug: 'realises' },
  { view: 'cancelled', slug: 'annules' },
];

export const viewOfSlug = (slug: string | null): View => views.find((v) => v.slug === slug)?.view ?? 'due';
export const slugOf = (view: View) => views.find((v) => v.view === view)!.slug;

export const statusColor: Record<FollowUp['status'], string> = {
  scheduled: 'blue',
  done: 'teal',
  cancelled: 'gray',
};
