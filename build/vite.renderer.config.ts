// Vite build of the console (renderer/): relative asset paths so it works under app:// and when a box serves it at `/`.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const rendererDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'renderer');

export default defineConfig({
  root: rendererDir,
  base: './',
  plugins: [react()],
  build: {
    outDir: path.resolve(rendererDir, '..', 'dist', 'renderer'),
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
    assetsInlineLimit: 0,
  },
});
