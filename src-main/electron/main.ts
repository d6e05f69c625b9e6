import fs from 'node:fs/promises';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import {
  describeBackups,
  describeUpgrade,
  openCore,
  startBackupSchedule,
  type BackupSchedule,
  type Core,
} from '../core';
import { aboutText, appResources, desktopDataDir } from './installation';
import { registerIpc, registerSave } from './ipc';
import { serveAppRequest } from './protocol';
import {
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  isAllowedExternal,
  isAppUrl,
  rendererUrlFor,
  secureWebPreferences,
} from './security';

const rendererDir = path.join(import.meta.dirname, '../renderer');
const rendererUrl = rendererUrlFor(app.isPackaged, process.env);
// Before the app is ready: app:// is a standard, secure origin of its own.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
const { migrationsFolder, fontsFolder } = appResources(
  app.isPackaged,
  process.resourcesPath,
  app.getAppPath(),
);

let core: Core | undefined;
let backups: BackupSchedule | undefined;

function createWindow() {
  const win = new BrowserWindow({
    width: 1280,
    height: 840,
    minWidth: 960,
    minHeight: 640,
    title: 'Parcours',
    icon: path.join(app.getAppPath(), 'resources', 'icon.png'),
    show: false,
    webPreferences: secureWebPreferences(path.join(import.meta.dirname, '../preload/index.cjs'), {
      devTools: !app.isPackaged,
    }),
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(rendererUrl);
}

async function saveWithDialog(fileName: string, data: Uint8Array): Promise<boolean> {
  const extension = path.extname(fileName).slice(1);
  const options = {
    defaultPath: path.join(app.getPath('documents'), fileName),
    filters: extension ? [{ name: extension.toUpperCase(), extensions: [extension] }] : [],
  };
  const win = BrowserWindow.getFocusedWindow();
  const chosen = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  if (chosen.canceled || !chosen.filePath) return false;
  await fs.writeFile(chosen.filePath, data);
  return true;
}

app.on('web-contents-created', (_event, contents) => {
  const stayInApp = (event: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url, rendererUrl)) event.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // Only the sites of the allowlist open, in the user's browser; never a window of the app.
    if (isAllowedExternal(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
});

/**
 * Opens the core; a damaged database file is left untouched and the user is offered the latest
 * verified backup in its place (the damaged file is kept aside, in `endommagees/`).
 */
function openDesktopCore(dataDir: string): Core | undefined {
  try {
    const opened = openCore(
      { dataDir, migrationsFolder, fontsFolder, onInternalError: (e) => console.error(e) },
      (error) =>
        dialog.showMessageBoxSync({
          type: 'error',
          title: 'Parcours : données endommagées',
          message: 'Le fichier de données de Parcours est endommagé.',
          detail:
            `${error.message}\n\nSauvegardes vérifiées :\n${describeBackups(error.backups)}\n\n` +
            'Restaurer la plus récente ? Le fichier endommagé sera gardé dans le dossier « endommagees ».',
          buttons: ['Restaurer la dernière sauvegarde', 'Quitter'],
          defaultId: 0,
          cancelId: 1,
          noLink: true,
        }) === 0,
    );
    return opened?.core;
  } catch (error) {
    dialog.showErrorBox('Parcours ne peut pas ouvrir ses données', (error as Error).message);
    return undefined;
  }
}

app.whenReady().then(() => {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(request, rendererDir));
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  const dataDir = desktopDataDir(process.env, app.getPath('userData'));
  core = openDesktopCore(dataDir);
  if (!core) {
    app.exit(1);
    return;
  }
  const opened = core;
  if (opened.upgrade) console.log(describeUpgrade(opened.upgrade));
  backups = startBackupSchedule(opened);
  // Each window's session stays in this process; it ends when the window closes.
  const ipc = registerIpc(
    ipcMain,
    (method, input, caller) => opened.request(method, input, caller),
    rendererUrl,
  );
  app.on('web-contents-created', (_event, contents) => {
    const id = contents.id;
    contents.once('destroyed', () => ipc.forget(id));
  });
  registerSave(ipcMain, saveWithDialog, rendererUrl);
  Menu.setApplicationMenu(
    Menu.buildFromTemplate([
      { label: 'Fichier', submenu: [{ role: 'quit', label: 'Quitter' }] },
      {
        label: 'Affichage',
        submenu: [
          { role: 'reload', label: 'Actualiser' },
          { role: 'resetZoom', label: 'Taille réelle' },
          { role: 'zoomIn', label: 'Agrandir' },
          { role: 'zoomOut', label: 'Réduire' },
          { role: 'togglefullscreen', label: 'Plein écran' },
        ],
      },
      {
        label: 'Aide',
        submenu: [
          {
            label: 'À propos de Parcours',
            click: () => {
              const about = opened.invoke('system.about', {});
              if (!about.ok) return;
              void dialog.showMessageBox({
                type: 'info',
                title: 'À propos de Parcours',
                ...aboutText(about.value, dataDir, process.versions.electron),
                buttons: ['Fermer'],
                noLink: true,
              });
            },
          },
        ],
      },
    ]),
  );
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

// A last automatic backup when data changed, before the database is closed.
let backedUpOnQuit = false;
app.on('before-quit', (event) => {
  if (!backups || backedUpOnQuit) return;
  event.preventDefault();
  backedUpOnQuit = true;
  void backups.quit().finally(() => app.quit());
});

app.on('will-quit', () => core?.close());
