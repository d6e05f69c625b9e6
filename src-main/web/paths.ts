import os from 'node:os';
import path from 'node:path';

/**
 * The folder Electron names `userData` for "Parcours", so that the desktop app and
 * web mode open the same data: %APPDATA%\Parcours, ~/Library/Application Support/Parcours,
 * or $XDG_CONFIG_HOME/Parcours (~/.config/Parcours).
 */
export function defaultDataDir(platform = process.platform, env = process.env, home = os.homedir()): string {
  const appData =
    platform === 'win32'
      ? (env.APPDATA ?? path.join(home, 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? path.join(home, 'Library', 'Application Support')
        : (env.XDG_CONFIG_HOME ?? path.join(home, '.config'));
  return path.join(appData, 'Parcours');
}
