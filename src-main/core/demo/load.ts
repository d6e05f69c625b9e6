// Builds the demonstration programme by calling the app's own services, in the order things happen
// in a programme, with the clock set to the day each thing happens: every rule, status history,
// automatic follow-up and computed figure is then the app's own. Deterministic: one seeded
// pseudo-random sequence, and dates counted from today (the real agreements keep their dates).
// Each step, one per domain, is in load/<domain>.ts; they share the context of load/context.ts.
import type { Context } from '../context';
import { sessions } from '../db/schema';
import { AGREEMENT_ROWS, PROGRAMME_AGREEMENTS } from './content';
import { loadProgrammeAgreements, loadReviewAgreements } from './load/agreements';
import { startDemo } from './load/context';
import { loadBaselineDiagnostics, loadSecondDiagnostics } from './load/diagnostics';
import { loadFollowUps } from './load/followups';
import { loadIndicatorValues } from './load/indicators';
import { loadModules } from './load/modules';
import { loadOrganisations, suspendNara } from './load/organisations';
import { completePathways, loadPathways } from './load/pathways';
import { loadSelection } from './load/selection';
import { loadSessions } from './load/sessions';

export interface LoadSummary {
  organisations: number;
  agreements: number;
  participants: number;
  sessions: number;
}

export function loadProgramme(ctx: Context): LoadSummary {
  const demo = startDemo(ctx);
  loadOrganisations(demo);
  loadReviewAgreements(demo);
  loadModules(demo);
  const grid = loadBaselineDiagnostics(demo);
  loadSelection(demo);
  loadProgrammeAgreements(demo);
  suspendNara(demo);
  loadSessions(demo, loadPathways(demo));
  completePathways(demo);
  loadFollowUps(demo);
  loadSecondDiagnostics(demo, grid);
  loadIndicatorValues(demo);

  return {
    organisations: demo.orgIds.size,
    agreements: AGREEMENT_ROWS.length + PROGRAMME_AGREEMENTS.length,
    participants: [...demo.people.values()].reduce((n, list) => n + list.length, 0),
    sessions: ctx.db.select({ id: sessions.id }).from(sessions).all().length,
  };
}
