// Web mode entry: `node out/main/web.js`. Runs the core in plain Node and serves the UI on 127.0.0.1.
import path from 'node:path';
import open from 'open';
import { createCore } from '../core';
import { defaultDataDir } from './paths';
import { startWebServer } from './server';

const outDir = path.resolve(import.meta.dirname, '..');
const dataDir = process.env.PARCOURS_DATA_DIR || defaultDataDir();

let core;
try {
  core = createCore({
    dataDir,
    migrationsFolder: path.resolve(outDir, '../migrations'),
    onInternalError: (error) => console.error(error),
  });
} catch (error) {
  console.error(`Parcours n’a pas pu ouvrir ses données (${dataDir}) :\n${(error as Error).message}`);
  process.exit(1);
}

const server = await startWebServer({
  core,
  rendererDir: path.join(outDir, 'renderer'),
  port: Number(process.env.PARCOURS_PORT ?? 0),
});

console.log(`Parcours — mode web
  Données : ${dataDir}
  Adresse : ${server.launchUrl}
(Ctrl+C pour arrêter)`);

if (process.env.BROWSER !== 'none' && process.env.CI !== 'true') {
  open(server.launchUrl).catch(() =>
    console.log('Aucun navigateur n’a pu être ouvert : ouvrez l’adresse ci-dessus.'),
  );
}

const stop = async () => {
  await server.close();
  core.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
