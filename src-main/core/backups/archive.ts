import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import * as tar from 'tar';
import { Header } from 'tar';
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

const BLOCK = 512;
/** A manifest is a few hundred bytes. */
const MAX_MANIFEST_BYTES = 1024 * 1024;
/** The most the files of an archive may hold, whatever its size. */
export const MAX_EXPANDED_BYTES = 4 * 1024 ** 3;
/**
 * A database compresses a few times, not hundreds: beyond this ratio to the archive's own size
 * (and a floor, for small archives of an almost empty database), an archive is a bomb.
 */
const MAX_RATIO = 100;
const MIN_EXPANSION_BYTES = 64 * 1024 ** 2;

/** How many bytes the files of an archive of `archiveBytes` may expand to. */
export const expansionLimit = (archiveBytes: number) =>
  Math.min(MAX_EXPANDED_BYTES, Math.max(MIN_EXPANSION_BYTES, MAX_RATIO * archiveBytes));

const unexpectedEntry = () =>
  new AppError(
    'VALIDATION',
    'Cette archive contient autre chose que la base de données et le manifeste d’une sauvegarde ' +
      'Parcours : elle a été refusée. Rien n’a été remplacé.',
  );

const tooLarge = () =>
  new AppError(
    'VALIDATION',
    'Cette archive se décompresserait en bien plus de données qu’une sauvegarde n’en contient : ' +
      'elle a été refusée. Rien n’a été remplacé.',
  );

/** Reads a stream by exact lengths, holding no more than one of its chunks at a time. */
class StreamReader {
  #chunks: AsyncIterator<Buffer>;
  #pending: Buffer = Buffer.alloc(0);

  constructor(stream: AsyncIterable<Buffer>) {
    this.#chunks = stream[Symbol.asyncIterator]();
  }

  /** The next bytes, at most `max` of them; none at the end of the stream. */
  async #next(max: number): Promise<Buffer> {
    if (this.#pending.length === 0) {
      const { value, done } = await this.#chunks.next();
      if (done) return Buffer.alloc(0);
      this.#pending = value;
    }
    const piece = this.#pending.subarray(0, max);
    this.#pending = this.#pending.subarray(piece.length);
    return piece;
  }

  /** Exactly `length` bytes: the stream ending first means the archive is cut short. */
  async read(length: number): Promise<Buffer> {
    const pieces: Buffer[] = [];
    let left = length;
    while (left > 0) {
      const piece = await this.#next(left);
      if (piece.length === 0) throw notAnArchive();
      pieces.push(piece);
      left -= piece.length;
    }
    return Buffer.concat(pieces);
  }

  /** The next `length` bytes into a new file, piece by piece. */
  async copyTo(file: string, length: number): Promise<void> {
    const handle = await fs.promises.open(file, 'wx');
    try {
      for (let left = length; left > 0;) {
        const piece = await this.#next(left);
        if (piece.length === 0) throw notAnArchive();
        for (let offset = 0; offset < piece.length;) {
          offset += (await handle.write(piece, offset)).bytesWritten;
        }
        left -= piece.length;
      }
    } finally {
      await handle.close();
    }
  }
}

/**
 * Unpacks an archive into `dir` and checks it against its manifest: the expected plain files and
 * nothing else, each at most once. Whatever else comes first (another name, a path, a link, a
 * directory, an extended header) is refused at once, before any of its bytes are decompressed;
 * so are files larger than `expansionLimit` allows, and decompression stops at the end of the
 * archive. Memory holds one compressed chunk at a time. Each file must have the size and sha256
 * the manifest gives. Answers the manifest.
 */
export async function readArchive(archiveFile: string, dir: string, expected: string[]): Promise<Manifest> {
  const wanted = new Set([MANIFEST_FILE, ...expected]);
  let room = expansionLimit(fs.statSync(archiveFile).size);
  const gunzip = zlib.createGunzip();
  const input = fs.createReadStream(archiveFile);
  input.on('error', (error) => gunzip.destroy(error));
  const archive = new StreamReader(input.pipe(gunzip));
  const found = new Set<string>();
  try {
    for (;;) {
      const header = new Header(await archive.read(BLOCK));
      // The end of the archive: nothing after it is read.
      if (header.nullBlock) break;
      const name = (header.path ?? '').replace(/^\.\//, '');
      if (!header.cksumValid || header.type !== 'File' || !wanted.has(name) || found.has(name)) {
        throw unexpectedEntry();
      }
      const size = header.size ?? 0;
      const blocks = Math.ceil(size / BLOCK) * BLOCK;
      if (size > (name === MANIFEST_FILE ? MAX_MANIFEST_BYTES : room)) throw tooLarge();
      room -= blocks;
      // Leaves room on the disk for the restore itself.
      if (size * 2 > freeBytes(dir)) {
        throw new AppError(
          'CONFLICT',
          'Le disque n’a pas assez de place libre pour restaurer cette sauvegarde. Libérez de l’espace puis recommencez. Rien n’a été remplacé.',
        );
      }
      found.add(name);
      await archive.copyTo(path.join(dir, name), size);
      await archive.read(blocks - size);
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw notAnArchive();
  } finally {
    input.destroy();
    gunzip.destroy();
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
