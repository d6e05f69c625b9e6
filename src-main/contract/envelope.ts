import type { MessageParams } from './common';

// ── What every call answers ───────────────────────────────────────────────────────

export const errorCodes = ['VALIDATION', 'NOT_FOUND', 'CONFLICT', 'FORBIDDEN', 'UNAVAILABLE', 'INTERNAL'] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface Issue {
  path: (string | number)[];
  /** An i18n key (`errors.*`), translated by the renderer. */
  message: string;
  /** The values the message names (see issueMessage in ./common). */
  params?: MessageParams;
}

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  issues?: Issue[];
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorBody };
