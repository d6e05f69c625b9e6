import type { DocumentInput } from '../../src-main/contract';
import { call } from '../api/client';
import { saveFile } from './saveFile';

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

/** Fetches a stored document and saves it (save dialog or download). */
export async function downloadDocument(id: string) {
  const stored = await call('documents.get', { id });
  await saveFile({ fileName: stored.name, mimeType: stored.mimeType, dataBase64: stored.contentBase64 });
}
