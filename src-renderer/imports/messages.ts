import type { TFunction } from 'i18next';
import type { ImportIssue } from '../../src-main/contract';
import { ApiError } from '../api/client';

/** A line's problem in the interface language: our keys with their values, zod's own text as it is. */
export function issueText(t: TFunction, issue: ImportIssue): string {
  return /^(errors|imports)\./.test(issue.message)
    ? String(t(issue.message as 'errors.required', issue.params ?? {}))
    : issue.message;
}

/** Why a call failed (unreadable file, missing columns…), in the interface language when the core said so. */
export function callErrorText(t: TFunction, error: Error): string {
  const issue =
    error instanceof ApiError
      ? error.body.issues?.find((i) => i.message.startsWith('errors.') && i.path[0] !== 'rows')
      : undefined;
  return issue ? String(t(issue.message as 'errors.required')) : error.message;
}
