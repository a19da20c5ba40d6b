// The scrcpy server's log lines (`[server] INFO: …`), filtered by log_level, written to the shell's stdout/stderr.
import type { ShellIo } from '../types.ts';
import { LogLevel } from './serverOptions.ts';

const labels: Record<LogLevel, string> = { verbose: 'VERBOSE', debug: 'DEBUG', info: 'INFO', warn: 'WARN', error: 'ERROR' };

export class ServerLog {
  readonly #io: ShellIo;
  readonly #sink: ((line: string) => void) | undefined;
  #level: LogLevel;

  constructor(io: ShellIo, level: LogLevel, sink?: (line: string) => void) {
    this.#io = io;
    this.#level = level;
    this.#sink = sink;
  }

  set level(level: LogLevel) {
    this.#level = level;
  }

  write(level: LogLevel, message: string): void {
    if (LogLevel[level] < LogLevel[this.#level]) return;
    const line = `[server] ${labels[level]}: ${message}\n`;
    // Like the real server: verbose…info on stdout, warn/error on stderr.
    if (LogLevel[level] >= LogLevel.warn) this.#io.stderr(line);
    else this.#io.stdout(line);
    this.#sink?.(line.trimEnd());
  }

  debug(message: string): void {
    this.write('debug', message);
  }
  info(message: string): void {
    this.write('info', message);
  }
  warn(message: string): void {
    this.write('warn', message);
  }
  error(message: string): void {
    this.write('error', message);
  }
}
