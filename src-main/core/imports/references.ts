// Lines name an organisation by its acronym or its name, as people write them.
import { asc, sql } from 'drizzle-orm';
import type { ImportIssue } from '../../contract';
import type { Context } from '../context';
import { organisations } from '../db/schema';
import { key } from './cells';

export interface OrganisationRef {
  id: string;
  name: string;
  acronym: string | null;
  archived: boolean;
}

export interface OrganisationIndex {
  all: OrganisationRef[];
  byAcronym: Map<string, OrganisationRef[]>;
  byName: Map<string, OrganisationRef[]>;
}

const push = <T>(map: Map<string, T[]>, k: string, value: T) => {
  const list = map.get(k);
  if (list) list.push(value);
  else map.set(k, [value]);
};

/** Every organisation, archived ones included, by folded acronym and folded name. */
export function loadOrganisations(ctx: Context): OrganisationIndex {
  const all = ctx.db
    .select({
      id: organisations.id,
      name: organisations.name,
      acronym: organisations.acronym,
      archivedAt: organisations.archivedAt,
    })
    .from(organisations)
    .orderBy(asc(sql`fold(${organisations.name})`))
    .all()
    .map(({ archivedAt, ...o }) => ({ ...o, archived: archivedAt !== null }));
  const index: OrganisationIndex = { all, byAcronym: new Map(), byName: new Map() };
  for (const o of all) {
    if (o.acronym) push(index.byAcronym, key(o.acronym), o);
    push(index.byName, key(o.name), o);
  }
  return index;
}

/** How an organisation is named in a file: its acronym when it has one. */
export const referenceOf = (o: { name: string; acronym: string | null }) => o.acronym ?? o.name;

/** The organisation a cell names (acronym first, then name), or the line's error on `field`. */
export function resolveOrganisation(
  index: OrganisationIndex,
  value: string,
  field: string,
): { organisation: OrganisationRef } | { issue: ImportIssue } {
  const k = key(value);
  const found = index.byAcronym.get(k) ?? index.byName.get(k) ?? [];
  if (found.length === 1) return { organisation: found[0]! };
  return {
    issue: {
      field,
      message: found.length ? 'errors.importOrganisationAmbiguous' : 'errors.importUnknownOrganisation',
      params: { value },
    },
  };
}
