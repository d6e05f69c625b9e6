// The programme's configuration, as tables: read by the demonstration (never part of it) and by
// the synchronisation (on every installation).

/**
 * Tables that hold the programme's configuration (grid, results framework, settings): seeded at
 * start-up or set by the user, they do not make the database "not empty", rows that refer to them
 * may still go with the demonstration, and every installation holds them.
 */
export const CONFIGURATION_TABLES = new Set([
  'frameworks',
  'framework_versions',
  'framework_domains',
  'framework_criteria',
  'results',
  'indicators',
  'settings',
]);
