import type { DocumentInput } from '../../src-main/contract';
import { call } from '../api/client';

/** The largest document the core stores (20 MB). */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

/** Reads a chosen file into the contract's document shape (content as base64). */
export function readDocument(file: File): Promise<DocumentInput> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error(file.name));
    reader.onload = () => {
      // A data URL: `data:<type>;base64,<content>`.
      const url = String(reader.result);
      resolve({ name: file.name, mimeType: file.type, contentBase64: url.slice(url.indexOf(',') + 1) });
    };
    reader.readAsDataURL(file);
  });
}

/** Fetches a stored document and hands it to the browser as a download. */
export async function downloadDocument(id: string) {
  const stored = await call('documents.get', { id });
  const binary = atob(stored.contentBase64);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: stored.mimeType }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = stored.name;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // Let the download start before the address is released.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
