// The arithmetic of training sessions, pure so it can be checked by hand.
import { markWeight, type AttendanceStatus } from '../../contract';
import { fold } from '../text';

/** The person-days of a register's marks (see `markWeight`), of some participants or all. */
export function personDays(
  days: { id: string; halfDay: boolean }[],
  marks: { dayId: string; participantId: string; status: string }[],
  participantIds?: Set<string>,
): number {
  const halfDay = new Map(days.map((d) => [d.id, d.halfDay]));
  return marks
    .filter((m) => halfDay.has(m.dayId) && (!participantIds || participantIds.has(m.participantId)))
    .reduce((sum, m) => sum + markWeight(m.status as AttendanceStatus, halfDay.get(m.dayId)!), 0);
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
  return similarNameKeys(nameKeys(a), nameKeys(b));
}

export interface NameKeys {
  /** The name's words, folded, in their order. */
  words: string;
  /** The same words in alphabetical order. */
  sorted: string;
  /** How many times each letter (and the space) occurs. */
  letters: Uint16Array;
}

/** A name prepared once for `similarNameKeys`, when one name is compared with many (imports). */
export function nameKeys(p: { firstName: string; lastName: string }): NameKeys {
  const words = nameKey(p.firstName, p.lastName);
  const joined = words.join(' ');
  const letters = new Uint16Array(27);
  for (let i = 0; i < joined.length; i++)
    letters[joined.charCodeAt(i) === 32 ? 26 : joined.charCodeAt(i) - 97]!++;
  return { words: joined, sorted: [...words].sort().join(' '), letters };
}

/** `similarNames` on prepared names. */
export function similarNameKeys(x: NameKeys, y: NameKeys): boolean {
  if (x.sorted === y.sorted) return true;
  // Cheap necessary conditions first: two edits change the length by 2 at most, and the
  // letter counts by 4 at most (a substitution removes one letter and adds another).
  if (Math.abs(x.words.length - y.words.length) > 2) return false;
  let apart = 0;
  for (let i = 0; i < 27; i++) {
    apart += Math.abs(x.letters[i]! - y.letters[i]!);
    if (apart > 4) return false;
  }
  return levenshtein(x.words, y.words) <= 2;
}
