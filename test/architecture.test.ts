import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return fs
    .readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => path.join(dir, f));
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);
}

const nodeBuiltin = (spec: string) =>
  spec.startsWith('node:') || ['fs', 'path', 'os', 'child_process', 'http'].includes(spec);

describe('module boundaries', () => {
  it('keeps the contract and the renderer free of Node and Electron', () => {
    const offenders = [...sources('src-main/contract'), ...sources('src-renderer')].flatMap((file) =>
      importsOf(file)
        .filter(
          (spec) =>
            nodeBuiltin(spec) ||
            spec === 'electron' ||
            (spec.startsWith('.') && /\/(core|web|electron)(\/|$)/.test(spec)) ||
            spec.includes('better-sqlite3'),
        )
        .map((spec) => `${file} → ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps the main process and the catalogues free of the renderer', () => {
    const offenders = sources('src-main').flatMap((file) =>
      importsOf(file)
        .filter((spec) => spec.includes('src-renderer'))
        .map((spec) => `${file} → ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps the catalogues free of Node, Electron and the core', () => {
    const offenders = sources('src-main/i18n').flatMap((file) =>
      importsOf(file)
        .filter((spec) => nodeBuiltin(spec) || spec === 'electron' || /\/(core|web|electron)(\/|$)/.test(spec))
        .map((spec) => `${file} → ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps Electron out of the core and of web mode', () => {
    const offenders = [...sources('src-main/core'), ...sources('src-main/web')].flatMap((file) =>
      importsOf(file)
        .filter((spec) => spec === 'electron' || spec.includes('/electron/'))
        .map((spec) => `${file} → ${spec}`),
    );
    expect(offenders).toEqual([]);
  });
});
