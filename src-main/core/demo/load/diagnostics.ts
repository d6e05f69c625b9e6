// The diagnostics: a baseline for most organisations (one still in progress), and a second one a
// year later that shows the change.
import { attachHrPlanInput, createDiagnosticInput, type FrameworkVersion } from '../../../contract';
import * as frameworks from '../../diagnostics/grids';
import * as diagnostics from '../../diagnostics/service';
import { KOULIKORO_ORGANISATIONS, NEEDS, SECOND_DIAGNOSTICS, TRAINERS } from '../content';
import { addDays, parse, textDocument, workday, type Demo } from './context';

const EVIDENCE_NOTES = [
  'Documents consultés pendant l’atelier',
  'Entretien avec la direction',
  'Procès-verbaux consultés',
  'Observation sur place',
  'Déclaration du personnel, à vérifier',
];

const diagnosticFields = (
  { random, orgIds }: Demo,
  grid: FrameworkVersion,
  key: string,
  on: string,
  scores: Map<string, number>,
  needs: string[],
  kind: string,
) =>
  parse(createDiagnosticInput, {
    organisationId: orgIds.get(key)!,
    fields: {
      conductedOn: on,
      assessors: `${TRAINERS.nationalExpert.name}, ${TRAINERS.internationalExpert.name} (équipe PRC)`,
      method: random.chance(0.7) ? 'facilitated_self_assessment' : 'mixed',
      level: 'organisational',
      notes: kind,
      scores: grid.domains.flatMap((d) =>
        d.criteria.map((c) => ({
          criterionId: c.id,
          score: scores.get(c.id) ?? null,
          evidence: random.chance(0.25) ? random.pick(EVIDENCE_NOTES) : null,
        })),
      ),
      needs: needs.map((code) => ({
        domainCode: code,
        description: NEEDS[code] ?? grid.domains.find((d) => d.code === code)!.name,
      })),
      hrPlanRating: null,
      hrPlanComment: null,
    },
  });

/** Domains from the weakest to the strongest, by the mean of their criteria. */
const weakestDomains = (grid: FrameworkVersion, scores: Map<string, number>) =>
  grid.domains
    .map((d) => ({
      code: d.code,
      mean: d.criteria.reduce((sum, c) => sum + (scores.get(c.id) ?? 0), 0) / d.criteria.length,
    }))
    .sort((a, b) => a.mean - b.mean)
    .map((d) => d.code);

/** The baseline diagnostics; returns the grid they were scored on. */
export function loadBaselineDiagnostics(demo: Demo): FrameworkVersion {
  const { ctx, random, at, day, baselines } = demo;
  const grid = frameworks.currentVersion(ctx);
  const span = grid.scaleMax - grid.scaleMin;
  const scoreOf = (level: number) =>
    Math.max(grid.scaleMin, Math.min(grid.scaleMax, grid.scaleMin + Math.round(level * span)));
  const womenOrganisations = new Set(['cafo', 'banamba', 'nara', 'drpfef']);
  const diagnosed = [
    ...KOULIKORO_ORGANISATIONS.map((o) => o.key).filter((k) => k !== 'kati'),
    'CRA-GAO',
    'DRA',
  ];
  diagnosed.forEach((key, i) => {
    const on = workday(day(-372 + i * 3));
    const base = 0.2 + random.next() * 0.25;
    const scores = new Map<string, number>();
    for (const d of grid.domains) {
      let level = base + (random.next() - 0.5) * 0.3;
      if (d.code === 'gender') level += womenOrganisations.has(key) ? 0.25 : -0.1;
      if (d.code === 'digital') level -= 0.1;
      level = Math.max(0, Math.min(0.7, level));
      for (const c of d.criteria) scores.set(c.id, scoreOf(level + (random.next() - 0.5) * 0.35));
    }
    const needs = weakestDomains(grid, scores).slice(0, 3);
    const fields = diagnosticFields(
      demo,
      grid,
      key,
      on,
      scores,
      needs,
      'Diagnostic de référence, atelier d’auto-évaluation accompagnée.',
    );
    const made = diagnostics.createDiagnostic(at(on), {
      ...fields,
      fields: {
        ...fields.fields,
        hrPlanRating: random.pick(['to_improve', 'satisfactory', 'satisfactory', 'good'] as const),
        hrPlanComment: 'Plan examiné par le comité technique avec le dossier de candidature.',
      },
    });
    diagnostics.completeDiagnostic(at(on), made.id);
    if (['cafo', 'cnsc', 'aopp'].includes(key)) {
      const o = KOULIKORO_ORGANISATIONS.find((x) => x.key === key)!;
      diagnostics.attachHrPlan(
        at(addDays(on, 7)),
        parse(attachHrPlanInput, {
          id: made.id,
          document: textDocument(
            `Plan de développement des RH – ${o.fields.acronym}.txt`,
            `Plan de développement des ressources humaines – ${o.fields.name}\n\nBesoins prioritaires :\n${made.needs.map((n) => `- ${n.description}`).join('\n')}\n\nCompétences visées, personnes concernées et calendrier : voir le parcours proposé.\n`,
          ),
        }),
      );
    }
    baselines.set(key, { scores, needs, needIds: made.needs.map((n) => n.id) });
  });
  // One diagnostic still in progress: the organisation stays « identifiée ».
  {
    const scores = new Map(
      grid.domains.flatMap((d) => d.criteria.map((c) => [c.id, scoreOf(0.3 + random.next() * 0.3)] as const)),
    );
    const fields = diagnosticFields(
      demo,
      grid,
      'kati',
      workday(day(-20)),
      scores,
      [],
      'Atelier interrompu, à reprendre.',
    );
    const half = Math.ceil(fields.fields.scores.length / 2);
    diagnostics.createDiagnostic(at(day(-20)), {
      ...fields,
      fields: { ...fields.fields, scores: fields.fields.scores.slice(0, half) },
    });
  }
  return grid;
}

/** Second diagnostics: the change since the baseline. */
export function loadSecondDiagnostics(demo: Demo, grid: FrameworkVersion) {
  const { random, at, day, baselines } = demo;
  for (const { key, on } of SECOND_DIAGNOSTICS) {
    const baseline = baselines.get(key)!;
    const conductedOn = workday(day(on));
    // Domains the pathway worked on (and gender, a priority of every pathway) progress most; none goes back.
    const scores = new Map<string, number>();
    for (const d of grid.domains) {
      const targeted = baseline.needs.includes(d.code) || d.code === 'gender';
      for (const c of d.criteria) {
        const before = baseline.scores.get(c.id) ?? grid.scaleMin;
        const gain = random.chance(targeted ? 0.75 : 0.2) ? 1 : 0;
        scores.set(c.id, Math.min(grid.scaleMax, before + gain));
      }
    }
    const made = diagnostics.createDiagnostic(
      at(conductedOn),
      diagnosticFields(
        demo,
        grid,
        key,
        conductedOn,
        scores,
        weakestDomains(grid, scores).slice(0, 2),
        'Diagnostic de suivi, un an après la référence.',
      ),
    );
    diagnostics.completeDiagnostic(at(conductedOn), made.id);
  }
}
