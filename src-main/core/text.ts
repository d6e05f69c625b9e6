/** Lower case without diacritics, for search and sorting (`Ségou` → `segou`). */
export function fold(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Escapes `%`, `_` and `\` for a LIKE pattern that uses `ESCAPE '\'`. */
export function likePattern(term: string): string {
  return `%${fold(term).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
