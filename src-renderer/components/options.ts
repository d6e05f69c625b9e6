/** A Select's options for a list of codes, each shown by its label (`(v) => t(\`….${v}\`)`). */
export function optionsOf<T extends string>(values: readonly T[], label: (value: T) => string) {
  return values.map((value) => ({ value, label: label(value) }));
}
