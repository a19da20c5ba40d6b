// One simulated Android phone: chat app screen, storage, shell, scrcpy-server emulation, behind a TCP adbd.
import { AdbdServer } from './adbd/adbdServer.ts';
import { createServiceOpener } from './adbd/adbServiceRouter.ts';
import { ChatApp } from './app/chatApp.ts';
import { ScrcpyServer } from './scrcpy/scrcpyServer.ts';
import { createPhoneShell } from './shell/phoneShell.ts';
import { MemoryFiles } from './storage/memoryFiles.ts';
import type { PhoneInspection, PhoneIdentity } from './types.ts';

export interface SimPhoneOptions {
  /** Position in the farm (1-based in serials); makes the serial and the seeded content distinct. */
  index: number;
  host?: string;
  /** adbd port; 0 or absent = ephemeral. Never 5555–5585. */
  port?: number;
  width?: number;
  height?: number;
  seed?: number;
  identity?: Partial<PhoneIdentity>;
  /** Customers write every this many ms (seeded picks); null/absent = only when asked. */
  customerMessageIntervalMs?: number | null;
  scrcpyVersion?: string;
  log?: (line: string) => void;
  now?: () => number;
}

export const DEFAULT_SIZE = { width: 720, height: 1600 } as const;

export function defaultIdentity(index: number, width: number, height: number): PhoneIdentity {
  return {
    serial: `PWSIM${String(index).padStart(4, '0')}`,
    model: `SimPhone ${width}x${height}`,
    brand: 'PhoneWall',
    manufacturer: 'PhoneWall',
    product: 'simphone',
    device: 'simphone',
    release: '14',
    sdk: 34,
  };
}

export class SimPhone {
  private constructor(
    readonly index: number,
    readonly identity: PhoneIdentity,
    readonly screen: ChatApp,
    readonly files: MemoryFiles,
    private readonly scrcpy: ScrcpyServer,
    private readonly adbd: AdbdServer,
    private readonly physical: { width: number; height: number },
  ) {}

  static async start(options: SimPhoneOptions): Promise<SimPhone> {
    const width = Math.round(options.width ?? DEFAULT_SIZE.width);
    const height = Math.round(options.height ?? DEFAULT_SIZE.height);
    if (!(width >= 16 && height >= 16 && width <= 8192 && height <= 8192)) {
      throw new Error(`invalid screen size ${width}x${height}`);
    }
    const now = options.now ?? Date.now;
    const identity = { ...defaultIdentity(options.index, width, height), ...options.identity };
    const screen = new ChatApp({ width, height, seed: options.seed ?? options.index, deviceName: identity.model, now });
    const files = new MemoryFiles(now);
    const scrcpy = new ScrcpyServer({
      screen,
      identity,
      ...(options.scrcpyVersion ? { version: options.scrcpyVersion } : {}),
      ...(options.log ? { log: options.log } : {}),
    });
    const shell = createPhoneShell({ identity, screen, files, scrcpy, physicalSize: () => ({ width, height }), now });
    try {
      const adbd = await AdbdServer.start({
        identity,
        host: options.host ?? '127.0.0.1',
        port: options.port ?? 0,
        openService: createServiceOpener({ shell, files, scrcpy, now }),
        ...(options.log ? { log: options.log } : {}),
      });
      const phone = new SimPhone(options.index, identity, screen, files, scrcpy, adbd, { width, height });
      if (options.customerMessageIntervalMs) screen.startCustomerTraffic(options.customerMessageIntervalMs);
      return phone;
    } catch (error) {
      screen.stop();
      throw error;
    }
  }

  get port(): number {
    return this.adbd.port;
  }

  /** `host:port` as adb and the box name it. */
  get address(): string {
    return `127.0.0.1:${this.adbd.port}`;
  }

  get reachable(): boolean {
    return this.adbd.reachable;
  }

  /** Physical (portrait) size, whatever the rotation. */
  get physicalSize(): { width: number; height: number } {
    return { ...this.physical };
  }

  inspect(): PhoneInspection {
    return {
      ...this.screen.inspect(),
      serial: this.identity.serial,
      model: this.identity.model,
      scrcpySessions: this.scrcpy.sessions().map(({ scid, maxSize, width, height }) => ({ scid, maxSize, width, height })),
    };
  }

  screencapPng(): Uint8Array {
    return this.screen.screencapPng();
  }

  dropAdbConnections(): void {
    this.adbd.dropConnections();
  }

  setReachable(reachable: boolean): void {
    this.adbd.setReachable(reachable);
  }

  killScrcpy(): void {
    this.scrcpy.killAll();
  }

  rotate(rotation: 0 | 1 | 2 | 3): void {
    this.screen.rotate(rotation);
  }

  deliverCustomerMessage(chatId?: string, text?: string): void {
    this.screen.deliverCustomerMessage(chatId, text);
  }

  async stop(): Promise<void> {
    this.screen.stop();
    await this.scrcpy.stop();
    await this.adbd.stop();
  }
}
