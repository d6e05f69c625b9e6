// What the audit trail leaves out, shared by the triggers and by the synchronisation capture that
// reads the trail (sync/capture.ts): no imports, so both can use it without a circle.

/** Tables whose changes are not recorded: the trail itself, secrets and bookkeeping. */
export const UNAUDITED_TABLES = new Set([
  'audit_calls',
  'audit_changes',
  // Session tokens and failed sign-ins: security state, not programme data.
  'auth_sessions',
  'sign_in_failures',
  '__drizzle_migrations',
  'demo_records',
  // Computed from the marks in the same transaction (indicators/summaries.ts): their changes are the marks'.
  'attendance_summaries',
  // Synchronisation's own state: derived from the trail (sync/capture.ts).
  'sync_installation',
  'sync_changes',
  'sync_heads',
  'sync_peers',
  'sync_quarantine',
  'sync_transfers',
  'sync_orphans',
  'sync_claims',
  'sync_exchanges',
]);

/** Columns whose values never enter the trail (shown as « masqué »). */
export const MASKED = new Set(['users.password_hash']);
