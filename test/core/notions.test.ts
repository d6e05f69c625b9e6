// Each notion of the figures is defined once (core/indicators/notions.ts, contract/notions.ts):
// nothing else in the sources writes the weight of a mark, which marks count, or when a day is held.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { attendanceStatuses, markWeight } from '../../src-main/contract';
import { dayWeight, markAttended } from '../../src-main/core/indicators/notions';

const root = path.resolve(import.meta.dirname, '../..');
const DEFINITIONS = new Set(['src-main/core/indicators/notions.ts', 'src-main/contract/notions.ts']);

const sources = (dir: string) =>
  fs
    .readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => path.join(dir, f));

/** What would be a second definition: the patterns a figure's code would use to write one. */
const PATTERNS: [string, RegExp][] = [
  ['weight of a half-day', /half_?day\b[^\n;]{0,40}\b0?\.5\b|\b0?\.5\b[^\n;]{0,40}half_?day\b/i],
  ['marks attended', /['"]present['"]\s*,\s*['"]late['"]|status\s*===?\s*['"](present|late)['"]/],
  ['a day held', /\bdate\s*<=\s*(@today|today\b|\$\{today)/],
];

describe('one definition of each notion', () => {
  it('is written nowhere else in the main process or the renderer', () => {
    const offenders = [...sources('src-main'), ...sources('src-renderer')]
      .filter((file) => !DEFINITIONS.has(file))
      .flatMap((file) => {
        const text = fs.readFileSync(path.join(root, file), 'utf8');
        return PATTERNS.filter(([, pattern]) => pattern.test(text)).map(([name]) => `${file}: ${name}`);
      });
    expect(offenders).toEqual([]);
  });

  it('gives a mark the same weight in SQL and in TypeScript', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE d (half_day INTEGER); CREATE TABLE a (status TEXT)');
    for (const status of attendanceStatuses)
      for (const halfDay of [false, true]) {
        const sql = `SELECT CASE WHEN ${markAttended('a')} THEN ${dayWeight('d')} ELSE 0 END AS w
                     FROM (SELECT ? AS half_day) d, (SELECT ? AS status) a`;
        const { w } = db.prepare(sql).get(halfDay ? 1 : 0, status) as { w: number };
        expect(w, `${status}, half-day ${halfDay}`).toBe(markWeight(status, halfDay));
      }
    db.close();
  });
});
