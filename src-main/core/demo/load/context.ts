// What every step of the demonstration loader shares: the clock, chance, and what was created so far.
import type { z } from 'zod';
import type { Sex } from '../../../contract';
import type { Context } from '../../context';
import type { ModuleKey } from '../content';

/** The same validation and defaults as a call through the dispatcher. */
export const parse = <S extends z.ZodType>(schema: S, input: z.input<S>): z.output<S> => schema.parse(input);

// ── Dates and chance ─────────────────────────────────────────────────────────────

const DAY = 86_400_000;
export const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
/** Saturdays and Sundays move to the next Monday. */
export const workday = (iso: string) => {
  const weekday = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return weekday === 6 ? addDays(iso, 2) : weekday === 0 ? addDays(iso, 1) : iso;
};
export const earlier = (a: string, b: string) => (a < b ? a : b);

/** mulberry32: a small, seeded pseudo-random generator. */
function randomSequence(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const chance = (p: number) => next() < p;
  const weighted = <T>(options: readonly (readonly [T, number])[]): T => {
    let r = next() * options.reduce((s, [, w]) => s + w, 0);
    for (const [value, w] of options) if ((r -= w) < 0) return value;
    return options[options.length - 1]![0];
  };
  return { next, int, pick, chance, weighted };
}

export type Person = { id: string; sex: Sex; organisationKey: string };

export interface Demo {
  ctx: Context;
  random: ReturnType<typeof randomSequence>;
  today: string;
  year: number;
  /** The date `offset` days from today. */
  day: (offset: number) => string;
  /** The context of a step that happens on `date`. */
  at: (date: string) => Context;
  // What was created so far, by the key the content gives it.
  orgIds: Map<string, string>;
  people: Map<string, Person[]>;
  usedPhones: Set<string>;
  moduleIds: Map<ModuleKey, string>;
  baselines: Map<string, { scores: Map<string, number>; needs: string[]; needIds: string[] }>;
  moduleOfSession: Map<string, ModuleKey>;
}

export function startDemo(ctx: Context): Demo {
  const today = ctx.now().toISOString().slice(0, 10);
  // The clock of each step: the day it happens, a second apart so that the order of creation shows.
  let tick = 0;
  const at = (date: string): Context => {
    if (date >= today) return ctx;
    const time = Date.parse(`${date}T07:00:00Z`) + tick++ * 1000;
    return { ...ctx, now: () => new Date(time) };
  };
  return {
    ctx,
    random: randomSequence(20_160_531),
    today,
    year: Number(today.slice(0, 4)),
    day: (offset) => addDays(today, offset),
    at,
    orgIds: new Map(),
    people: new Map(),
    usedPhones: new Set(),
    moduleIds: new Map(),
    baselines: new Map(),
    moduleOfSession: new Map(),
  };
}

export function textDocument(name: string, text: string) {
  return { name, mimeType: 'text/plain', contentBase64: Buffer.from(text, 'utf8').toString('base64') };
}
