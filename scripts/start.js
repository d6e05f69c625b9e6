// `npm start`: the desktop app where Electron can run here, web mode otherwise (and says why).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

/** Why Electron cannot run on this machine, or null when it can. */
function electronUnavailable() {
  const electronDir = path.dirname(require.resolve('electron/package.json'));
  const pathFile = path.join(electronDir, 'path.txt');
  if (
    !fs.existsSync(pathFile) ||
    !fs.existsSync(path.join(electronDir, 'dist', fs.readFileSync(pathFile, 'utf8')))
  ) {
    // Electron downloads its binary on first use; this fails where only the npm registry is reachable.
    const install = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], {
      stdio: 'ignore',
      timeout: 120_000,
    });
    if (install.status !== 0) return 'le programme Electron n’a pas pu être téléchargé';
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return 'aucun écran graphique (DISPLAY) n’est disponible';
  }
  return null;
}

const forceWeb = process.argv.includes('--web');
const reason = forceWeb ? 'mode web demandé' : electronUnavailable();

if (reason === null) {
  const electron = require('electron');
  const child = spawn(electron, [root], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(
    `Electron n’est pas utilisable ici (${reason}) : Parcours démarre en mode web, dans le navigateur.`,
  );
  const child = spawn(process.execPath, [path.join(root, 'out/main/web.js')], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}
