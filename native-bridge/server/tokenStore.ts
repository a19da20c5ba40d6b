// Bearer tokens of the box: a JSON file of hashed tokens with roles, and the admin token created at first start.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
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

/** base64url, 32 random bytes: valid inside a Sec-WebSocket-Protocol token. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

export function generateToken(): string {
  return randomBytes(32).toString('base64url');
}

export class TokenStore {
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
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new Error(`${file} is not valid JSON; fix or delete it (a new admin token is then created)`);
    }
    const result = TokenFileSchema.safeParse(parsed);
    if (!result.success) throw new Error(`${file} does not hold a valid token list; fix or delete it`);
    await chmod(file, 0o600);
    return new TokenStore(file, result.data.tokens, adminTokenPath);
  }

  /** Adds a token with a role and returns it (the only time the token itself is known). */
  async issue(name: string, role: Role): Promise<string> {
    const token = generateToken();
    this.entries = [...this.entries, { name, role, sha256: hashToken(token).toString('hex') }];
    await this.save();
    return token;
  }

  /** The role of a token, or null. Compares hashes in constant time. */
  verify(token: string | null): { role: Role; name: string } | null {
    if (token === null || !TOKEN_PATTERN.test(token)) return null;
    const digest = hashToken(token);
    let found: TokenEntry | null = null;
    for (const entry of this.entries) {
      if (timingSafeEqual(digest, Buffer.from(entry.sha256, 'hex'))) found = entry;
    }
    return found ? { role: found.role, name: found.name } : null;
  }

  private async save(): Promise<void> {
    const temp = `${this.file}.tmp`;
    await writeFile(temp, `${JSON.stringify({ tokens: this.entries }, null, 2)}\n`, { mode: 0o600 });
    await chmod(temp, 0o600);
    await rename(temp, this.file);
  }
}
