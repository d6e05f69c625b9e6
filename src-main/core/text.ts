/** Lower case without diacritics, for search and sorting (`Ségou` → `segou`). */
export function fold(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Escapes `%`, `_` and `\` for a LIKE pattern that uses `ESCAPE '\'`. */
export function likePattern(term: string): string {
  return `%${fold(term).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** One LIKE pattern per word: every word must be found, in any order ("traore aminata"). */
export function wordPatterns(term: string): string[] {
  return term.split(/\s+/).filter(Boolean).map(likePattern);
}
