// Remembered boxes with their tokens: kept in the main process, stored encrypted when the OS keychain is available.
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { BoxCredentials, RememberedBox } from '../preload/contract/desktopApi.ts';

/** The part of Electron's safeStorage we use, injected so tests and keychain-less systems work. */
export interface TokenCipher {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

const storedBox = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  token: z.object({ encoding: z.enum(['safeStorage', 'plain']), data: z.string() }),
});
const storedFile = z.object({ version: z.literal(1), boxes: z.array(storedBox) });
type StoredBox = z.infer<typeof storedBox>;

export class BoxRegistry {
  private boxes: StoredBox[] | null = null;

  constructor(
    private readonly filePath: string,
    private readonly cipher: TokenCipher,
    private readonly newId: () => string = () => randomUUID().slice(0, 8),
  ) {}

  async list(): Promise<RememberedBox[]> {
    return (await this.load()).map(({ id, name, url }) => ({ id, name, url, embedded: false }));
  }

  async add(input: { name: string; url: string; token: string }): Promise<RememberedBox> {
    const boxes = await this.load();
    const box: StoredBox = { id: this.newId(), name: input.name, url: new URL(input.url).origin, token: this.seal(input.token) };
    boxes.push(box);
    await this.save(boxes);
    return { id: box.id, name: box.name, url: box.url, embedded: false };
  }

  async remove(id: string): Promise<boolean> {
    const boxes = await this.load();
    const next = boxes.filter((box) => box.id !== id);
    if (next.length === boxes.length) return false;
    await this.save(next);
    return true;
  }

  async credentials(id: string): Promise<BoxCredentials | null> {
    const box = (await this.load()).find((candidate) => candidate.id === id);
    if (!box) return null;
    return { url: box.url, token: this.open(box.token) };
  }

  private seal(token: string): StoredBox['token'] {
    if (this.cipher.isEncryptionAvailable()) return { encoding: 'safeStorage', data: this.cipher.encryptString(token).toString('base64') };
    return { encoding: 'plain', data: token };
  }

  private open(token: StoredBox['token']): string {
    return token.encoding === 'safeStorage' ? this.cipher.decryptString(Buffer.from(token.data, 'base64')) : token.data;
  }

  private async load(): Promise<StoredBox[]> {
    if (this.boxes) return this.boxes;
    let raw: string | null = null;
    try {
      raw = await readFile(this.filePath, 'utf8');
    } catch {
      raw = null;
    }
    const parsed = raw === null ? null : storedFile.safeParse(safeJson(raw));
    this.boxes = parsed?.success ? parsed.data.boxes : [];
    return this.boxes;
  }

  private async save(boxes: StoredBox[]): Promise<void> {
    this.boxes = boxes;
    await mkdir(path.dirname(this.filePath), { recursive: true });
    const temp = `${this.filePath}.tmp`;
    await writeFile(temp, JSON.stringify({ version: 1, boxes }, null, 2), { mode: 0o600 });
    await rename(temp, this.filePath);
  }
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}
