/** Lower case without diacritics, for search and sorting (`Ségou` → `segou`). */
export function fold(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** A reference as compared: no case, accents or spaces (`ddrk23 -002-APO ` = `DDRK23-002-APO`). */
export function compactKey(value: string): string {
  return fold(value).replace(/\s+/g, '');
}

/** Escapes `%`, `_` and `\` for a LIKE pattern that uses `ESCAPE '\'`. */
export function likePattern(term: string): string {
  return `%${fold(term).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** One LIKE pattern per word: every word must be found, in any order ("traore aminata"). */
export function wordPatterns(term: string): string[] {
  return term.split(/\s+/).filter(Boolean).map(likePattern);
}
