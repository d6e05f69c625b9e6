import { contextBridge, ipcRenderer } from 'electron';

// The page gets one function and nothing else of Electron.
contextBridge.exposeInMainWorld('parcours', {
  invoke: (method: string, input: unknown) => ipcRenderer.invoke('parcours:invoke', method, input),
});
