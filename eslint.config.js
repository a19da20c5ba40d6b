// Lint rules that encode the import table of ARCHITECTURE.md and the layers inside the box and the console as data:
// breaking the layering is a lint error.
import { readdirSync } from 'node:fs';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const box = (...folders) => folders.map((folder) => `native-bridge/${folder}`);
const boxFolders = ['base', 'devices', 'sessions', 'control', 'relay', 'adb', 'store', 'flows', 'posting', 'chatDesk', 'server', 'simphone', 'testing', 'bench'];
const boxExcept = (...allowed) => box(...boxFolders.filter((folder) => !allowed.includes(folder)));

/**
 * The box's rooms, ground floor first: what each may not import. Features (posting, chatDesk) meet only through
 * ports handed over by box.ts; the server names no feature; nothing of the product imports the test kit.
 */
const boxZones = [
  { target: box('base'), from: boxExcept('base'), message: 'base/ is the ground floor: it imports only the protocol.' },
  { target: box('devices', 'sessions', 'control', 'relay', 'adb', 'store'), from: box('server', 'posting', 'chatDesk', 'flows', 'testing', 'bench'), message: 'The device side and the store know no feature and no server.' },
  { target: box('simphone'), from: boxExcept('simphone', 'base'), message: 'A simulated phone is a phone: it knows nothing of the box.' },
  { target: box('flows'), from: box('server', 'posting', 'chatDesk', 'control', 'testing', 'bench'), message: 'Flows run on any phone port; they know no feature.' },
  { target: box('posting'), from: box('server', 'chatDesk', 'control', 'testing', 'bench'), message: 'A feature imports no other feature and not the server: ports come from box.ts.' },
  { target: box('chatDesk'), from: box('server', 'posting', 'control', 'flows', 'testing', 'bench'), message: 'A feature imports no other feature and not the server: ports come from box.ts.' },
  { target: box('server'), from: box('posting', 'chatDesk', 'control', 'flows', 'devices', 'sessions', 'simphone', 'store', 'testing', 'bench'), message: 'The server routes and fans out; it names no feature.' },
  { target: ['native-bridge/box.ts', 'native-bridge/cli.ts'], from: box('testing', 'bench'), message: 'The box itself does not use the test kit.' },
];

const nodeAndElectron = [
  { group: ['node:*', 'fs', 'path', 'child_process', 'net', 'http', 'https', 'os', 'crypto', 'stream'], message: 'This folder must not use Node APIs (see ARCHITECTURE.md).' },
  { group: ['electron', 'electron/*'], message: 'This folder must not use Electron (see ARCHITECTURE.md).' },
];

const rendererPatterns = [
  ...nodeAndElectron,
  { group: ['**/main/*', '**/native-bridge/*', '!**/native-bridge/protocol', '!**/native-bridge/protocol/*'], message: 'The renderer may import only native-bridge/protocol and preload/contract.' },
  { group: ['ws', 'better-sqlite3', '@napi-rs/*', '@yume-chan/adb*'], message: 'Node-only packages are not for the renderer.' },
];

// The console's layers (ARCHITECTURE.md, "Features as contributions"): shared/ is the ground floor, each folder of
// features/ is one feature that sees only shared/, and app/ on top composes them. A new feature folder is picked up.
const rendererFeatures = readdirSync(new URL('./renderer/src/features/', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const consoleZones = [
  { target: ['renderer/src/app', 'renderer/src/shared', 'renderer/src/features'], from: 'renderer/src/testing', message: 'The console does not use its test kit.' },
  { target: 'renderer/src/shared', from: ['renderer/src/features', 'renderer/src/app'], message: 'shared/ is the ground floor: it imports nothing from features/ or app/.' },
  ...rendererFeatures.map((name) => ({
    target: `renderer/src/features/${name}`,
    from: ['renderer/src/app', ...rendererFeatures.filter((other) => other !== name).map((other) => `renderer/src/features/${other}`)],
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
    // Product code keeps to the rooms above; test files may reach across rooms. (Import cycles: `npm run check:cycles`.)
    files: ['native-bridge/**/*.ts', 'renderer/**/*.ts', 'renderer/**/*.tsx', 'main/**/*.ts', 'preload/**/*.ts', 'build/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs'] })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: [...boxZones, ...consoleZones] }],
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
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns: rendererPatterns }] },
  },
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
        patterns: [{ group: ['**/renderer/*', '**/native-bridge/*', '!**/native-bridge/protocol'], message: 'main imports preload/contract, native-bridge/protocol (the box\'s readiness line), node and electron; the embedded box is started as a process, not reached into.' }],
      }],
    },
  },
);
