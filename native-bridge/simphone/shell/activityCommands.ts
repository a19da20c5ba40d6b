// App and screen shell commands: am (start, force-stop, broadcast + media scan), monkey, screencap, uiautomator.
import type { ShellCommand, ShellIo } from '../types.ts';
import type { ShellContext } from './shellContext.ts';

const MEDIA_SCAN = 'android.intent.action.MEDIA_SCANNER_SCAN_FILE';
const IMAGE_EXTENSIONS = /\.(png|jpe?g|gif|webp|bmp|heic)$/i;

interface Intent {
  action: string | null;
  data: string | null;
  component: string | null;
  categories: string[];
  forceStop: boolean;
}

/** Parses the intent options of `am start`/`am broadcast`; unknown flags with a value are skipped like am does. */
function parseIntent(args: string[]): Intent | string {
  const intent: Intent = { action: null, data: null, component: null, categories: [], forceStop: false };
  const withValue = new Set(['--user', '-t', '--ei', '--es', '--ez', '--el', '--ef', '-f', '--receiver-permission', '--display', '--windowingMode']);
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    const value = args[i + 1];
    const take = () => {
      i += 1;
      return value ?? '';
    };
    if (arg === '-a') intent.action = take();
    else if (arg === '-d') intent.data = take();
    else if (arg === '-n') intent.component = take();
    else if (arg === '-c') intent.categories.push(take());
    else if (arg === '-S') intent.forceStop = true;
    else if (arg === '-W' || arg === '-R' || arg === '--activity-clear-task' || arg === '--activity-new-task') continue;
    else if (withValue.has(arg)) i += arg.startsWith('--e') ? 2 : 1;
    else if (arg.startsWith('-')) return `Error: Unknown option: ${arg}`;
    else if (intent.component === null && arg.includes('/')) intent.component = arg;
    else if (intent.data === null) intent.data = arg;
  }
  return intent;
}

function describeIntent(intent: Intent): string {
  const parts: string[] = [];
  if (intent.action) parts.push(`act=${intent.action}`);
  if (intent.categories.length > 0) parts.push(`cat=[${intent.categories.join(',')}]`);
  if (intent.data) parts.push(`dat=${intent.data}`);
  if (intent.component) parts.push(`cmp=${intent.component}`);
  return `Intent { ${parts.join(' ')} }`;
}

function filePathFromUri(uri: string): string | null {
  if (!uri.startsWith('file://')) return null;
  try {
    return decodeURIComponent(uri.slice('file://'.length));
  } catch {
    return null;
  }
}

export function activityCommands(context: ShellContext): Record<string, ShellCommand> {
  const { screen, files } = context;

  const start = (intent: Intent, io: ShellIo): number => {
    const target = intent.component?.split('/')[0] ?? null;
    io.stdout(`Starting: ${describeIntent(intent)}\n`);
    if (!target) {
      io.stderr(`Error: Activity not started, unable to resolve ${describeIntent(intent)}\n`);
      return 1;
    }
    if (intent.forceStop) screen.forceStopApp?.(target);
    if (!screen.startApp(target)) {
      io.stderr(`Error type 3\nError: Activity class {${intent.component}} does not exist.\n`);
      return 1;
    }
    return 0;
  };

  const broadcast = (intent: Intent, io: ShellIo): number => {
    io.stdout(`Broadcasting: ${describeIntent(intent)}\n`);
    if (intent.action === MEDIA_SCAN && intent.data) {
      const path = filePathFromUri(intent.data);
      const bytes = path ? files.read(path) : null;
      // Like the real scanner, a missing or non-image file is silently ignored.
      if (path && bytes && IMAGE_EXTENSIONS.test(path)) screen.addGalleryImage({ path, bytes });
    }
    io.stdout('Broadcast completed: result=0\n');
    return 0;
  };

  return {
    am: async (args, io) => {
      const [sub, ...rest] = args;
      if (sub === 'start' || sub === 'start-activity' || sub === 'broadcast') {
        const intent = parseIntent(rest);
        if (typeof intent === 'string') {
          io.stderr(`${intent}\n`);
          return 1;
        }
        return sub === 'broadcast' ? broadcast(intent, io) : start(intent, io);
      }
      if (sub === 'force-stop' || sub === 'kill') {
        const pkg = rest.filter((arg) => !arg.startsWith('-')).at(-1);
        if (!pkg) {
          io.stderr('Error: no package specified\n');
          return 1;
        }
        screen.forceStopApp?.(pkg);
        return 0;
      }
      io.stderr(`Error: Unknown command: ${sub ?? ''}\n`);
      return 1;
    },
    monkey: async (args, io) => {
      const pkgIndex = args.indexOf('-p');
      const pkg = pkgIndex >= 0 ? args[pkgIndex + 1] : undefined;
      if (!pkg) {
        io.stderr('** Error: monkey needs a package (-p PKG)\n');
        return 1;
      }
      if (!screen.startApp(pkg)) {
        io.stdout('** No activities found to run, monkey aborted.\n');
        return 252;
      }
      io.stdout(`  bash arg: -p\n  bash arg: ${pkg}\nEvents injected: 1\n## Network stats: elapsed time=5ms (0ms mobile, 0ms wifi, 5ms not connected)\n`);
      return 0;
    },
    screencap: async (args, io) => {
      const png = args.includes('-p');
      const file = args.find((arg) => !arg.startsWith('-'));
      let bytes: Uint8Array;
      if (png || file?.endsWith('.png')) {
        bytes = screen.screencapPng();
      } else {
        // Raw screencap: width, height, pixel format (1 = RGBA_8888), colour space, then the pixels.
        const pixels = screen.renderRgba(screen.width, screen.height);
        bytes = new Uint8Array(16 + pixels.length);
        const view = new DataView(bytes.buffer);
        view.setUint32(0, screen.width, true);
        view.setUint32(4, screen.height, true);
        view.setUint32(8, 1, true);
        view.setUint32(12, 1, true);
        bytes.set(pixels, 16);
      }
      if (file) files.write(file, bytes);
      else io.stdout(bytes);
      return 0;
    },
    uiautomator: async (args, io) => {
      if (args[0] !== 'dump') {
        io.stderr(`Error: unknown uiautomator command: ${args[0] ?? ''}\n`);
        return 1;
      }
      const target = args.slice(1).find((arg) => !arg.startsWith('--')) ?? '/sdcard/window_dump.xml';
      const xml = screen.uiDumpXml();
      if (target === '/dev/tty' || target === '/dev/stdout') io.stdout(xml);
      else files.write(target, new TextEncoder().encode(xml));
      // The misspelling is Android's own; tools match on it.
      io.stdout(`UI hierchary dumped to: ${target}\n`);
      return 0;
    },
  };
}
