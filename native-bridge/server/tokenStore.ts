// Bearer tokens of the box: a JSON file of hashed tokens with roles, and the admin token created at first start.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { ROLES, Role } from '../protocol/roles.ts';

const TokenEntrySchema = z.strictObject({
  name: z.string().min(1).max(100),
  role: z.enum(ROLES as [Role, ...Role[]]),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
const TokenFileSchema = z.strictObject({ tokens: z.array(TokenEntrySchema) });
type TokenEntry = z.infer<typeof TokenEntrySchema>;

export const TOKENS_FILE = 'tokens.json';
export const ADMIN_TOKEN_FILE = 'admin.token';
export const TOKEN_NAME_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

/** base64url, 32 random bytes: valid inside a Sec-WebSocket-Protocol token. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

export function generateToken(): string {
  return randomBytes(32).toString('base64url');
}

function parseTokenFile(text: string, file: string): TokenEntry[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`${file} is not valid JSON; fix or delete it (a new admin token is then created)`);
  }
  const result = TokenFileSchema.safeParse(parsed);
  if (!result.success) throw new Error(`${file} does not hold a valid token list; fix or delete it`);
  return result.data.tokens;
}

/** Every save renames a new file into place, so the inode changes even when the coarse mtime does not. */
function fileVersion(file: string): string {
  const info = statSync(file);
  return `${info.ino}:${info.mtimeMs}:${info.size}`;
}

/**
 * Tokens issued or revoked by another process (`npm run box -- --issue-token …`) take effect in a running box:
 * the file is re-read when it changes.
 */
export class TokenStore {
  private loadedVersion = '';

  private constructor(
    private readonly file: string,
    private entries: TokenEntry[],
    readonly adminTokenPath: string,
  ) {}

  /** Loads `tokens.json` from the data folder; at first start creates it with an admin token (both mode 0600). */
  static async open(dataDir: string): Promise<TokenStore> {
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    const file = join(dataDir, TOKENS_FILE);
    const adminTokenPath = join(dataDir, ADMIN_TOKEN_FILE);
    let text: string | null = null;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    if (text === null) {
      const token = generateToken();
      await writeFile(adminTokenPath, `${token}\n`, { mode: 0o600 });
      await chmod(adminTokenPath, 0o600);
      const store = new TokenStore(file, [{ name: 'admin', role: Role.Admin, sha256: hashToken(token).toString('hex') }], adminTokenPath);
      await store.save();
      return store;
    }
    await chmod(file, 0o600);
    const store = new TokenStore(file, parseTokenFile(text, file), adminTokenPath);
    store.loadedVersion = fileVersion(file);
    return store;
  }

  /** Adds a token with a role and returns it (the only time the token itself is known). */
  async issue(name: string, role: Role): Promise<string> {
    if (!TOKEN_NAME_PATTERN.test(name)) throw new Error(`token name "${name}" must be 1-64 letters, digits, dots, dashes or underscores`);
    this.reloadIfChanged();
    const token = generateToken();
    this.entries = [...this.entries.filter((entry) => entry.name !== name), { name, role, sha256: hashToken(token).toString('hex') }];
    await this.save();
    return token;
  }

  /** Removes every token with that name; returns how many were removed. */
  async revoke(name: string): Promise<number> {
    this.reloadIfChanged();
    const before = this.entries.length;
    this.entries = this.entries.filter((entry) => entry.name !== name);
    await this.save();
    return before - this.entries.length;
  }

  list(): { name: string; role: Role }[] {
    this.reloadIfChanged();
    return this.entries.map(({ name, role }) => ({ name, role }));
  }

  /** The role of a token, or null. Compares hashes in constant time. */
  verify(token: string | null): { role: Role; name: string } | null {
    if (token === null || !TOKEN_PATTERN.test(token)) return null;
    this.reloadIfChanged();
    const digest = hashToken(token);
    let found: TokenEntry | null = null;
    for (const entry of this.entries) {
      if (timingSafeEqual(digest, Buffer.from(entry.sha256, 'hex'))) found = entry;
    }
    return found ? { role: found.role, name: found.name } : null;
  }

  private reloadIfChanged(): void {
    try {
      const version = fileVersion(this.file);
      if (version === this.loadedVersion) return;
      this.entries = parseTokenFile(readFileSync(this.file, 'utf8'), this.file);
      this.loadedVersion = version;
    } catch {
      // A missing or half-edited file keeps the tokens already loaded.
    }
  }

  private async save(): Promise<void> {
    const temp = `${this.file}.${process.pid}.tmp`;
    await writeFile(temp, `${JSON.stringify({ tokens: this.entries }, null, 2)}\n`, { mode: 0o600 });
    await chmod(temp, 0o600);
    await rename(temp, this.file);
    this.loadedVersion = fileVersion(this.file);
  }
}
