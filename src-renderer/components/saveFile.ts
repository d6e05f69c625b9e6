import type { FileOutput } from '../../src-main/contract';

const bytesOf = (base64: string) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));

/** Hands bytes to the browser as a download named `fileName`. */
export function download(fileName: string, bytes: Uint8Array, mimeType: string) {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mimeType }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // Let the download start before the address is released.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Saves a file made by the core: a save dialog in the desktop app, a download in web mode.
 * Resolves to false when the user cancels the dialog.
 */
export async function saveFile(file: FileOutput): Promise<boolean> {
  const bytes = bytesOf(file.dataBase64);
  if (window.parcours) return window.parcours.saveFile(file.fileName, bytes);
  download(file.fileName, bytes, file.mimeType);
  return true;
}
