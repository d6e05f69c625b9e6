// The arithmetic of training sessions, pure so it can be checked by hand.
import { fold } from '../text';

/** Days present or late count; a half-day counts for ½. Absent and excused do not count. */
export function personDays(
  days: { id: string; halfDay: boolean }[],
  marks: { dayId: string; participantId: string; status: string }[],
  participantIds?: Set<string>,
): number {
  const weight = new Map(days.map((d) => [d.id, d.halfDay ? 0.5 : 1]));
  return marks
    .filter(
      (m) =>
        (m.status === 'present' || m.status === 'late') &&
        (!participantIds || participantIds.has(m.participantId)),
    )
    .reduce((sum, m) => sum + (weight.get(m.dayId) ?? 0), 0);
}

/** Learning gain: post-test minus pre-test, in points; null unless both tests were taken. */
export function gain(pre: number | null, post: number | null): number | null {
  return pre === null || post === null ? null : Math.round((post - pre) * 10) / 10;
}

export function mean(values: (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length ? Math.round((present.reduce((a, b) => a + b, 0) / present.length) * 10) / 10 : null;
}

/** The last 8 digits of a phone number (Malian numbers, with or without +223). */
export function phoneKey(phone: string | null): string | null {
  const digits = (phone ?? '').replace(/\D/g, '');
  return digits.length >= 8 ? digits.slice(-8) : null;
}

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

const nameKey = (first: string, last: string) =>
  fold(`${first} ${last}`)
    .replace(/[^a-z ]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);

/**
 * Two names likely belong to one person: the same words in any order (Traoré Aminata /
 * Aminata Traoré), or at most two letters apart (Aminata / Aminatou, Coulibaly / Kulibali is not).
 */
export function similarNames(
  a: { firstName: string; lastName: string },
  b: { firstName: string; lastName: string },
): boolean {
  const x = nameKey(a.firstName, a.lastName);
  const y = nameKey(b.firstName, b.lastName);
  if ([...x].sort().join(' ') === [...y].sort().join(' ')) return true;
  return levenshtein(x.join(' '), y.join(' ')) <= 2;
}
