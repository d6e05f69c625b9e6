import fs from 'node:fs';
import path from 'node:path';
import * as tar from 'tar';
import { z } from 'zod';
import { AppError } from '../errors';
import { sha256File } from './folder';

/**
 * A `.parcours` file: a gzip-compressed tar holding `manifest.json` and the database, so that any
 * tar tool can open it. The manifest says which version made it and vouches for each file with its
 * size and sha256.
 */
export const ARCHIVE_EXTENSION = 'parcours';
export const MANIFEST_FILE = 'manifest.json';

export const manifest = z.object({
  format: z.literal('parcours-sauvegarde'),
  formatVersion: z.literal(1),
  appVersion: z.string(),
  /** The last migration applied to the database. */
  schemaVersion: z.string().nullable(),
  createdAt: z.string(),
  files: z.array(z.object({ name: z.string(), size: z.number().int().min(0), sha256: z.string() })).min(1),
});
export type Manifest = z.infer<typeof manifest>;

export const notAnArchive = () =>
  new AppError(
    'VALIDATION',
    'Ce fichier n’est pas une sauvegarde Parcours lisible (archive .parcours attendue). Rien n’a été remplacé.',
  );

/** Writes the archive of `files` (names inside `dir`) with their manifest. */
export async function writeArchive(
  dir: string,
  files: string[],
  made: Omit<Manifest, 'format' | 'formatVersion' | 'files'>,
  archiveFile: string,
): Promise<void> {
  const content: Manifest = {
    format: 'parcours-sauvegarde',
    formatVersion: 1,
    ...made,
    files: files.map((name) => {
      const file = path.join(dir, name);
      return { name, size: fs.statSync(file).size, sha256: sha256File(file) };
    }),
  };
  fs.writeFileSync(path.join(dir, MANIFEST_FILE), `${JSON.stringify(content, null, 2)}\n`);
  await tar.c({ gzip: true, file: archiveFile, cwd: dir, portable: true }, [MANIFEST_FILE, ...files]);
}

const freeBytes = (dir: string) => {
  try {
    const stats = fs.statfsSync(dir);
    return stats.bavail * stats.bsize;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
};

/**
 * Unpacks an archive into `dir` and checks it against its manifest: only the expected plain files
 * are written (no other name, no path, no link), each must have the size and sha256 the manifest
 * gives. Answers the manifest.
 */
export async function readArchive(archiveFile: string, dir: string, expected: string[]): Promise<Manifest> {
  const wanted = new Set([MANIFEST_FILE, ...expected]);
  let tooBig = false;
  try {
    await tar.x({
      file: archiveFile,
      cwd: dir,
      strict: true,
      filter: (entryPath, entry) => {
        const name = entryPath.replace(/^\.\//, '');
        if (!wanted.has(name) || !('type' in entry) || entry.type !== 'File') return false;
        // Leaves room on the disk for the restore itself.
        if ((entry.size ?? 0) * 2 > freeBytes(dir)) tooBig = true;
        return !tooBig;
      },
    });
  } catch {
    throw notAnArchive();
  }
  if (tooBig) {
    throw new AppError(
      'CONFLICT',
      'Le disque n’a pas assez de place libre pour restaurer cette sauvegarde. Libérez de l’espace puis recommencez. Rien n’a été remplacé.',
    );
  }
  let content: Manifest;
  try {
    content = manifest.parse(JSON.parse(fs.readFileSync(path.join(dir, MANIFEST_FILE), 'utf8')));
  } catch {
    throw notAnArchive();
  }
  for (const name of expected) {
    const listed = content.files.find((f) => f.name === name);
    const file = path.join(dir, name);
    if (!listed || !fs.existsSync(file)) throw notAnArchive();
    if (fs.statSync(file).size !== listed.size || sha256File(file) !== listed.sha256) {
      throw new AppError(
        'VALIDATION',
        `Cette sauvegarde est endommagée : le contenu de ${name} ne correspond pas à sa somme de contrôle ` +
          '(fichier abîmé ou modifié). Rien n’a été remplacé.',
      );
    }
  }
  return content;
}
