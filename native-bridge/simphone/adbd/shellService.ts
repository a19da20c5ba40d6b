// The `shell:`, `shell,v2,…:` and `exec:` services: run one command line (or an interactive shell) over a channel.
import type { PhoneChannel, ShellIo } from '../types.ts';
import { ShellV2Decoder, ShellV2Id, encodeShellV2Frame } from './shellV2Codec.ts';

/** Runs one shell command line; resolves with its exit code. */
export interface ShellRunner {
  run(commandLine: string, io: ShellIo): Promise<number>;
  /** What an interactive shell prints before each line. */
  prompt(): string;
}

export type ShellMode = 'raw' | 'v2';

export interface ShellRequest {
  mode: ShellMode;
  /** A terminal on the host side: input is echoed back and output lines end in CRLF, like a pty. */
  pty: boolean;
  command: string;
}

/** Parses `shell:CMD`, `shell,v2,raw:CMD`, `shell,v2,TERM=xterm,pty:CMD`, `exec:CMD`; null when not a shell service. */
export function parseShellService(service: string): ShellRequest | null {
  if (service.startsWith('exec:')) return { mode: 'raw', pty: false, command: service.slice(5) };
  if (!service.startsWith('shell')) return null;
  const colon = service.indexOf(':');
  if (colon < 0) return null;
  const head = service.slice(0, colon);
  if (head !== 'shell' && !head.startsWith('shell,')) return null;
  const args = head.split(',').slice(1);
  const command = service.slice(colon + 1);
  // Legacy `shell:` without a command opens a pty on real adbd; with a command it is raw unless `pty` is asked.
  const pty = args.includes('pty') || (!args.includes('raw') && !args.includes('v2') && command.trim() === '');
  return { mode: args.includes('v2') ? 'v2' : 'raw', pty, command };
}

const encoder = new TextEncoder();
const toBytes = (data: Uint8Array | string) => (typeof data === 'string' ? encoder.encode(data) : data);
const CR = 0x0d;
const INTERRUPT = 0x03;
const LF = 0x0a;

/** What a pty's line discipline does to output: LF becomes CRLF. */
function onlcr(data: Uint8Array): Uint8Array {
  if (!data.includes(LF)) return data;
  const out: number[] = [];
  for (const byte of data) {
    if (byte === LF) out.push(CR);
    out.push(byte);
  }
  return Uint8Array.from(out);
}

/** Starts the shell service on an accepted channel. Errors end the stream, never the phone. */
export function serveShell(request: ShellRequest, channel: PhoneChannel, runner: ShellRunner): void {
  let last: Promise<void> = Promise.resolve();
  const send = (data: Uint8Array) => {
    if (channel.closed || data.length === 0) return;
    last = channel.write(data).catch(() => undefined);
  };
  const stdinListeners: ((data: Uint8Array) => void)[] = [];
  const emitStdin = (data: Uint8Array) => {
    for (const listener of stdinListeners) listener(data);
  };
  const aborted = new Promise<void>((resolve) => channel.onClose(resolve));

  if (request.mode === 'v2') {
    const decoder = new ShellV2Decoder();
    channel.onData((chunk) => {
      for (const frame of decoder.push(chunk)) {
        if (frame.id === ShellV2Id.Stdin) emitStdin(frame.data);
      }
      if (decoder.error) channel.close();
    });
  } else {
    channel.onData(emitStdin);
  }

  const frame = (id: ShellV2Id, data: Uint8Array) => (request.mode === 'v2' ? encodeShellV2Frame(id, data) : data);
  const io: ShellIo = {
    stdout: (data) => send(frame(ShellV2Id.Stdout, request.pty ? onlcr(toBytes(data)) : toBytes(data))),
    // Without the v2 protocol adbd hands the command a single output for both streams.
    stderr: (data) => send(frame(ShellV2Id.Stderr, request.pty ? onlcr(toBytes(data)) : toBytes(data))),
    onStdin: (listener) => stdinListeners.push(listener),
    aborted,
  };

  const finish = async (code: number) => {
    if (request.mode === 'v2') send(encodeShellV2Frame(ShellV2Id.Exit, Uint8Array.of(code & 0xff)));
    await last;
    channel.close();
  };

  if (request.pty) {
    // The terminal expects the remote side to echo what is typed.
    io.onStdin((data) => io.stdout(data.includes(INTERRUPT) ? '^C\n' : data.map((byte) => (byte === CR ? LF : byte))));
  }
  const work = request.command.trim() === '' ? interactive(runner, io) : runner.run(request.command, io);
  work.then(
    (code) => finish(code),
    (error: unknown) => {
      io.stderr(`${String(error)}\n`);
      return finish(1);
    },
  );
}

/** `adb shell` with no command: reads lines from stdin and runs each until `exit` or the host leaves; ^C stops a command. */
async function interactive(runner: ShellRunner, io: ShellIo): Promise<number> {
  let pending = '';
  let lastCode = 0;
  const lines: string[] = [];
  let wake: (() => void) | null = null;
  let interrupt: (() => void) | null = null;
  const decoder = new TextDecoder();
  io.onStdin((data) => {
    if (data.includes(INTERRUPT)) {
      pending = '';
      lines.length = 0;
      interrupt?.();
      return;
    }
    pending += decoder.decode(data, { stream: true }).replace(/\r/g, '\n');
    let index = pending.indexOf('\n');
    while (index >= 0) {
      lines.push(pending.slice(0, index));
      pending = pending.slice(index + 1);
      index = pending.indexOf('\n');
    }
    wake?.();
  });
  let closed = false;
  void io.aborted.then(() => {
    closed = true;
    wake?.();
  });
  io.stdout(runner.prompt());
  for (;;) {
    while (lines.length === 0 && !closed) await new Promise<void>((resolve) => (wake = resolve));
    wake = null;
    const line = lines.shift();
    if (line === undefined) return lastCode;
    if (line.trim() === 'exit') return lastCode;
    if (line.trim() !== '') {
      const interrupted = new Promise<void>((resolve) => (interrupt = resolve));
      lastCode = await runner.run(line, { ...io, aborted: Promise.race([io.aborted, interrupted]) });
      interrupt = null;
    }
    io.stdout(runner.prompt());
  }
}
