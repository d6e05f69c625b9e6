import { schemaResolver, type UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { z } from 'zod';
import { ApiError } from '../api/client';
import i18n, { translateIssue } from '../i18n';

/** Validates a form with the contract's own schema, messages in the interface language. */
export function contractResolver(schema: z.ZodType) {
  const resolve = schemaResolver(schema, { sync: true });
  return (values: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(resolve(values)).map(([path, message]) => [path, translateIssue(String(message))]),
    );
}

/**
 * Shows an error from the core: field issues next to their fields (`prefix` is the
 * part of the path that wraps the form's values, e.g. `fields`), anything else as a notice.
 */
export function showCallError<T>(error: Error, form?: UseFormReturnType<T>, prefix?: string) {
  const issues = error instanceof ApiError ? (error.body.issues ?? []) : [];
  if (form && issues.length > 0) {
    const errors: Record<string, string> = {};
    for (const issue of issues) {
      const path = (prefix && issue.path[0] === prefix ? issue.path.slice(1) : issue.path).join('.');
      errors[path] ??= translateIssue(issue.message);
    }
    form.setErrors(errors);
    return;
  }
  notifications.show({ color: 'red', title: i18n.t('common.error'), message: error.message });
}

export function notifySaved(message: string) {
  notifications.show({ color: 'teal', message });
}
