// `npm run build`: builds the app (electron-vite → out/) only when its sources changed since the last
// build, and says so. `npm run build -- --force` builds in any case. Used by `npm start` and the tests.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');

/** What the build reads: a change to any of these makes out/ stale. */
const INPUTS = [
  'src-main',
  'src-renderer',
  'resources',
  'electron.vite.config.ts',
  'postcss.config.cjs',
  'tsconfig.json',
  'package.json',
  'package-lock.json',
];
/** The checksum of each input at the last successful build. */
const MANIFEST = path.join(root, 'out', '.sources.json');
const OUTPUTS = ['out/main/index.js', 'out/main/web.js', 'out/preload/index.cjs', 'out/renderer/index.html'];

function checksums() {
  const files = {};
  const add = (relative) => {
    const full = path.join(root, relative);
    if (!fs.existsSync(full)) return;
    if (fs.statSync(full).isDirectory()) {
      for (const name of fs.readdirSync(full).sort()) add(path.join(relative, name));
      return;
    }
    files[relative.split(path.sep).join('/')] = crypto
      .createHash('sha256')
      .update(fs.readFileSync(full))
      .digest('hex');
  };
  for (const input of INPUTS) add(input);
  return files;
}

/** The inputs changed since the last build (all of them when there was none). */
function changedSince(previous, current) {
  const names = new Set([...Object.keys(previous), ...Object.keys(current)]);
  return [...names].filter((name) => previous[name] !== current[name]).sort();
}

/** Builds when out/ is missing or older than its sources; true when it built. */
export function buildIfChanged({ force = false, log = console.log } = {}) {
  const current = checksums();
  const previous = fs.existsSync(MANIFEST) ? JSON.parse(fs.readFileSync(MANIFEST, 'utf8')) : null;
  const complete = OUTPUTS.every((file) => fs.existsSync(path.join(root, file)));
  const changed = previous && complete ? changedSince(previous, current) : null;
  if (!force && changed && changed.length === 0) {
    log('Parcours est déjà construit et ses sources n’ont pas changé : pas de construction.');
    return false;
  }
  if (force) log('Construction de Parcours demandée (--force)…');
  else if (!changed) log('Première construction de Parcours (out/ absent ou incomplet)…');
  else {
    const shown =
      changed.slice(0, 3).join(', ') + (changed.length > 3 ? `, … (${changed.length} fichiers)` : '');
    log(`Sources modifiées depuis la dernière construction (${shown}) : construction de Parcours…`);
  }
  const started = Date.now();
  fs.rmSync(MANIFEST, { force: true });
  const vite = path.join(root, 'node_modules/electron-vite/bin/electron-vite.js');
  const result = spawnSync(process.execPath, [vite, 'build'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (result.status !== 0) {
    process.stdout.write(result.stdout ?? '');
    throw new Error('La construction de Parcours a échoué (voir ci-dessus).');
  }
  fs.writeFileSync(MANIFEST, JSON.stringify(current));
  log(`Parcours construit en ${((Date.now() - started) / 1000).toFixed(1).replace('.', ',')} s.`);
  return true;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    buildIfChanged({ force: process.argv.includes('--force') });
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
