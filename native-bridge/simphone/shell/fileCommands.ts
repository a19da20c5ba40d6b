// File shell commands over the phone's storage: ls, rm, mkdir, cat, touch.
import type { PhoneFileStat, ShellCommand, ShellIo } from '../types.ts';
import { FileMode } from '../storage/memoryFiles.ts';
import { splitFlags, type ShellContext } from './shellContext.ts';

const isDir = (stat: PhoneFileStat) => (stat.mode & FileMode.TypeMask) === FileMode.Directory;

function permissionString(mode: number): string {
  const bits = 'rwxrwxrwx';
  let out = isDir({ mode, size: 0, mtime: 0 }) ? 'd' : '-';
  for (let i = 0; i < 9; i += 1) out += mode & (1 << (8 - i)) ? bits[i] : '-';
  return out;
}

function longLine(name: string, stat: PhoneFileStat): string {
  const date = new Date(stat.mtime * 1000).toISOString();
  const when = `${date.slice(0, 10)} ${date.slice(11, 16)}`;
  const group = isDir(stat) ? 'sdcard_rw' : 'shell';
  return `${permissionString(stat.mode)} ${isDir(stat) ? 2 : 1} shell ${group} ${String(stat.size).padStart(8)} ${when} ${name}\n`;
}

function unknownFlags(command: string, flags: Set<string>, allowed: string, io: ShellIo): boolean {
  for (const flag of flags) {
    if (!allowed.includes(flag)) {
      io.stderr(`${command}: Unknown option '${flag}'\n`);
      return true;
    }
  }
  return false;
}

export function fileCommands(context: ShellContext): Record<string, ShellCommand> {
  const { files } = context;
  return {
    ls: async (args, io) => {
      const { flags, operands } = splitFlags(args);
      if (unknownFlags('ls', flags, 'la1dR', io)) return 1;
      const paths = operands.length > 0 ? operands : ['/'];
      let code = 0;
      paths.forEach((path, index) => {
        const stat = files.stat(path);
        if (!stat) {
          io.stderr(`ls: ${path}: No such file or directory\n`);
          code = 1;
          return;
        }
        if (!isDir(stat) || flags.has('d')) {
          io.stdout(flags.has('l') ? longLine(path, stat) : `${path}\n`);
          return;
        }
        if (paths.length > 1) io.stdout(`${index > 0 ? '\n' : ''}${path}:\n`);
        const entries = files.list(path) ?? [];
        if (flags.has('l')) io.stdout(`total ${entries.length * 4}\n`);
        const shown = flags.has('a') ? [{ name: '.', stat }, { name: '..', stat }, ...entries] : entries;
        for (const entry of shown) {
          io.stdout(flags.has('l') ? longLine(entry.name, entry.stat) : `${entry.name}\n`);
        }
      });
      return code;
    },
    rm: async (args, io) => {
      const { flags, operands } = splitFlags(args);
      if (unknownFlags('rm', flags, 'rRfv', io)) return 1;
      const recursive = flags.has('r') || flags.has('R');
      let code = 0;
      for (const path of operands) {
        const stat = files.stat(path);
        if (!stat) {
          if (!flags.has('f')) {
            io.stderr(`rm: ${path}: No such file or directory\n`);
            code = 1;
          }
          continue;
        }
        if (isDir(stat) && !recursive) {
          io.stderr(`rm: ${path}: Is a directory\n`);
          code = 1;
          continue;
        }
        if (!files.remove(path, recursive)) {
          io.stderr(`rm: ${path}: Permission denied\n`);
          code = 1;
        }
      }
      if (operands.length === 0 && !flags.has('f')) {
        io.stderr('rm: Needs 1 argument\n');
        return 1;
      }
      return code;
    },
    mkdir: async (args, io) => {
      const { flags, operands } = splitFlags(args);
      if (unknownFlags('mkdir', flags, 'pv', io)) return 1;
      if (operands.length === 0) {
        io.stderr('mkdir: Needs 1 argument\n');
        return 1;
      }
      let code = 0;
      for (const path of operands) {
        const stat = files.stat(path);
        if (stat && (flags.has('p') ? !isDir(stat) : true)) {
          io.stderr(`mkdir: '${path}': File exists\n`);
          code = 1;
          continue;
        }
        if (!stat && !files.mkdir(path, flags.has('p'))) {
          io.stderr(`mkdir: '${path}': No such file or directory\n`);
          code = 1;
        }
      }
      return code;
    },
    cat: async (args, io) => {
      let code = 0;
      for (const path of args) {
        const bytes = files.read(path);
        if (bytes) io.stdout(bytes);
        else {
          const stat = files.stat(path);
          io.stderr(`cat: ${path}: ${stat ? 'Is a directory' : 'No such file or directory'}\n`);
          code = 1;
        }
      }
      return code;
    },
    touch: async (args, io) => {
      for (const path of args) {
        if (files.stat(path)) continue;
        try {
          files.write(path, new Uint8Array(0));
        } catch {
          io.stderr(`touch: '${path}': No such file or directory\n`);
          return 1;
        }
      }
      return 0;
    },
  };
}
