import { useForm, type UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState, type ReactNode } from 'react';
import type { z } from 'zod';
import { issueMessage } from '../../src-main/contract';
import type { Input, Method, Output } from '../../src-main/core/methods';
import { ApiError } from '../api/client';
import { useMutate } from '../api/hooks';
import i18n, { translateIssue } from '../i18n';

const translated = (issue: z.core.$ZodIssue) => {
  const { message, params } = issueMessage(issue);
  return translateIssue(message, params);
};

/** Validates a form with the contract's own schema, messages in the interface language. */
export function contractResolver(schema: z.ZodType) {
  return (values: unknown) => {
    const errors: Record<string, string> = {};
    for (const issue of schema.safeParse(values).error?.issues ?? []) {
      errors[issue.path.map(String).join('.')] ??= translated(issue);
    }
    return errors;
  };
}

/** What is wrong with one value for a schema of the contract, in the interface language (undefined: nothing). */
export function fieldError(schema: z.ZodType, value: unknown): string | undefined {
  const issue = schema.safeParse(value).error?.issues[0];
  return issue && translated(issue);
}

const FIELDS_TO_FIX = 'fields-to-fix';
const FOCUSABLE = 'input:not([type="hidden"]), textarea, select, button, [tabindex]';
/** Watches the fields the notice counts, to take it away once they are all corrected. */
let corrections: MutationObserver | undefined;
const stillWrong = (node: HTMLElement) =>
  node.isConnected && (!node.matches('input, textarea') || node.getAttribute('aria-invalid') === 'true');

/**
 * Draws attention to a form's errors: a notice says how many fields need it, and the first
 * field in error, in the page's order, is scrolled into view and focused. Pass it as the second
 * argument of `form.onSubmit`; showCallError does the same for the errors the core returns.
 * Fields are found by the `data-path` that `getInputProps` gives them; the notice also quotes
 * the errors that have no field on screen.
 */
export function showFormErrors(
  errors: Record<string, ReactNode>,
  _values?: unknown,
  event?: { target: EventTarget | null },
) {
  const paths = Object.keys(errors).filter((path) => errors[path]);
  if (paths.length === 0) return;
  const notice = (unseen: ReactNode[]) =>
    [i18n.t('common.fieldsToFix', { count: paths.length }), ...unseen].join(' — ');
  notifications.hide(FIELDS_TO_FIX);
  notifications.show({
    id: FIELDS_TO_FIX,
    color: 'red',
    message: notice([]),
    onClose: () => corrections?.disconnect(),
  });
  // The form sent: the one submitted, or the one holding the button pressed (a table row of
  // scores is a form of its own).
  const target = event?.target instanceof Element ? event.target : document.activeElement;
  const root: ParentNode = target?.closest('form') ?? target?.closest('tr') ?? document;
  // Once React has drawn the messages.
  requestAnimationFrame(() => {
    const fields = paths.map((path) =>
      [...root.querySelectorAll<HTMLElement>(`[data-path="${CSS.escape(path)}"]`)].find(
        (node) => node.getClientRects().length > 0,
      ),
    );
    const unseen = paths.filter((_, i) => !fields[i]).map((path) => errors[path]);
    const shown = fields.filter((node) => node !== undefined);
    if (unseen.length > 0) notifications.update({ id: FIELDS_TO_FIX, message: notice(unseen) });
    else {
      // A form sent again and accepted, or left, no longer has fields to correct.
      corrections?.disconnect();
      corrections = new MutationObserver(() => {
        if (!shown.some(stillWrong)) notifications.hide(FIELDS_TO_FIX);
      });
      corrections.observe(document.body, {
        subtree: true,
        childList: true,
        attributeFilter: ['aria-invalid'],
      });
    }
    const [first] = shown.sort((a, b) =>
      a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
    );
    if (!first) return;
    first.scrollIntoView({ block: 'center' });
    const focusable = first.matches(FOCUSABLE) ? first : first.querySelector<HTMLElement>(FOCUSABLE);
    focusable?.focus({ preventScroll: true });
  });
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
      errors[path] ??= translateIssue(issue.message, issue.params);
    }
    form.setErrors(errors);
    showFormErrors(errors);
    return;
  }
  // Without fields to show them on, the issues are quoted after the core's message.
  const quoted = new Set(issues.map((issue) => translateIssue(issue.message, issue.params)));
  notifications.show({
    color: 'red',
    title: i18n.t('common.error'),
    message: [error.message, ...quoted].join(' '),
  });
}

/**
 * An error from the core, for a form whose fields are kept by hand: beside `field` when an
 * issue names it, else for the whole form.
 */
export function errorsOf<F extends string>(error: unknown, field: F): { [K in F | 'form']?: string } {
  const issue = error instanceof ApiError ? error.body.issues?.find((i) => i.path[0] === field) : undefined;
  return (
    issue ? { [field]: translateIssue(issue.message, issue.params) } : { form: (error as Error).message }
  ) as { [K in F | 'form']?: string };
}

export function notifySaved(message: string) {
  notifications.show({ color: 'teal', message });
}

/**
 * Submits a form once its values pass its checks (else showFormErrors): `send` makes the call;
 * then the `saved` notice and `onSaved`, or the error beside the fields (showCallError, with
 * `prefix`) unless `onError` handles it. `pending` lasts until `onSaved` is done. The call's
 * promise, unlike `mutate`'s callbacks, settles even when the form has left the screen.
 */
export function useFormSubmit<V, R>(
  form: UseFormReturnType<V>,
  {
    send,
    saved,
    onSaved,
    prefix,
    onError = (error) => showCallError(error, form, prefix),
  }: {
    send: (values: V) => Promise<R>;
    saved?: string;
    onSaved?: (result: R) => unknown;
    prefix?: string;
    onError?: (error: Error) => void;
  },
) {
  const [pending, setPending] = useState(false);
  const submit = form.onSubmit(async (values) => {
    setPending(true);
    try {
      const result = await send(values);
      if (saved) notifySaved(saved);
      await onSaved?.(result);
    } catch (error) {
      onError(error as Error);
    } finally {
      setPending(false);
    }
  }, showFormErrors);
  return { submit, pending };
}

/**
 * A form whose values are, once the contract's schema has checked them, the input of one write:
 * the form (from `initialValues`) and its submit, as useFormSubmit with `options` (whose `onError`
 * is also given the form).
 */
export function useInputForm<M extends Method, V extends Record<string, unknown>>(
  method: M,
  schema: z.ZodType<Input<M>>,
  initialValues: V,
  {
    onError,
    ...options
  }: Omit<Parameters<typeof useFormSubmit<V, Output<M>>>[1], 'send' | 'onError'> & {
    onError?: (error: Error, form: UseFormReturnType<V>) => void;
  },
) {
  const write = useMutate(method);
  const form = useForm<V>({ initialValues, validate: contractResolver(schema) });
  const submit = useFormSubmit(form, {
    ...options,
    send: (values) => write.mutateAsync(schema.parse(values)),
    onError: onError && ((error) => onError(error, form)),
  });
  return { form, ...submit };
}
