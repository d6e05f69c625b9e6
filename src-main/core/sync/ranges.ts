// Sets of sequence numbers as sorted, disjoint, inclusive ranges: [[1, 40], [58, 60]].
export type Ranges = ReadonlyArray<readonly [number, number]>;

export function hasSeq(r: Ranges, seq: number): boolean {
  let lo = 0;
  let hi = r.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = r[mid]!;
    if (seq < a) hi = mid - 1;
    else if (seq > b) lo = mid + 1;
    else return true;
  }
  return false;
}

export function addSeq(r: Ranges, seq: number): Ranges {
  return union(r, [[seq, seq]]);
}

export function union(a: Ranges, b: Ranges): Ranges {
  const all = [...a, ...b].sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [s, e] of all) {
    const last = out[out.length - 1];
    if (last && s <= last[1] + 1) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

export function removeSeq(r: Ranges, seq: number): Ranges {
  const out: [number, number][] = [];
  for (const [a, b] of r) {
    if (seq < a || seq > b) out.push([a, b]);
    else {
      if (a < seq) out.push([a, seq - 1]);
      if (seq < b) out.push([seq + 1, b]);
    }
  }
  return out;
}

/** The numbers of 1..upTo that `r` lacks. */
export function missing(r: Ranges, upTo: number): Ranges {
  const out: [number, number][] = [];
  let next = 1;
  for (const [a, b] of r) {
    if (a > upTo) break;
    if (a > next) out.push([next, a - 1]);
    next = Math.max(next, b + 1);
  }
  if (next <= upTo) out.push([next, upTo]);
  return out;
}
