import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentInput } from '../../src-main/contract';
import { ApiError } from '../api/client';
import { translateIssue } from '../i18n';
import { MAX_DOCUMENT_BYTES, readDocument } from './documents';
import { notifySaved } from './forms';

/**
 * Reads a chosen file and hands it to `attach`; an empty, too large or unreadable file, or
 * the core's refusal, becomes a French message to show under the button.
 */
export function useDocumentUpload(
  attach: (document: DocumentInput) => Promise<unknown>,
  savedMessage: string,
) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const upload = async (file: File | null) => {
    if (!file) return;
    setError(null);
    if (file.size === 0) return setError(t('errors.fileEmpty'));
    if (file.size > MAX_DOCUMENT_BYTES) return setError(t('errors.fileTooLarge'));
    setBusy(true);
    try {
      let document: DocumentInput;
      try {
        document = await readDocument(file);
      } catch {
        return setError(t('errors.fileUnreadable'));
      }
      await attach(document);
      notifySaved(savedMessage);
    } catch (e) {
      const issue = e instanceof ApiError ? e.body.issues?.[0] : undefined;
      setError(issue ? translateIssue(issue.message, issue.params) : (e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return { upload, busy, error };
}
