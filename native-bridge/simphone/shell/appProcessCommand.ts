// `app_process`: starts the scrcpy server from the pushed jar (CLASSPATH), like the real Android runtime.
import type { ShellCommand } from '../types.ts';
import type { ShellContext } from './shellContext.ts';

export const SCRCPY_SERVER_CLASS = 'com.genymobile.scrcpy.Server';

export function appProcessCommand(context: ShellContext): ShellCommand {
  return async (args, io, env) => {
    // app_process [vm-options] <parent-dir> <class> [args]: the first non-option after the dir is the class.
    let first = 0;
    while (args[first]?.startsWith('-')) first += 1;
    const operands = args.slice(first);
    const [, className, ...rest] = operands;
    const classPath = env.CLASSPATH ?? '';
    const jarFound = classPath.split(':').some((path) => path !== '' && context.files.stat(path) !== null);
    if (!className || className !== SCRCPY_SERVER_CLASS || !jarFound) {
      io.stderr(`Error: Could not find or load main class ${className ?? ''}\n`);
      return 1;
    }
    return context.scrcpy.run(rest, io);
  };
}
