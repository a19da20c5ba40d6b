// System shell commands: getprop, wm, id, echo, sleep, true/false, whoami.
import type { ShellCommand } from '../types.ts';
import { abortableSleep, type ShellContext } from './shellContext.ts';

export function systemProperties(context: ShellContext): Record<string, string> {
  const { identity } = context;
  return {
    'ro.boot.serialno': identity.serial,
    'ro.build.type': 'user',
    'ro.build.version.release': identity.release,
    'ro.build.version.sdk': String(identity.sdk),
    'ro.hardware': 'simphone',
    'ro.phonewall.simulated': '1',
    'ro.product.brand': identity.brand,
    'ro.product.cpu.abi': 'arm64-v8a',
    'ro.product.cpu.abilist': 'arm64-v8a,armeabi-v7a,armeabi',
    'ro.product.device': identity.device,
    'ro.product.manufacturer': identity.manufacturer,
    'ro.product.model': identity.model,
    'ro.product.name': identity.product,
    'ro.serialno': identity.serial,
    'sys.boot_completed': '1',
  };
}

export function systemCommands(context: ShellContext): Record<string, ShellCommand> {
  return {
    getprop: async (args, io) => {
      const props = systemProperties(context);
      const [name, fallback] = args;
      if (name === undefined) {
        for (const key of Object.keys(props).sort()) io.stdout(`[${key}]: [${props[key]}]\n`);
      } else {
        io.stdout(`${props[name] ?? fallback ?? ''}\n`);
      }
      return 0;
    },
    wm: async (args, io) => {
      const size = context.physicalSize();
      if (args[0] === 'size' && args.length === 1) {
        io.stdout(`Physical size: ${size.width}x${size.height}\n`);
        return 0;
      }
      if (args[0] === 'density' && args.length === 1) {
        io.stdout('Physical density: 320\n');
        return 0;
      }
      io.stderr(`Error: unsupported wm command: ${args.join(' ')}\n`);
      return 255;
    },
    id: async (_args, io) => {
      io.stdout('uid=2000(shell) gid=2000(shell) groups=2000(shell),1004(input),1007(log),1011(adb),1015(sdcard_rw),1028(sdcard_r),3003(inet) context=u:r:shell:s0\n');
      return 0;
    },
    whoami: async (_args, io) => {
      io.stdout('shell\n');
      return 0;
    },
    echo: async (args, io) => {
      const noNewline = args[0] === '-n';
      const words = noNewline ? args.slice(1) : args;
      io.stdout(`${words.join(' ')}${noNewline ? '' : '\n'}`);
      return 0;
    },
    sleep: async (args, io) => {
      const seconds = Number(args[0]);
      if (args.length !== 1 || !Number.isFinite(seconds) || seconds < 0) {
        io.stderr('sleep: Need 1 argument\n');
        return 1;
      }
      await abortableSleep(seconds * 1000, io.aborted);
      return 0;
    },
    true: async () => 0,
    false: async () => 1,
  };
}
