// Runs parsed command lines against a table of commands: sequencing, env assignments, output redirection.
import type { PhoneFiles, ShellCommand, ShellIo } from '../types.ts';
import { parseCommandLine, type SimpleCommand } from './commandLine.ts';

export interface ShellInterpreterOptions {
  commands: Record<string, ShellCommand>;
  files: PhoneFiles;
  env?: Record<string, string>;
  prompt?: string;
}

const encoder = new TextEncoder();
const toBytes = (data: Uint8Array | string) => (typeof data === 'string' ? encoder.encode(data) : data);

export class ShellInterpreter {
  readonly #options: ShellInterpreterOptions;

  constructor(options: ShellInterpreterOptions) {
    this.#options = options;
  }

  prompt(): string {
    return this.#options.prompt ?? ':/ $ ';
  }

  async run(commandLine: string, io: ShellIo): Promise<number> {
    const parsed = parseCommandLine(commandLine);
    if (!parsed.ok) {
      io.stderr(`/system/bin/sh: ${parsed.error}\n`);
      return 2;
    }
    let code = 0;
    for (const { connector, command } of parsed.list.steps) {
      if (connector === '&&' && code !== 0) continue;
      if (connector === '||' && code === 0) continue;
      code = await this.#runOne(command, io);
    }
    return code;
  }

  async #runOne(command: SimpleCommand, io: ShellIo): Promise<number> {
    const env = { ...(this.#options.env ?? {}), ...command.env };
    const [name, ...args] = command.argv;
    const { io: redirected, flush } = this.#redirect(command, io);
    if (redirected === null) return 1;
    if (name === undefined) return 0;
    const implementation = this.#options.commands[basename(name)];
    if (!implementation) {
      redirected.stderr(`sh: ${name}: not found\n`);
      flush();
      return 127;
    }
    try {
      return await implementation(args, redirected, env);
    } catch (error) {
      redirected.stderr(`${basename(name)}: ${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    } finally {
      flush();
    }
  }

  /** Applies `> file`, `2> file`, `2>&1`; the file is written when the command ends. */
  #redirect(command: SimpleCommand, io: ShellIo): { io: ShellIo | null; flush: () => void } {
    type Sink = (data: Uint8Array | string) => void;
    const outputs: { path: string; append: boolean; parts: Uint8Array[] }[] = [];
    const sinkFor = (target: string, append: boolean): Sink | null => {
      if (target === '/dev/null') return () => undefined;
      if (target === '/dev/tty' || target === '/dev/stdout') return io.stdout;
      if (target === '/dev/stderr') return io.stderr;
      if (!target.startsWith('/')) return null;
      const stat = this.#options.files.stat(target);
      if (stat && (stat.mode & 0o170000) === 0o040000) return null;
      const entry = { path: target, append, parts: [] as Uint8Array[] };
      outputs.push(entry);
      return (data) => entry.parts.push(toBytes(data));
    };
    let stdout: Sink = io.stdout;
    let stderr: Sink = io.stderr;
    for (const redirect of command.redirects) {
      if (redirect.target === '&1') stderr = stdout;
      else if (redirect.target === '&2') stdout = stderr;
      else {
        const sink = sinkFor(redirect.target, redirect.append);
        if (!sink) {
          io.stderr(`/system/bin/sh: can't create ${redirect.target}: Permission denied\n`);
          return { io: null, flush: () => undefined };
        }
        if (redirect.fd === 1) stdout = sink;
        else stderr = sink;
      }
    }
    const flush = () => {
      for (const output of outputs) {
        const previous = output.append ? (this.#options.files.read(output.path) ?? new Uint8Array(0)) : new Uint8Array(0);
        this.#options.files.write(output.path, concat([previous, ...output.parts]));
      }
    };
    return { io: { stdout, stderr, onStdin: io.onStdin, aborted: io.aborted }, flush };
  }
}

export function basename(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash >= 0 ? path.slice(slash + 1) : path;
}

export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
