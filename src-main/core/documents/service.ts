import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { DocumentInfo, DocumentInput } from '../../contract';
import type { Context } from '../context';
import { timestamp } from '../context';
import { documents } from '../db/schema';
import { AppError, notFound } from '../errors';
import { newId } from '../ids';

export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

/** The columns of a document's description (its content aside). */
export const documentInfoColumns = {
  id: documents.id,
  name: documents.name,
  mimeType: documents.mimeType,
  size: documents.size,
  createdAt: documents.createdAt,
};

/** Stores a document inside the database (so it travels with every backup); returns its id. */
export function storeDocument(ctx: Context, input: DocumentInput): string {
  const content = Buffer.from(input.contentBase64, 'base64');
  if (content.length === 0)
    throw new AppError('VALIDATION', 'Le fichier est vide.', [
      { path: ['document'], message: 'errors.fileEmpty' },
    ]);
  if (content.length > MAX_DOCUMENT_BYTES) {
    throw new AppError('VALIDATION', 'Le fichier dépasse 20 Mo.', [
      { path: ['document'], message: 'errors.fileTooLarge' },
    ]);
  }
  const id = newId();
  ctx.db
    .insert(documents)
    .values({
      id,
      name: input.name,
      mimeType: input.mimeType || 'application/octet-stream',
      size: content.length,
      sha256: crypto.createHash('sha256').update(content).digest('hex'),
      content,
      createdAt: timestamp(ctx),
    })
    .run();
  return id;
}

export function documentInfo(ctx: Context, id: string): DocumentInfo {
  const row = ctx.db.select(documentInfoColumns).from(documents).where(eq(documents.id, id)).get();
  if (!row) throw notFound('Document');
  return row;
}

export function getDocument(ctx: Context, id: string) {
  const row = ctx.db.select().from(documents).where(eq(documents.id, id)).get();
  if (!row) throw notFound('Document');
  const { content, sha256: _, ...rest } = row;
  return { ...rest, contentBase64: content.toString('base64') };
}
