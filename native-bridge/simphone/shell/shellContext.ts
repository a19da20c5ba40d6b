// What shell commands may touch on the phone: identity, screen, files, scrcpy server, clock.
import type { PhoneFiles, PhoneIdentity, PhoneScreen, ScrcpyServerHost } from '../types.ts';

export interface ShellContext {
  identity: PhoneIdentity;
  screen: PhoneScreen;
  files: PhoneFiles;
  scrcpy: ScrcpyServerHost;
  /** The display's natural (portrait) size, what `wm size` reports whatever the rotation. */
  physicalSize: () => { width: number; height: number };
  now: () => number;
}

/** Waits `ms`, or less if the command's stream closes first (a killed `sleep`). */
export function abortableSleep(ms: number, aborted: Promise<void>): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, Math.max(0, ms));
    void aborted.then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Splits `-abc` style flags from operands; unknown flags are reported by the caller. */
export function splitFlags(args: string[]): { flags: Set<string>; operands: string[] } {
  const flags = new Set<string>();
  const operands: string[] = [];
  let flagsDone = false;
  for (const arg of args) {
    if (!flagsDone && arg === '--') flagsDone = true;
    else if (!flagsDone && arg.length > 1 && arg.startsWith('-')) for (const flag of arg.slice(1)) flags.add(flag);
    else operands.push(arg);
  }
  return { flags, operands };
}
