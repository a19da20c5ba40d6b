// The simulated adbd as Tango and Debian's adb see it: handshake, shell v1/v2, exec, sync, scrcpy sockets, reverse.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Adb, AdbReverseNotSupportedError } from '@yume-chan/adb';
import { ReadableStream, WritableStream } from '@yume-chan/stream-extra';
import { openTcpDaemonTransport } from '../../native-bridge/adb/nodeTcpDaemonConnection.ts';
import { AdbdServer } from '../../native-bridge/simphone/adbd/adbdServer.ts';
import { createServiceOpener } from '../../native-bridge/simphone/adbd/adbServiceRouter.ts';
import { MemoryFiles } from '../../native-bridge/simphone/storage/memoryFiles.ts';
import { createPhoneShell } from '../../native-bridge/simphone/shell/phoneShell.ts';
import type { PhoneIdentity } from '../../native-bridge/simphone/types.ts';
import { FakeScrcpy, FakeScreen } from '../testing/adbFakes.ts';
import { AdbCli } from '../testing/adbCli.ts';

const identity: PhoneIdentity = {
  serial: 'PWSIM0042',
  model: 'SimPhone 72x160',
  brand: 'PhoneWall',
  manufacturer: 'PhoneWall',
  product: 'simphone',
  device: 'simphone',
  release: '14',
  sdk: 34,
};

let adbd: AdbdServer;
const screen = new FakeScreen();
const files = new MemoryFiles();
const scrcpy = new FakeScrcpy();

beforeAll(async () => {
  const shell = createPhoneShell({
    identity,
    screen,
    files,
    scrcpy,
    physicalSize: () => ({ width: 72, height: 160 }),
    now: Date.now,
  });
  adbd = await AdbdServer.start({ identity, openService: createServiceOpener({ shell, files, scrcpy }) });
});

afterAll(async () => {
  await adbd.stop();
});

async function collect(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
  }
  return Buffer.concat(parts);
}

describe('Tango over a TCP daemon transport', () => {
  let adb: Adb;
  beforeAll(async () => {
    adb = new Adb(await openTcpDaemonTransport({ host: '127.0.0.1', port: adbd.port }));
  });
  afterAll(async () => {
    await adb.close();
  });

  test('banner carries identity and features', () => {
    expect(adb.banner.model).toBe(identity.model);
    expect(adb.banner.product).toBe('simphone');
    expect(adb.banner.features).toContain('shell_v2');
    expect(adb.banner.features).not.toContain('delayed_ack');
  });

  test('shell v2 gives stdout, stderr and exit codes', async () => {
    const shellProtocol = adb.subprocess.shellProtocol;
    expect(shellProtocol).toBeDefined();
    const ok = await shellProtocol!.spawnWaitText('getprop ro.product.model && echo "two words"');
    expect(ok).toEqual({ stdout: `${identity.model}\ntwo words\n`, stderr: '', exitCode: 0 });
    const missing = await shellProtocol!.spawnWaitText('frobnicate --now');
    expect(missing.exitCode).toBe(127);
    expect(missing.stderr).toBe('sh: frobnicate: not found\n');
    const failed = await shellProtocol!.spawnWaitText(['ls', '/nope']);
    expect(failed.exitCode).toBe(1);
    expect(failed.stderr).toContain('No such file or directory');
  });

  test('shell v1 and exec give raw output', async () => {
    expect(await adb.getProp('ro.serialno')).toBe(identity.serial);
    const size = await adb.subprocess.noneProtocol.spawnWaitText(['wm', 'size']);
    expect(size).toBe('Physical size: 72x160\n');
    const png = await collect((await adb.createSocket('exec:screencap -p')).readable);
    expect([...png]).toEqual([...screen.png]);
  });

  test('sync push, stat, list and pull round-trip a file', async () => {
    const content = new Uint8Array(200_000).map((_, i) => (i * 7) & 0xff);
    const sync = await adb.sync();
    try {
      await sync.write({ filename: '/sdcard/DCIM/Camera/big.bin', file: new ReadableStream({ start(c) { c.enqueue(content); c.close(); } }) });
      const stat = await sync.stat('/sdcard/DCIM/Camera/big.bin');
      expect(stat.size).toBe(200_000n);
      const names = (await sync.readdir('/sdcard/DCIM/Camera')).map((entry) => entry.name);
      expect(names).toContain('big.bin');
      const back = await collect(sync.read('/sdcard/DCIM/Camera/big.bin'));
      expect(Buffer.compare(Buffer.from(back), Buffer.from(content))).toBe(0);
      await expect(sync.stat('/sdcard/none')).rejects.toThrow('ENOENT');
    } finally {
      await sync.dispose();
    }
    expect(files.read('/sdcard/DCIM/Camera/big.bin')?.length).toBe(200_000);
  });

  test('media scan after push adds the image to the gallery', async () => {
    files.write('/sdcard/Pictures/a b.png', new Uint8Array([1, 2, 3]));
    const out = await adb.subprocess.shellProtocol!.spawnWaitText(
      "am broadcast -a android.intent.action.MEDIA_SCANNER_SCAN_FILE -d 'file:///sdcard/Pictures/a%20b.png'",
    );
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toContain('Broadcast completed: result=0');
    expect(screen.gallery.map((image) => image.path)).toContain('/sdcard/Pictures/a b.png');
  });

  test('app_process needs the pushed jar, then runs the scrcpy host and its sockets', async () => {
    const missing = await adb.subprocess.shellProtocol!.spawnWaitText(
      'CLASSPATH=/data/local/tmp/scrcpy-server.jar app_process / com.genymobile.scrcpy.Server 3.3.3 scid=0badf00d',
    );
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toContain('Could not find or load main class com.genymobile.scrcpy.Server');

    files.write('/data/local/tmp/scrcpy-server.jar', new Uint8Array([0x50, 0x4b]));
    const process = await adb.subprocess.noneProtocol.spawn(
      'CLASSPATH=/data/local/tmp/scrcpy-server.jar app_process / com.genymobile.scrcpy.Server 3.3.3 scid=0badf00d tunnel_forward=true',
    );
    const reader = process.output.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toContain('[server] INFO');
    expect(scrcpy.runs.at(-1)).toEqual(['3.3.3', 'scid=0badf00d', 'tunnel_forward=true']);

    const socket = await adb.createSocket('localabstract:scrcpy_0badf00d');
    const writer = socket.writable.getWriter();
    await writer.write(new Uint8Array([9, 8, 7]));
    const echoed = await socket.readable.getReader().read();
    expect([...(echoed.value ?? [])]).toEqual([9, 8, 7]);
    await socket.close();
    await expect(adb.createSocket('localabstract:scrcpy_deadbeef')).rejects.toThrow();
    reader.releaseLock();
    await process.kill();
  });

  test('an interactive pty shell echoes, runs lines and exits', async () => {
    const pty = await adb.subprocess.shellProtocol!.pty({ terminalType: 'xterm' });
    const writer = pty.input.getWriter();
    let seen = '';
    // Tango stops reading the socket (and so never sees the exit frame) unless output is drained.
    void pty.output.pipeTo(new WritableStream({ write: (chunk) => void (seen += new TextDecoder().decode(chunk)) }));
    const waitForOutput = async (text: string) => {
      const deadline = Date.now() + 20_000;
      while (!seen.includes(text)) {
        if (Date.now() > deadline) throw new Error(`no ${JSON.stringify(text)} in ${JSON.stringify(seen)}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    await waitForOutput('simphone:/ $ ');
    await writer.write(new TextEncoder().encode('getprop ro.serialno\r'));
    await waitForOutput(`getprop ro.serialno\r\n${identity.serial}\r\nsimphone:/ $ `);
    await writer.write(new TextEncoder().encode('sleep 600\r'));
    await waitForOutput('sleep 600\r\n');
    await pty.sigint();
    await waitForOutput('sleep 600\r\n^C\r\nsimphone:/ $ ');
    await writer.write(new TextEncoder().encode('false\rexit\r'));
    expect(await pty.exited).toBe(1);
  });

  test('reverse is refused the way Tango falls back from', async () => {
    await expect(adb.reverse.add('localabstract:scrcpy_1', () => undefined)).rejects.toBeInstanceOf(AdbReverseNotSupportedError);
    await expect(adb.createSocket('jdwp:1234')).rejects.toThrow();
  });
});

describe('Debian adb', () => {
  let cli: AdbCli;
  beforeAll(async () => {
    cli = await AdbCli.start();
  });
  afterAll(async () => {
    await cli.stop();
  });

  test('connect, devices -l, shell, push then ls', async () => {
    const serial = `127.0.0.1:${adbd.port}`;
    const connected = await cli.run(['connect', serial]);
    expect(connected.stdout).toContain(`connected to ${serial}`);
    await cli.waitForDevice(serial);
    const devices = await cli.run(['devices', '-l']);
    expect(devices.stdout).toMatch(new RegExp(`${serial.replace(/\./g, '\\.')}\\s+device .*model:SimPhone_72x160`));
    const model = await cli.run(['-s', serial, 'shell', 'getprop', 'ro.product.model']);
    expect(model.stdout.trim()).toBe(identity.model);
    expect(model.code).toBe(0);
    const local = await cli.tempFile('hello.txt', 'hello from the PC\n');
    const pushed = await cli.run(['-s', serial, 'push', local, '/sdcard/Download/hello.txt']);
    expect(pushed.stdout).toContain('1 file pushed');
    expect(pushed.code).toBe(0);
    const listing = await cli.run(['-s', serial, 'shell', 'ls', '/sdcard/Download']);
    expect(listing.stdout.split(/\r?\n/)).toContain('hello.txt');
    const exitCode = await cli.run(['-s', serial, 'shell', 'no_such_tool']);
    expect(exitCode.code).toBe(127);
    const cat = await cli.run(['-s', serial, 'exec-out', 'cat', '/sdcard/Download/hello.txt']);
    expect(cat.stdout).toBe('hello from the PC\n');
    const pulledPath = await cli.tempFile('pulled.txt', '');
    const pulled = await cli.run(['-s', serial, 'pull', '/sdcard/Download/hello.txt', pulledPath]);
    expect(pulled.code).toBe(0);
    expect(await readFile(pulledPath, 'utf8')).toBe('hello from the PC\n');
    const missing = await cli.run(['-s', serial, 'pull', '/sdcard/none.txt', pulledPath]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr + missing.stdout).toContain("failed to stat remote object '/sdcard/none.txt': No such file or directory");
  });
});
