import path from 'node:path';
import type { About } from '../contract';

/**
 * Where the desktop app finds its migrations and PDF fonts: once packaged, beside app.asar in the
 * resources folder (electron-builder.yml's extraResources); in development, in the source tree
 * (fonts from pdfmake's own copy).
 */
export function appResources(packaged: boolean, resourcesPath: string, appPath: string) {
  return packaged
    ? {
        migrationsFolder: path.join(resourcesPath, 'migrations'),
        fontsFolder: path.join(resourcesPath, 'fonts'),
      }
    : { migrationsFolder: path.join(appPath, 'migrations'), fontsFolder: undefined };
}

/** The folder of the portable build's data, beside its .exe (on the USB key). */
export const PORTABLE_DATA_FOLDER = 'Parcours-donnees';

/**
 * The data folder: PARCOURS_DATA_DIR when set; beside the portable .exe (electron-builder's
 * portable build sets PORTABLE_EXECUTABLE_DIR), so that the data travels with the USB key;
 * otherwise Electron's userData (%APPDATA%\Parcours…), the same as web mode's.
 */
export function desktopDataDir(env: Record<string, string | undefined>, userData: string): string {
  if (env.PARCOURS_DATA_DIR) return env.PARCOURS_DATA_DIR;
  if (env.PORTABLE_EXECUTABLE_DIR) return path.join(env.PORTABLE_EXECUTABLE_DIR, PORTABLE_DATA_FOLDER);
  return userData;
}

/** The About dialog's text. */
export function aboutText(about: About, dataDir: string, electronVersion: string) {
  return {
    message: `Parcours ${about.appVersion}`,
    detail:
      `Schéma des données : ${about.schemaVersion ?? 'aucun'}\n` +
      `Dossier des données : ${dataDir}\n` +
      `Electron ${electronVersion}\n\n` +
      'Suivi d’un Programme de Renforcement des Capacités (PRC).',
  };
}
