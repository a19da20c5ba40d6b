// Test client for the box's WebSocket API: requests by id, event waits, decoded media frames.
import { WebSocket } from 'ws';
import { decodeMediaFrame } from '../../native-bridge/protocol/mediaFrame.ts';
import type { MediaFrame } from '../../native-bridge/protocol/mediaFrame.ts';

export interface ClientOptions {
  token?: string;
  origin?: string;
  host?: string;
  /** How the token is sent. */
  via?: 'header' | 'subprotocol' | 'query';
  /** Accept a self-signed certificate (TLS tests). */
  insecureTls?: boolean;
}

export type JsonMessage = Record<string, unknown> & { type: string };

export class BoxTestClient {
  readonly messages: JsonMessage[] = [];
  readonly frames: MediaFrame[] = [];
  closeCode: number | null = null;
  private nextId = 1;
  private waiters: (() => void)[] = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer, isBinary) => {
      if (isBinary) {
        const decoded = decodeMediaFrame(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
        if (decoded.ok) this.frames.push(decoded.frame);
      } else this.messages.push(JSON.parse(data.toString('utf8')) as JsonMessage);
      this.wake();
    });
    ws.on('error', () => {});
    ws.on('close', (code) => {
      this.closeCode = code;
      this.wake();
    });
  }

  static async connect(baseUrl: string, path: string, options: ClientOptions = {}): Promise<BoxTestClient> {
    const url = new URL(path, baseUrl.replace(/^http/, 'ws'));
    const headers: Record<string, string> = {};
    const protocols = ['phonewall.v1'];
    const via = options.via ?? 'header';
    if (options.token !== undefined) {
      if (via === 'header') headers.authorization = `Bearer ${options.token}`;
      else if (via === 'subprotocol') protocols.push(`phonewall.token.${options.token}`);
      else url.searchParams.set('token', options.token);
    }
    if (options.host) headers.host = options.host;
    const ws = new WebSocket(url, protocols, {
      headers,
      ...(options.origin ? { origin: options.origin } : {}),
      ...(options.insecureTls ? { rejectUnauthorized: false } : {}),
    });
    const client = new BoxTestClient(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
      ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    });
    return client;
  }

  /** Resolves with the HTTP status when the upgrade is refused, or 101 when it opens. */
  static async upgradeStatus(baseUrl: string, path: string, options: ClientOptions = {}): Promise<{ status: number; received: number }> {
    try {
      const client = await BoxTestClient.connect(baseUrl, path, options);
      client.close();
      return { status: 101, received: client.messages.length + client.frames.length };
    } catch (error) {
      const match = /HTTP (\d+)/.exec(String(error));
      return { status: match ? Number(match[1]) : -1, received: 0 };
    }
  }

  send(message: Record<string, unknown>): number {
    const id = this.nextId++;
    this.ws.send(JSON.stringify({ ...message, id }));
    return id;
  }

  async request(message: Record<string, unknown>, timeoutMs = 20_000): Promise<JsonMessage> {
    const id = this.send(message);
    return this.waitFor((m) => m.type === 'response' && m.id === id, timeoutMs);
  }

  async waitFor(predicate: (message: JsonMessage) => boolean, timeoutMs = 20_000): Promise<JsonMessage> {
    await this.until(() => this.messages.some(predicate), timeoutMs);
    return this.messages.find(predicate) as JsonMessage;
  }

  async until(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (this.closeCode !== null && !condition()) {
        throw new Error(`socket closed (${this.closeCode}) while waiting`);
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('timed out waiting for a condition');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): void {
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) this.ws.terminate();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}
