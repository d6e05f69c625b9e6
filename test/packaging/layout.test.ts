import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { extractAll, extractFile, listPackage, statFile } from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pkg from '../../package.json';

// The unpacked Linux layout (`electron-builder --linux dir`), built with a stand-in Electron
// distribution since the real one cannot be downloaded here, then read back: what the installers
// of every system hold is this layout, packed.

const ROOT = path.resolve(import.meta.dirname, '../..');
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// Electron's own settings of its first eight fuses: RunAsNode on, cookie encryption off, NODE_OPTIONS
// on, --inspect on, ASAR integrity off, only-app-from-ASAR off, V8 snapshot off, file:// privileges on.
const ELECTRON_FUSES = '10110001';

let work: string;
let layout: string;
let resources: string;
let archive: string;
let entries: string[];
let builderOutput: string;

/** What electron-builder takes from an unpacked Electron: the binary (with its fuse wire) and its files. */
function standInElectron(dir: string) {
  fs.mkdirSync(path.join(dir, 'locales'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'resources'));
  const wire = Buffer.concat([
    Buffer.from(SENTINEL),
    Buffer.from([1, ELECTRON_FUSES.length]),
    Buffer.from(ELECTRON_FUSES),
  ]);
  fs.writeFileSync(
    path.join(dir, 'electron'),
    Buffer.concat([Buffer.from('#!/bin/sh\necho "stand-in Electron"\nexit 1\n# '), wire, Buffer.from('\n')]),
    { mode: 0o755 },
  );
  for (const locale of ['fr', 'en-US', 'de', 'ja'])
    fs.writeFileSync(path.join(dir, 'locales', `${locale}.pak`), '');
  fs.writeFileSync(path.join(dir, 'LICENSE'), 'MIT');
  fs.writeFileSync(path.join(dir, 'LICENSES.chromium.html'), '<html></html>');
  fs.writeFileSync(path.join(dir, 'version'), pkg.devDependencies.electron.replace(/^\^/, ''));
}

/** The fuse wire burnt into a binary, as '0'/'1' characters. */
function fusesOf(binary: string): string {
  const bytes = fs.readFileSync(binary);
  const at = bytes.indexOf(SENTINEL) + SENTINEL.length;
  return bytes.subarray(at + 2, at + 2 + bytes[at + 1]!).toString('latin1');
}

beforeAll(() => {
  // out/ as `npm run build` leaves it (rebuilt only when the sources changed).
  const build = spawnSync(process.execPath, ['scripts/build.js'], { cwd: ROOT, encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'parcours-packaging-'));
  standInElectron(path.join(work, 'electron'));
  const builder = spawnSync(
    process.execPath,
    [
      'node_modules/electron-builder/cli.js',
      '--linux',
      'dir',
      '--x64',
      '--publish',
      'never',
      `-c.electronDist=${path.join(work, 'electron')}`,
      `-c.directories.output=${path.join(work, 'dist')}`,
    ],
    {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 100_000,
      env: {
        // Vitest's variables would silence electron-builder's log.
        ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST'))),
        // Nothing may be downloaded: any attempt goes to a closed local port and fails at once.
        HTTP_PROXY: 'http://127.0.0.1:9',
        HTTPS_PROXY: 'http://127.0.0.1:9',
        http_proxy: 'http://127.0.0.1:9',
        https_proxy: 'http://127.0.0.1:9',
        ELECTRON_GET_USE_PROXY: '1',
        NO_UPDATE_NOTIFIER: '1',
      },
    },
  );
  builderOutput = `${builder.stdout}\n${builder.stderr}`;
  expect(builder.status, builderOutput).toBe(0);
  layout = path.join(work, 'dist', 'linux-unpacked');
  resources = path.join(layout, 'resources');
  archive = path.join(resources, 'app.asar');
  entries = listPackage(archive, { isPack: false }).map((e) => e.split(path.sep).join('/'));
}, 120_000);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('the packaged app', () => {
  it('is built without downloading anything', () => {
    expect(builderOutput).not.toMatch(/download/i);
    expect(builderOutput).toMatch(/using custom unpacked Electron distribution/);
  });

  it('holds the built main process, preload and interface, and no web mode', () => {
    for (const file of [
      '/package.json',
      '/out/main/index.js',
      '/out/preload/index.cjs',
      '/out/renderer/index.html',
    ])
      expect(entries).toContain(file);
    // The chunks the main process shares with web mode (the core), whatever the bundler names them.
    const chunks = fs.readdirSync(path.join(ROOT, 'out/main/chunks'));
    expect(chunks.length).toBeGreaterThan(0);
    for (const chunk of chunks) expect(entries).toContain(`/out/main/chunks/${chunk}`);
    expect(entries.some((e) => /^\/out\/renderer\/assets\/index-.*\.js$/.test(e))).toBe(true);
    expect(entries).toContain('/resources/icon.png');
    expect(entries).not.toContain('/out/main/web.js');
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(manifest.main).toBe('out/main/index.js');
  });

  it('holds nothing of the tests, the sources, the development tools or source maps', () => {
    const top = new Set(entries.map((e) => e.split('/')[1]));
    expect([...top].sort()).toEqual(['node_modules', 'out', 'package.json', 'resources']);
    expect(entries.filter((e) => /\.(map|tsx?)$/.test(e))).toEqual([]);
    expect(entries.filter((e) => /^\/(src-main|src-renderer|test|scripts|migrations)\//.test(e))).toEqual([]);
    const modules = new Set(
      entries
        .map((e) => /^\/node_modules\/((?:@[^/]+\/)?[^/@][^/]*)/.exec(e)?.[1])
        .filter((m): m is string => m !== undefined),
    );
    // The production tree as npm sees it (a development tool can also be a dependency of a dependency).
    const production = new Set(
      spawnSync('npm', ['ls', '--omit', 'dev', '--all', '--parseable'], { cwd: ROOT, encoding: 'utf8' })
        .stdout.split('\n')
        .map((line) => /node_modules\/((?:@[^/]+\/)?[^/]+)$/.exec(line.trim())?.[1])
        .filter((m): m is string => m !== undefined),
    );
    expect([...modules].filter((name) => !production.has(name))).toEqual([]);
    const development = Object.keys(pkg.devDependencies).filter((name) => !production.has(name));
    expect(development.filter((name) => modules.has(name))).toEqual([]);
    expect(modules.has('@types/node')).toBe(false);
    for (const dependency of Object.keys(pkg.dependencies)) expect(modules).toContain(dependency);
    for (const tool of [
      'electron',
      'electron-builder',
      'vite',
      'vitest',
      'typescript',
      '@playwright/test',
      'react',
    ])
      expect(modules.has(tool)).toBe(false);
  }, 30_000);

  it('keeps the native SQLite module outside the archive, for this system only', () => {
    const binary = '/node_modules/better-sqlite3/prebuilds/linux-x64.node';
    expect(entries).toContain(binary);
    expect(statFile(archive, binary.slice(1))).toMatchObject({ unpacked: true });
    const unpacked = path.join(resources, 'app.asar.unpacked', binary);
    expect(fs.readFileSync(unpacked).subarray(0, 4).toString('latin1')).toBe('\x7fELF');
    expect(entries.filter((e) => e.includes('/better-sqlite3/prebuilds/'))).toEqual([binary]);
    expect(entries.filter((e) => /\/better-sqlite3\/(deps|src)\//.test(e))).toEqual([]);
  });

  it('ships the migrations and the PDF fonts beside the archive', () => {
    const migrations = fs.readdirSync(path.join(ROOT, 'migrations')).filter((f) => f.endsWith('.sql'));
    expect(fs.readdirSync(path.join(resources, 'migrations')).filter((f) => f.endsWith('.sql'))).toEqual(
      migrations,
    );
    expect(fs.readFileSync(path.join(resources, 'migrations/meta/_journal.json'), 'utf8')).toBe(
      fs.readFileSync(path.join(ROOT, 'migrations/meta/_journal.json'), 'utf8'),
    );
    expect(fs.readdirSync(path.join(resources, 'fonts')).sort()).toEqual([
      'Roboto-Italic.ttf',
      'Roboto-Medium.ttf',
      'Roboto-MediumItalic.ttf',
      'Roboto-Regular.ttf',
    ]);
    // Only one copy of the fonts: pdfmake's own stays out of the archive.
    expect(entries.filter((e) => e.endsWith('.ttf'))).toEqual([]);
  });

  it('is named Parcours, with the version of package.json, the locales it needs and the fuses set', () => {
    expect(fs.existsSync(path.join(layout, 'parcours'))).toBe(true);
    expect(fs.readdirSync(path.join(layout, 'locales')).sort()).toEqual(['en-US.pak', 'fr.pak']);
    const packed = JSON.parse(extractFile(archive, 'package.json').toString('utf8'));
    expect(packed).toMatchObject({
      productName: 'Parcours',
      version: pkg.version,
      main: 'out/main/index.js',
    });
    expect(packed.devDependencies).toBeUndefined();
    // RunAsNode off, cookie encryption on, NODE_OPTIONS off, --inspect off, ASAR integrity on,
    // only the app's ASAR on; the other two as Electron sets them.
    expect(fusesOf(path.join(layout, 'parcours'))).toBe('01001101');
  });

  it('starts: the main process opens the data with the shipped migrations and writes PDF with the shipped fonts', () => {
    const app = path.join(work, 'app');
    extractAll(archive, app);
    const standIn = path.join(app, 'node_modules/electron');
    fs.mkdirSync(standIn);
    fs.writeFileSync(
      path.join(standIn, 'package.json'),
      '{"name":"electron","type":"module","main":"index.js"}',
    );
    fs.copyFileSync(path.join(import.meta.dirname, 'stand-in-electron.js'), path.join(standIn, 'index.js'));
    const dataDir = path.join(work, 'data');
    const run = spawnSync(process.execPath, [path.join(app, 'out/main/index.js')], {
      cwd: work,
      encoding: 'utf8',
      timeout: 45_000,
      env: { ...process.env, STAND_IN_APP: app, STAND_IN_RESOURCES: resources, PARCOURS_DATA_DIR: dataDir },
    });
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout.trim().split('\n').at(-1)!);
    const lastMigration = JSON.parse(
      fs.readFileSync(path.join(ROOT, 'migrations/meta/_journal.json'), 'utf8'),
    ).entries.at(-1).tag;
    expect(report.window).toMatchObject({ title: 'Parcours', icon: path.join(app, 'resources/icon.png') });
    // The interface comes from the app's own protocol, read inside the archive, never file://.
    expect(report.schemes).toEqual(['app']);
    expect(report.loaded).toBe('app://parcours/index.html');
    expect(report.served).toEqual({ status: 200, type: 'text/html; charset=utf-8', html: true });
    expect(report.about).toEqual({
      ok: true,
      value: { appVersion: pkg.version, schemaVersion: lastMigration },
    });
    expect(report.setup.ok).toBe(true);
    expect(report.pdf).toEqual({ start: '%PDF-', roboto: true });
    expect(report.xlsx).toEqual({ start: 'PK' });
    expect(report.backup).toMatchObject({ ok: true, value: { status: 'verified' } });
    expect(report.dialogs).toEqual([
      {
        message: `Parcours ${pkg.version}`,
        detail: expect.stringContaining(
          `Schéma des données : ${lastMigration}\nDossier des données : ${dataDir}`,
        ),
      },
    ]);
    expect(fs.existsSync(path.join(dataDir, 'parcours.sqlite'))).toBe(true);
  }, 60_000);
});
