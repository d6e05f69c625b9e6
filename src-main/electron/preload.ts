import { contextBridge, ipcRenderer } from 'electron';

// The page gets two functions and nothing else of Electron.
contextBridge.exposeInMainWorld('parcours', {
  invoke: (method: string, input: unknown) => ipcRenderer.invoke('parcours:invoke', method, input),
  saveFile: (fileName: string, data: Uint8Array) => ipcRenderer.invoke('parcours:save', fileName, data),
});
