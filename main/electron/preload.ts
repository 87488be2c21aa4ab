// The sandboxed preload (bundled into one CommonJS file): exposes `window.mejora`.
// A sandboxed preload can only require('electron') — everything else is bundled in.
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge.ts';

contextBridge.exposeInMainWorld('mejora', createBridge(ipcRenderer));
