// Lint rules that encode the import table of ARCHITECTURE.md: breaking the layering is a lint error.
import { readdirSync } from 'node:fs';
import tseslint from 'typescript-eslint';

const nodeAndElectron = [
  { group: ['node:*', 'fs', 'path', 'child_process', 'net', 'http', 'https', 'os', 'crypto', 'stream'], message: 'This folder must not use Node APIs (see ARCHITECTURE.md).' },
  { group: ['electron', 'electron/*'], message: 'This folder must not use Electron (see ARCHITECTURE.md).' },
];

const rendererPatterns = [
  ...nodeAndElectron,
  { group: ['**/main/*', '**/native-bridge/*', '!**/native-bridge/protocol', '!**/native-bridge/protocol/*'], message: 'The renderer may import only native-bridge/protocol and preload/contract.' },
  { group: ['ws', 'better-sqlite3', '@napi-rs/*', '@yume-chan/adb*'], message: 'Node-only packages are not for the renderer.' },
];

// The renderer's layers as data (ARCHITECTURE.md, "Features as contributions"): shared/ is the ground floor, each
// folder of features/ is one feature that sees only shared/, and app/ on top composes them. A later block for the
// same files replaces this rule's options, so every block repeats the renderer's base patterns.
const rendererFeatures = readdirSync(new URL('./renderer/src/features/', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const rendererLayers = [
  { files: ['renderer/**/*.ts', 'renderer/**/*.tsx'], forbidden: [], message: '' },
  { files: ['renderer/src/shared/**/*.ts', 'renderer/src/shared/**/*.tsx'], forbidden: ['**/features/**', '**/app/**'], message: 'shared/ is the ground floor: it imports nothing from features/ or app/.' },
  ...rendererFeatures.map((name) => ({
    files: [`renderer/src/features/${name}/**/*.ts`, `renderer/src/features/${name}/**/*.tsx`],
    forbidden: ['**/app/**', ...rendererFeatures.filter((other) => other !== name).map((other) => `**/${other}/**`)],
    message: 'A feature imports only shared/ (and the protocol and preload contract types): not another feature, not app/. Features meet through ports and contribution slots.',
  })),
];

export default tseslint.config(
  { ignores: ['node_modules/**', '.tsbuild/**', 'dist/**', 'out/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['native-bridge/protocol/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          ...nodeAndElectron,
          { group: ['../*', '!./*'], message: 'native-bridge/protocol imports nothing else of ours.' },
          { group: ['@yume-chan/*', 'ws', 'better-sqlite3', '@napi-rs/*'], message: 'The protocol is pure TypeScript types and codecs.' },
        ],
      }],
    },
  },
  {
    files: ['preload/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...nodeAndElectron, { group: ['../*'], message: 'preload/contract is pure.' }] }],
    },
  },
  ...rendererLayers.map(({ files, forbidden, message }) => ({
    files,
    rules: {
      'no-restricted-imports': ['error', { patterns: [...rendererPatterns, ...(forbidden.length > 0 ? [{ group: forbidden, message }] : [])] }],
    },
  })),
  {
    files: ['native-bridge/**/*.ts'],
    ignores: ['native-bridge/protocol/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron', 'electron/*'], message: 'The box runs in plain Node.' },
          { group: ['**/renderer/*', '**/main/*', '**/preload/*'], message: 'The box imports only its own modules and the protocol.' },
        ],
      }],
    },
  },
  {
    files: ['main/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/renderer/*', '**/native-bridge/*'], message: 'main imports preload/contract, node and electron; the embedded box is started as a process/module entry, not reached into.' }],
      }],
    },
  },
);
