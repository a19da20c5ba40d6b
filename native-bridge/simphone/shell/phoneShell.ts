// Builds the phone's shell: every command wired to the phone's parts, behind one ShellInterpreter.
import { activityCommands } from './activityCommands.ts';
import { appProcessCommand } from './appProcessCommand.ts';
import { fileCommands } from './fileCommands.ts';
import { inputCommands } from './inputCommands.ts';
import { ShellInterpreter } from './shellInterpreter.ts';
import type { ShellContext } from './shellContext.ts';
import { systemCommands } from './systemCommands.ts';

export function createPhoneShell(context: ShellContext): ShellInterpreter {
  return new ShellInterpreter({
    files: context.files,
    env: { PATH: '/product/bin:/apex/com.android.runtime/bin:/system/bin:/system/xbin', HOME: '/', ANDROID_DATA: '/data' },
    prompt: `${context.identity.device}:/ $ `,
    commands: {
      ...systemCommands(context),
      ...fileCommands(context),
      ...activityCommands(context),
      input: inputCommands(context),
      app_process: appProcessCommand(context),
    },
  });
}
