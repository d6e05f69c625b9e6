// A stand-in for the `electron` module, put inside the extracted app.asar by layout.test.ts: the
// packaged main process runs in plain Node with it, as Electron would run it from the installed
// folder (app.isPackaged, process.resourcesPath). Once the window is loaded, it calls the core
// through the app's own IPC channel as the page would, opens the About dialog, and prints what it
// got as one JSON line.
process.resourcesPath = process.env.STAND_IN_RESOURCES;
const handlers = new Map();
const protocols = new Map();
const dialogs = [];
let menu = [];
const report = {};

export const app = {
  isPackaged: true,
  getAppPath: () => process.env.STAND_IN_APP,
  getPath: (name) => `${process.env.STAND_IN_APP}/../${name}`,
  whenReady: () => Promise.resolve(),
  on: () => app,
  exit: (code) => {
    report.exit = code;
    console.log(JSON.stringify(report));
    process.exit(0);
  },
  quit: () => undefined,
};

async function asThePage(page) {
  const invoke = handlers.get('parcours:invoke');
  const sender = { senderFrame: { url: page }, sender: { id: 1 } };
  const call = (method, input) => invoke(sender, method, input);
  report.setup = await call('auth.setup', {
    login: 'admin',
    name: 'Équipe PRC',
    password: 'mot-de-passe-solide',
  });
  report.about = await call('system.about', {});
  const request = { kind: 'results', year: 2024 };
  const pdf = await call('reports.export', { request, format: 'pdf' });
  const xlsx = await call('reports.export', { request, format: 'xlsx' });
  const head = (envelope) => envelope.ok && Buffer.from(envelope.value.dataBase64, 'base64');
  report.pdf = pdf.ok
    ? { start: head(pdf).subarray(0, 5).toString(), roboto: head(pdf).includes('Roboto') }
    : pdf;
  report.xlsx = xlsx.ok ? { start: head(xlsx).subarray(0, 2).toString() } : xlsx;
  report.backup = await call('backups.create', {});
  const help = menu.find((item) => item.label === 'Aide');
  help.submenu[0].click();
  await new Promise((resolve) => setTimeout(resolve, 50));
  report.dialogs = dialogs;
  console.log(JSON.stringify(report));
  process.exit(0);
}

export class BrowserWindow {
  static getAllWindows = () => [];
  static getFocusedWindow = () => null;
  constructor(options) {
    report.window = { title: options.title, icon: options.icon, preload: options.webPreferences.preload };
  }
  once() {}
  loadURL(url) {
    report.loaded = url;
    setTimeout(() => void loadThroughProtocol(url), 0);
    return Promise.resolve();
  }
}

/** As Electron would: the page's address answered by the app's own protocol, then the page runs. */
async function loadThroughProtocol(url) {
  const scheme = new URL(url).protocol.slice(0, -1);
  const response = await protocols.get(scheme)(new Request(url));
  const body = await response.text();
  report.served = {
    status: response.status,
    type: response.headers.get('Content-Type'),
    html: body.includes('<div id="root">'),
  };
  await asThePage(url);
}

export const ipcMain = { handle: (channel, listener) => handlers.set(channel, listener) };
export const dialog = {
  showMessageBox: (options) => {
    dialogs.push({ message: options.message, detail: options.detail });
    return Promise.resolve({ response: 0 });
  },
  showMessageBoxSync: (options) => {
    dialogs.push({ message: options.message, detail: options.detail });
    return 1;
  },
  showErrorBox: (title, content) => dialogs.push({ message: title, detail: content }),
};
export const Menu = {
  buildFromTemplate: (template) => template,
  setApplicationMenu: (template) => (menu = template),
};
export const session = {
  defaultSession: {
    setPermissionRequestHandler: () => undefined,
    setPermissionCheckHandler: () => undefined,
  },
};
export const shell = { openExternal: () => Promise.resolve() };
export const protocol = {
  registerSchemesAsPrivileged: (schemes) => (report.schemes = schemes.map((s) => s.scheme)),
  handle: (scheme, handler) => protocols.set(scheme, handler),
};
