// Electron main entry (bundled to dist/main/main.mjs): wires the desktop app, nothing more.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as electron from 'electron';
import { desktopAppPaths, registerSchemes, startDesktopApp } from './desktopApp.ts';

registerSchemes(electron);
void startDesktopApp(electron, desktopAppPaths(path.dirname(fileURLToPath(import.meta.url))), spawn);
