import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell } from 'electron';
import { createCore, type Core } from '../core';
import { registerIpc, registerSave } from './ipc';
import { isAppNavigation, secureWebPreferences } from './security';

const devServerUrl = process.env.ELECTRON_RENDERER_URL;
const rendererFile = path.join(import.meta.dirname, '../renderer/index.html');
const rendererUrl = devServerUrl ?? pathToFileURL(rendererFile).href;
const migrationsFolder = app.isPackaged
  ? path.join(process.resourcesPath, 'migrations')
  : path.join(app.getAppPath(), 'migrations');

let core: Core | undefined;

function createWindow() {
  const win = new BrowserWindow({
    width: 1280,
    height: 840,
    minWidth: 960,
    minHeight: 640,
    title: 'Parcours',
    icon: path.join(app.getAppPath(), 'resources', 'icon.png'),
    show: false,
    webPreferences: secureWebPreferences(path.join(import.meta.dirname, '../preload/index.cjs')),
  });
  win.once('ready-to-show', () => win.show());
  if (devServerUrl) void win.loadURL(devServerUrl);
  else void win.loadFile(rendererFile);
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
  contents.on('will-navigate', (event, url) => {
    if (!isAppNavigation(url, rendererUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // Links to the outside (e.g. a documentation page) open in the user's browser, never in the app.
    if (url.startsWith('https:')) void shell.openExternal(url);
    return { action: 'deny' };
  });
});

app.whenReady().then(() => {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  const dataDir = process.env.PARCOURS_DATA_DIR || app.getPath('userData');
  try {
    core = createCore({ dataDir, migrationsFolder, onInternalError: (e) => console.error(e) });
  } catch (error) {
    dialog.showErrorBox('Parcours ne peut pas ouvrir ses données', (error as Error).message);
    app.exit(1);
    return;
  }
  const opened = core;
  registerIpc(ipcMain, (method, input) => opened.request(method, input), rendererUrl);
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

app.on('will-quit', () => core?.close());
