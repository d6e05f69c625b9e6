// Hybrid logical clock: wall time when the laptop's clock is sane, and never behind a time already
// seen (a laptop whose clock is a week late still orders its edits after the ones it received).
// The string sorts as the time: fixed-width ISO instant, then a counter.

export interface Clock {
  ms: number;
  counter: number;
}

export const startClock: Clock = { ms: 0, counter: 0 };

export const formatAt = (c: Clock): string =>
  `${new Date(c.ms).toISOString()}#${String(c.counter).padStart(6, '0')}`;

export function parseAt(at: string): Clock | null {
  const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)#(\d{6})$/.exec(at);
  if (!m) return null;
  const ms = Date.parse(m[1]!);
  return Number.isNaN(ms) ? null : { ms, counter: Number(m[2]) };
}

/** The clock for a write made at wall time `now`. */
export function tick(c: Clock, now: number): Clock {
  return now > c.ms ? { ms: now, counter: 0 } : { ms: c.ms, counter: c.counter + 1 };
}

/** The clock after seeing a time written elsewhere. */
export function observe(c: Clock, seen: Clock): Clock {
  if (seen.ms > c.ms) return { ...seen };
  if (seen.ms === c.ms && seen.counter > c.counter) return { ...seen };
  return c;
}
