// Maps an OPEN's service name to the phone's services: shell/exec, sync, scrcpy sockets; refuses the rest.
import type { PhoneChannel, PhoneFiles, ScrcpyServerHost } from '../types.ts';
import type { AdbServiceOpener } from './adbdConnection.ts';
import { parseShellService, serveShell, type ShellRunner } from './shellService.ts';
import { serveSync } from './syncService.ts';

export interface AdbServices {
  shell: ShellRunner;
  files: PhoneFiles;
  scrcpy: ScrcpyServerHost;
  now?: () => number;
}

/**
 * What adbd on Android < 9 answers to `reverse:` over TCP. Tango maps exactly this text to
 * AdbReverseNotSupportedError and falls back to a forward tunnel, which is what we want clients to use.
 */
const REVERSE_REFUSAL = 'more than one device/emulator';

export function createServiceOpener(services: AdbServices): AdbServiceOpener {
  return (service: string, channel: PhoneChannel): boolean => {
    const shell = parseShellService(service);
    if (shell) {
      serveShell(shell, channel, services.shell);
      return true;
    }
    if (service === 'sync:') {
      serveSync(channel, services.files, services.now);
      return true;
    }
    if (service.startsWith('localabstract:')) {
      const name = service.slice('localabstract:'.length);
      return name.length > 0 && services.scrcpy.connect(name, channel);
    }
    if (service.startsWith('reverse:')) {
      const text = new TextEncoder().encode(REVERSE_REFUSAL);
      const reply = new TextEncoder().encode(`FAIL${text.length.toString(16).padStart(4, '0')}${REVERSE_REFUSAL}`);
      channel.onData(() => undefined);
      void channel.write(reply).then(
        () => channel.close(),
        () => channel.close(),
      );
      return true;
    }
    return false;
  };
}
