import type { Input, Method, Output } from '../../src-main/core/methods';
import type { DiagnosticFields } from '../../src-main/contract/diagnostics';
import { diagnosticFields } from '../fixtures/inputs';

/**
 * Preparation through the contract, for what a test is not about: each test starts on an empty
 * data folder (see `freshPerTest` in ./fixtures.ts) and builds its preconditions here, fast, before
 * driving the real pages for the one thing it checks.
 */
export interface Web {
  call: <M extends Method>(method: M, input: Input<M>) => Promise<Output<M>>;
}

type DiagnosticNeed = { domainCode: string; description: string };

/**
 * A completed diagnostic: every criterion of the current grid at `score`; by the PRC team in a
 * facilitated self-assessment unless `fields` say otherwise.
 */
export async function completedDiagnostic(
  web: Web,
  organisationId: string,
  {
    conductedOn,
    score,
    needs = [],
    ...fields
  }: { conductedOn: string; score: number; needs?: DiagnosticNeed[] } & Partial<
    Pick<DiagnosticFields, 'assessors' | 'method'>
  >,
) {
  const grid = await web.call('grids.current', {});
  const draft = await web.call('diagnostics.create', {
    organisationId,
    fields: diagnosticFields(grid, conductedOn, () => score, { needs, ...fields }),
  });
  return web.call('diagnostics.complete', { id: draft.id });
}

/** A person of an organisation, recorded as someone new (no duplicate check in the way). */
export async function participant(
  web: Web,
  fields: Input<'participants.create'>['fields'],
): Promise<Output<'participants.create'>> {
  return web.call('participants.create', { fields, confirmedNotDuplicate: true });
}

/** Moves a pathway along its workflow, as the committee and the team would, to `status`. */
export async function pathwayTo(
  web: Web,
  id: string,
  status: 'submitted' | 'approved' | 'in_progress',
  dates: { submitted: string; approved: string; reference: string; started: string },
) {
  let pathway = await web.call('pathways.changeStatus', { id, status: 'submitted', on: dates.submitted });
  if (status === 'submitted') return pathway;
  pathway = await web.call('pathways.changeStatus', {
    id,
    status: 'approved',
    on: dates.approved,
    reference: dates.reference,
  });
  if (status === 'approved') return pathway;
  return web.call('pathways.changeStatus', { id, status: 'in_progress', on: dates.started });
}
