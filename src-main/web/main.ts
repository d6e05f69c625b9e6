// Web mode entry: `node out/main/web.js`. Runs the core in plain Node and serves the UI on 127.0.0.1.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import open from 'open';
import {
  DATABASE_FILE,
  describeBackups,
  describeUpgrade,
  enrolThisLaptop,
  openCore,
  startBackupSchedule,
  type Core,
} from '../core';
import { defaultDataDir } from './paths';
import { startWebServer } from './server';
import { startSyncServer, type SyncServer } from './syncServer';

const outDir = path.resolve(import.meta.dirname, '..');
const dataDir = process.env.PARCOURS_DATA_DIR || defaultDataDir();

// With this option (or PARCOURS_RESTAURER_SAUVEGARDE=1), a damaged database is replaced at start by
// the latest verified backup; the damaged file is kept aside in `endommagees/`.
const RESTORE_OPTION = '--restaurer-derniere-sauvegarde';
const restoreLatest =
  process.argv.includes(RESTORE_OPTION) || process.env.PARCOURS_RESTAURER_SAUVEGARDE === '1';

// A field laptop's first start: `--inscrire <fichier d’inscription> <code>` creates its data from the
// file headquarters gave, opened with the code read to the trainer.
const ENROL_OPTION = '--inscrire';
const enrolAt = process.argv.indexOf(ENROL_OPTION);
if (enrolAt >= 0) {
  const [file, code] = process.argv.slice(enrolAt + 1, enrolAt + 3);
  if (!file || !code) {
    console.error(`Utilisation : npm run start:web -- ${ENROL_OPTION} <fichier d’inscription> <code>`);
    process.exit(1);
  }
  try {
    const migrations = path.resolve(outDir, '../migrations');
    enrolThisLaptop(
      path.join(dataDir, DATABASE_FILE),
      migrations,
      fs.readFileSync(file),
      code,
      new Date().toISOString(),
    );
    console.log(`Ce poste est inscrit : ses données sont dans ${dataDir}.`);
  } catch (error) {
    console.error(`L’inscription de ce poste a échoué :\n${(error as Error).message}`);
    process.exit(1);
  }
}

function fail(error: unknown): never {
  console.error(`Parcours n’a pas pu ouvrir ses données (${dataDir}) :\n${(error as Error).message}`);
  process.exit(1);
}

let core: Core;
try {
  const opened = openCore(
    {
      dataDir,
      migrationsFolder: path.resolve(outDir, '../migrations'),
      onInternalError: (error) => console.error(error),
    },
    (error) => {
      if (restoreLatest) return true;
      console.error(`Parcours n’a pas pu ouvrir ses données (${dataDir}) :
${error.message}

Sauvegardes vérifiées, la plus récente d’abord :
${describeBackups(error.backups)}

Pour remplacer le fichier endommagé par la plus récente (il sera gardé dans « endommagees ») :
  PARCOURS_RESTAURER_SAUVEGARDE=1 npm run start:web
ou : node out/main/web.js ${RESTORE_OPTION}`);
      return false;
    },
  );
  if (!opened) process.exit(1);
  core = opened.core;
  if (opened.restored)
    console.log(
      `Sauvegarde ${opened.restored.id} restaurée ; le fichier endommagé est gardé dans « endommagees ».`,
    );
  else if (restoreLatest)
    console.log('Les données ne sont pas endommagées : aucune sauvegarde n’a été restaurée.');
} catch (error) {
  fail(error);
}

// Whatever a request or a timer throws is written down, and the server keeps serving the others.
process.on('uncaughtException', (error) => console.error('Parcours : erreur inattendue', error));
process.on('unhandledRejection', (error) => console.error('Parcours : erreur inattendue', error));

if (core.upgrade) console.log(describeUpgrade(core.upgrade));

const server = await startWebServer({
  core,
  rendererDir: path.join(outDir, 'renderer'),
  port: Number(process.env.PARCOURS_PORT ?? 0),
});

// Headquarters (`npm run start:hq`, or `--siege [port]`): the field laptops' « Synchroniser
// maintenant » reaches it on the local network, on port 4800 unless told otherwise.
const HQ_OPTION = '--siege';
const hqAt = process.argv.indexOf(HQ_OPTION);
let syncServer: SyncServer | undefined;
let hqLines = '';
if (hqAt >= 0) {
  const given = process.argv[hqAt + 1];
  const port = given && /^\d+$/.test(given) ? Number(given) : 4800;
  try {
    syncServer = await startSyncServer({ core, port });
    const addresses = Object.values(os.networkInterfaces())
      .flat()
      .filter((a) => a && a.family === 'IPv4' && !a.internal)
      .map((a) => `http://${a!.address}:${syncServer!.port}`);
    hqLines = `
  Siège : les postes de terrain se synchronisent sur le port ${syncServer.port}
  Adresse du siège à donner aux postes : ${addresses.join(' ou ') || `http://<adresse de cet ordinateur>:${syncServer.port}`}`;
  } catch (error) {
    console.error(
      `Le port ${port} de synchronisation n’a pas pu être ouvert (${(error as Error).message}) : les postes ne pourront synchroniser que par fichier.`,
    );
  }
}

console.log(`Parcours — mode web
  Données : ${dataDir}
  Adresse : ${server.launchUrl}${hqLines}
(Ctrl+C pour arrêter)`);

// Automatic backups: the scheduler defers the one of the start, so the first pages come first.
const backups = startBackupSchedule(core);

if (process.env.BROWSER !== 'none' && process.env.CI !== 'true') {
  open(server.launchUrl).catch(() =>
    console.log('Aucun navigateur n’a pu être ouvert : ouvrez l’adresse ci-dessus.'),
  );
}

const stop = async () => {
  await server.close();
  await syncServer?.close();
  await backups.quit();
  core.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
