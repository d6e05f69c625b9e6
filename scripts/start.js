// `npm start`: builds only when the sources changed, then opens the desktop app where Electron can
// run here, web mode otherwise, and says why. Electron's program (about 100 MB) is downloaded on
// first use: never without saying so, and not tried again for a day after a failure.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { createRequire } from 'node:module';
import { buildIfChanged } from './build.js';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const DAY_MS = 24 * 60 * 60 * 1000;
/** When the last download of Electron failed: no new try before a day, unless asked. */
const FAILED_DOWNLOAD = path.join(root, 'node_modules', '.cache', 'parcours', 'electron-download-failed');
const RETRY_OPTION = '--telecharger-electron';

/** The host Electron's program comes from, reachable within 3 s (false without network). */
function reachable(host) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port: 443, timeout: 3000 });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('timeout', () => done(false));
    socket.once('error', () => done(false));
  });
}

/** Why Electron cannot run on this machine, or null when it can. */
async function electronUnavailable() {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return 'aucun écran graphique (DISPLAY) n’est disponible';
  }
  const electronDir = path.dirname(require.resolve('electron/package.json'));
  const pathFile = path.join(electronDir, 'path.txt');
  const installed =
    fs.existsSync(pathFile) &&
    fs.existsSync(path.join(electronDir, 'dist', fs.readFileSync(pathFile, 'utf8')));
  if (installed) return null;

  if (fs.existsSync(FAILED_DOWNLOAD) && !process.argv.includes(RETRY_OPTION)) {
    const failedAt = fs.statSync(FAILED_DOWNLOAD).mtime;
    if (Date.now() - failedAt.getTime() < DAY_MS) {
      return (
        `son téléchargement a échoué le ${failedAt.toLocaleString('fr-FR')} ; pas de nouvel essai avant 24 h ` +
        `(ou : npm start -- ${RETRY_OPTION})`
      );
    }
  }
  const host = process.env.ELECTRON_MIRROR ? new URL(process.env.ELECTRON_MIRROR).hostname : 'github.com';
  console.log(
    `Le programme Electron (environ 100 Mo) n’est pas encore là : vérification de l’accès à ${host}…`,
  );
  const failed = (reason) => {
    fs.mkdirSync(path.dirname(FAILED_DOWNLOAD), { recursive: true });
    fs.writeFileSync(FAILED_DOWNLOAD, `${new Date().toISOString()} ${reason}\n`);
    return reason;
  };
  if (!(await reachable(host))) return failed(`${host} ne répond pas (pas de réseau ?)`);
  console.log(`Téléchargement d’Electron depuis ${host} (Ctrl+C pour l’interrompre et passer au mode web)…`);
  const install = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    timeout: 15 * 60_000,
  });
  if (install.status !== 0) {
    const cause = install.stderr?.trim().split('\n')[0] || 'interrompu';
    return failed(`le téléchargement d’Electron a échoué (${cause})`);
  }
  fs.rmSync(FAILED_DOWNLOAD, { force: true });
  return null;
}

try {
  buildIfChanged();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

const forceWeb = process.argv.includes('--web');
const reason = forceWeb ? 'mode web demandé' : await electronUnavailable();

if (reason === null) {
  console.log('Ouverture de Parcours (application de bureau)…');
  const electron = require('electron');
  const child = spawn(electron, [root], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(
    `Electron n’est pas utilisable ici (${reason}) : Parcours démarre en mode web, dans le navigateur.`,
  );
  // Web mode's own options (`--inscrire <fichier> <code>`, `--restaurer-derniere-sauvegarde`) pass through.
  const options = process.argv.slice(2).filter((a) => a !== '--web' && a !== RETRY_OPTION);
  const child = spawn(process.execPath, [path.join(root, 'out/main/web.js'), ...options], {
    stdio: 'inherit',
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}
