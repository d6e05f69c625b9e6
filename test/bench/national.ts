// A national-scale programme written straight into a migrated database (prepared statements in
// one transaction, not through the services): 3 000 organisations, 100 000 participants,
// 20 000 sessions, about 1 000 000 attendance marks, 200 000 follow-ups. The built file is cached
// in the temp folder under the schema version, so a rerun only copies it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { v7 } from 'uuid';
import { organisationTypes } from '../../src-main/contract';
import { createCore } from '../../src-main/core';
import { registerFunctions } from '../../src-main/core/db/client';
import { recomputeSummaries } from '../../src-main/core/indicators/summaries';
import { fold } from '../../src-main/core/text';
import {
  firstNames as generatedFirstNames,
  lastNames as generatedLastNames,
  regions,
} from '../fixtures/programme';
export const MIGRATIONS = path.resolve(import.meta.dirname, '../../migrations');

/** Raise when the generated content changes: the cached file is rebuilt. */
const BUILDER_VERSION = 1;

export const NATIONAL = {
  organisations: 3_000,
  participants: 100_000,
  sessions: 20_000,
  perSession: 10,
  daysPerSession: 5,
};

// Ten of each, as the national programme was first built (its cached file keeps them).
const firstNames = generatedFirstNames.slice(0, 10);
const lastNames = generatedLastNames.slice(0, 10);
const iso = (d: Date) => d.toISOString().slice(0, 10);

function schemaVersion() {
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS, 'meta/_journal.json'), 'utf8')) as {
    entries: { tag: string }[];
  };
  return `${journal.entries.at(-1)!.tag}-b${BUILDER_VERSION}`;
}

/** A data folder holding a fresh copy of the national programme; built once per schema version. */
export function nationalDataDir(): { dataDir: string; builtMs: number | null } {
  const cache = path.join(os.tmpdir(), 'parcours-bench-cache', schemaVersion());
  const cached = path.join(cache, 'parcours.sqlite');
  let builtMs: number | null = null;
  if (!fs.existsSync(cached)) {
    const started = performance.now();
    const building = fs.mkdtempSync(path.join(os.tmpdir(), 'parcours-bench-build-'));
    createCore({ dataDir: building, migrationsFolder: MIGRATIONS }).close();
    const file = path.join(building, 'parcours.sqlite');
    buildNationalProgramme(file);
    fs.mkdirSync(cache, { recursive: true });
    fs.renameSync(file, cached);
    fs.rmSync(building, { recursive: true, force: true });
    builtMs = performance.now() - started;
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parcours-bench-'));
  fs.copyFileSync(cached, path.join(dataDir, 'parcours.sqlite'));
  return { dataDir, builtMs };
}

export function buildNationalProgramme(file: string, today = new Date()) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  registerFunctions(db);
  const now = today.toISOString();
  const { criterionIds, versionId } = (() => {
    const version = db.prepare('SELECT id FROM framework_versions ORDER BY version LIMIT 1').get() as {
      id: string;
    };
    const criteria = db
      .prepare(
        `SELECT c.id FROM framework_criteria c JOIN framework_domains d ON d.id = c.domain_id WHERE d.version_id = ?`,
      )
      .all(version.id) as { id: string }[];
    return { versionId: version.id, criterionIds: criteria.map((c) => c.id) };
  })();
  const insert = (sql: string) => db.prepare(sql);
  const org = insert(
    `INSERT INTO organisations (id, name, acronym, type, level, region, staff_women, staff_men, status, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'local', ?, ?, ?, ?, ?, ?)`,
  );
  const agreement = insert(
    `INSERT INTO agreements (id, organisation_id, number, number_key, signed_on, duration_months, end_on, amount_fcfa, status, created_at, updated_at)
     VALUES (?, ?, ?, compact_key(?), ?, ?, end_of_term(?, ?), ?, ?, ?, ?)`,
  );
  const diagnostic = insert(
    `INSERT INTO diagnostics (id, organisation_id, framework_version_id, conducted_on, assessors, method, level, status, completed_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'Équipe PRC', 'facilitated_self_assessment', 'organisational', 'completed', ?, ?, ?)`,
  );
  const score = insert(`INSERT INTO diagnostic_scores (diagnostic_id, criterion_id, score) VALUES (?, ?, ?)`);
  const pathway = insert(
    `INSERT INTO pathways (id, organisation_id, title, starts_on, ends_on, budget_fcfa, status, created_at, updated_at)
     VALUES (?, ?, ?, '2024-01-01', '2027-06-30', 12000000, 'in_progress', ?, ?)`,
  );
  const step = insert(
    `INSERT INTO pathway_steps (id, pathway_id, phase, position, title) VALUES (?, ?, 'during', 0, 'Formations-actions')`,
  );
  const action = insert(
    `INSERT INTO pathway_actions (id, step_id, position, type, title, planned_start, planned_end, budget_fcfa)
     VALUES (?, ?, ?, 'training', ?, ?, ?, 3000000)`,
  );
  const person = insert(
    `INSERT INTO participants (id, organisation_id, first_name, last_name, sex, decision_maker, phone, phone_digits, sort_name, search_text, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const session = insert(
    `INSERT INTO sessions (id, title, pathway_action_id, phase, region, cost_fcfa, created_at, updated_at)
     VALUES (?, ?, ?, 'classroom', ?, ?, ?, ?)`,
  );
  const trainer = insert(
    `INSERT INTO session_trainers (id, session_id, position, name, sex, kind) VALUES (?, ?, 0, ?, ?, 'internal')`,
  );
  const day = insert(
    `INSERT INTO session_days (id, session_id, date, start_time, end_time, half_day) VALUES (?, ?, ?, '08:30', ?, ?)`,
  );
  const enrol = insert(
    `INSERT INTO session_participants (session_id, participant_id, walk_in) VALUES (?, ?, 0)`,
  );
  const mark = insert(`INSERT INTO attendance (day_id, participant_id, status) VALUES (?, ?, ?)`);
  const evaluation = insert(
    `INSERT INTO evaluations (session_id, participant_id, satisfaction, pre_score, post_score) VALUES (?, ?, ?, ?, ?)`,
  );
  const followUp = insert(
    `INSERT INTO follow_ups (id, participant_id, session_id, pathway_id, offset_months, due_on, status, done_on, method, skills_applied, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );

  const n = NATIONAL;
  const orgIds: string[] = [];
  const actionsOf: string[][] = [];
  const pathwayOf: string[] = [];
  const peopleOf: string[][] = [];
  // Sessions run from January 2024 to two months after today: some are still to come.
  const first = Date.UTC(2024, 0, 8);
  const span = today.getTime() + 60 * 86_400_000 - first;
  db.transaction(() => {
    for (let o = 0; o < n.organisations; o++) {
      const id = v7();
      orgIds.push(id);
      const region = regions[o % regions.length]!;
      org.run(
        id,
        `Organisation ${o} de ${region}`,
        `ORG${o}`,
        organisationTypes[o % organisationTypes.length],
        region,
        o % 37,
        o % 41,
        'in_pathway',
        now,
        now,
      );
      for (let a = 0; a < 2; a++) {
        const signed = `202${3 + a}-0${1 + (o % 9)}-15`;
        const number = `APO-${o}-${a}`;
        agreement.run(
          v7(),
          id,
          number,
          number,
          signed,
          18,
          signed,
          18,
          5_000_000 * (1 + (o % 20)),
          'active',
          now,
          now,
        );
      }
      if (o % 3 !== 2) {
        for (const [k, on] of ['2024-01-20', '2025-11-20'].entries()) {
          const diagnosticId = v7();
          diagnostic.run(diagnosticId, id, versionId, on, now, now, now);
          criterionIds.forEach((c, i) => score.run(diagnosticId, c, 1 + ((o + i + k * (i % 3)) % 4)));
        }
      }
      const pathwayId = v7();
      pathwayOf.push(pathwayId);
      pathway.run(pathwayId, id, `Parcours ${o}`, now, now);
      const stepId = v7();
      step.run(stepId, pathwayId);
      const actions: string[] = [];
      for (let a = 0; a < 4; a++) {
        const actionId = v7();
        actions.push(actionId);
        action.run(actionId, stepId, a, `Action ${a}`, `202${4 + (a % 3)}-01-01`, `202${4 + (a % 3)}-12-31`);
      }
      actionsOf.push(actions);
    }
    const perOrganisation = Math.ceil(n.participants / n.organisations);
    for (let p = 0; p < n.participants; p++) {
      const o = p % n.organisations;
      const id = v7();
      (peopleOf[o] ??= []).push(id);
      const phone = String(70_000_000 + p);
      const firstName = firstNames[p % firstNames.length]!;
      const lastName = `${lastNames[(p >> 3) % lastNames.length]} ${p}`;
      person.run(
        id,
        orgIds[o],
        firstName,
        lastName,
        p % 5 < 2 ? 'F' : 'M',
        p % 7 === 0 ? 1 : 0,
        phone,
        phone,
        fold(`${lastName} ${firstName}`),
        fold(`${firstName} ${lastName} ${phone}`),
        now,
        now,
      );
    }
    void perOrganisation;
    for (let s = 0; s < n.sessions; s++) {
      const o = (s * 7) % n.organisations;
      const sessionId = v7();
      const start = first + Math.floor((s / n.sessions) * span);
      session.run(
        sessionId,
        `Session ${s}`,
        s % 10 === 9 ? null : actionsOf[o]![s % 4],
        regions[o % regions.length],
        400_000 + (s % 7) * 50_000,
        now,
        now,
      );
      trainer.run(v7(), sessionId, `Formateur ${s % 400}`, s % 3 === 0 ? 'F' : 'M');
      const people = peopleOf[o]!;
      const group = Array.from({ length: n.perSession }, (_, i) => people[(s + i) % people.length]!);
      const unique = [...new Set(group)];
      for (const p of unique) enrol.run(sessionId, p);
      for (let d = 0; d < n.daysPerSession; d++) {
        const dayId = v7();
        const half = d === n.daysPerSession - 1 && s % 4 === 0;
        day.run(
          dayId,
          sessionId,
          iso(new Date(start + d * 86_400_000)),
          half ? '12:30' : '16:30',
          half ? 1 : 0,
        );
        if (start + d * 86_400_000 > today.getTime()) continue;
        unique.forEach((p, i) =>
          mark.run(dayId, p, (i + d + s) % 11 === 0 ? 'absent' : (i + s) % 13 ? 'present' : 'late'),
        );
      }
      const held = start <= today.getTime();
      unique.forEach((p, i) => {
        if (held && i % 2 === 0) evaluation.run(sessionId, p, 3 + (i % 3), 40 + (i % 20), 55 + (i % 30));
        const due = iso(new Date(start + 91 * 86_400_000));
        const done = due < iso(today) && (s + i) % 3 !== 0;
        followUp.run(
          v7(),
          p,
          sessionId,
          pathwayOf[o],
          3,
          due,
          done ? 'done' : 'scheduled',
          done ? due : null,
          done ? 'visit' : null,
          done ? (['not', 'partly', 'fully'] as const)[(s + i) % 3] : null,
          now,
          now,
        );
      });
    }
    recomputeSummaries(db);
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('ANALYZE');
  db.close();
}
