// Lines name an organisation by its acronym or its name, as people write them.
import { asc, sql } from 'drizzle-orm';
import {
  newOrganisation,
  organisationFields,
  type ImportIssue,
  type LineRef,
  type NewOrganisation,
  type UnknownOrganisation,
} from '../../contract';
import type { Context } from '../context';
import { organisations } from '../db/schema';
import { AppError } from '../errors';
import { createOrganisations } from '../organisations/service';
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
  /** Organisations the user confirmed to create from the file, by their folded reference. */
  toCreate: Map<string, NewOrganisationFields>;
  /** References to no registered organisation met on the lines (to create or not), in file order. */
  unknown: Map<string, UnknownOrganisation>;
}

type NewOrganisationFields = ReturnType<typeof newOrganisation.parse>;

/** The stand-in id of an organisation created with the import, until it is. */
const NEW = 'new:';

const push = <T>(map: Map<string, T[]>, k: string, value: T) => {
  const list = map.get(k);
  if (list) list.push(value);
  else map.set(k, [value]);
};

/** Every organisation, archived ones included, by folded acronym and folded name. */
export function loadOrganisations(ctx: Context, toCreate: NewOrganisation[] = []): OrganisationIndex {
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
  const index: OrganisationIndex = {
    all,
    byAcronym: new Map(),
    byName: new Map(),
    toCreate: new Map(),
    unknown: new Map(),
  };
  for (const o of all) {
    if (o.acronym) push(index.byAcronym, key(o.acronym), o);
    push(index.byName, key(o.name), o);
  }
  for (const o of toCreate) index.toCreate.set(key(o.reference), newOrganisation.parse(o));
  return index;
}

/** How an organisation is named in a file: its acronym when it has one. */
export const referenceOf = (o: { name: string; acronym: string | null }) => o.acronym ?? o.name;

/** A reference without spaces, short and with capitals (DREFP_FAT, CRA-GAO) reads as an acronym. */
const looksLikeAcronym = (value: string) => value.length <= 40 && !/\s/.test(value) && /[A-Z]/.test(value);

export type Resolved =
  { organisation: OrganisationRef } | { create: NewOrganisationFields; id: string } | { issue: ImportIssue };

/**
 * The organisation a cell names (acronym first, then name), one the user chose to create from the
 * file, or the line's error on `field`; an unknown one is remembered for the offer to create it.
 */
export function resolveOrganisation(
  index: OrganisationIndex,
  value: string,
  field: string,
  at?: LineRef,
  region?: string | null,
): Resolved {
  const k = key(value);
  const found = index.byAcronym.get(k) ?? index.byName.get(k) ?? [];
  if (found.length === 1) return { organisation: found[0]! };
  if (found.length > 1) {
    return { issue: { field, message: 'errors.importOrganisationAmbiguous', params: { value } } };
  }
  const create = index.toCreate.get(k);
  if (at) {
    const known = index.unknown.get(k);
    if (known) known.lines += 1;
    else {
      index.unknown.set(k, {
        reference: value,
        lines: 1,
        first: at,
        creating: Boolean(create),
        name: value,
        acronym: looksLikeAcronym(value) ? value : null,
        region: region ?? null,
      });
    }
  }
  if (create) return { create, id: `${NEW}${k}` };
  return { issue: { field, message: 'errors.importUnknownOrganisation', params: { value } } };
}

/**
 * Creates the confirmed organisations that valid lines use (in the import's transaction) and
 * returns the ids that stand for them, mapped to the real ones.
 */
export function createUsedOrganisations(
  ctx: Context,
  index: OrganisationIndex,
  ids: Iterable<string>,
): Map<string, string> {
  const used = [...new Set(ids)].filter((id) => id.startsWith(NEW));
  const fields = used.map((id) => {
    const o = index.toCreate.get(id.slice(NEW.length));
    if (!o) throw new AppError('INTERNAL', `Organisation à créer introuvable : ${id}`);
    const { reference: _, ...rest } = o;
    return organisationFields.parse(rest);
  });
  const created = createOrganisations(ctx, fields);
  return new Map(used.map((id, i) => [id, created[i]!.id]));
}
