// Sandboxed preload entry: exposes the typed desktop API as `window.phonewall` and nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { buildDesktopApi } from './desktopBridge.ts';

contextBridge.exposeInMainWorld('phonewall', buildDesktopApi((channel, ...args) => ipcRenderer.invoke(channel, ...args)));
