// The loopback HTTP inspection interface of a farm: read phones' state, screenshots; perturb them (tests only).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { z } from 'zod';
import type { PhoneInspection } from '../types.ts';

/** What the inspection server needs from a phone (SimPhone satisfies it). */
export interface InspectablePhone {
  readonly identity: { serial: string };
  readonly port: number;
  inspect(): PhoneInspection;
  screencapPng(): Uint8Array;
  deliverCustomerMessage(chatId?: string, text?: string): void;
  dropAdbConnections(): void;
  setReachable(reachable: boolean): void;
  killScrcpy(): void;
  rotate(rotation: 0 | 1 | 2 | 3): void;
}

export type InspectErrorCode = 'not_found' | 'bad_request' | 'method_not_allowed' | 'payload_too_large' | 'internal';

const MAX_BODY = 64 * 1024;

const CustomerMessageBody = z.strictObject({
  chatId: z.string().min(1).max(200).optional(),
  text: z.string().min(1).max(4000).optional(),
});
const RotateBody = z.strictObject({ rotation: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]) });
const EmptyBody = z.strictObject({});

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: InspectErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export class InspectServer {
  readonly #server: Server;
  readonly #phones: () => InspectablePhone[];
  #port = 0;

  private constructor(phones: () => InspectablePhone[]) {
    this.#phones = phones;
    this.#server = createServer((request, response) => {
      this.#handle(request, response).catch((error: unknown) => {
        const known = error instanceof HttpError ? error : new HttpError(500, 'internal', String(error));
        sendJson(response, known.status, { error: { code: known.code, message: known.message } });
      });
    });
  }

  /** Listens on loopback only: the interface changes phones' state and must not be reachable from the network. */
  static async start(phones: () => InspectablePhone[], port = 0): Promise<InspectServer> {
    const inspect = new InspectServer(phones);
    await new Promise<void>((resolve, reject) => {
      inspect.#server.once('error', reject);
      inspect.#server.listen(port, '127.0.0.1', () => {
        inspect.#server.off('error', reject);
        resolve();
      });
    });
    const address = inspect.#server.address();
    inspect.#port = typeof address === 'object' && address ? address.port : port;
    return inspect;
  }

  get port(): number {
    return this.#port;
  }

  url(serial: string): string {
    return `http://127.0.0.1:${this.#port}/phones/${encodeURIComponent(serial)}`;
  }

  async stop(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const method = request.method ?? 'GET';
    if (parts[0] !== 'phones' || parts.length > 3) throw new HttpError(404, 'not_found', `no route ${url.pathname}`);
    if (parts.length === 1) {
      requireMethod(method, 'GET');
      sendJson(response, 200, { phones: this.#phones().map((phone) => ({ serial: phone.identity.serial, adbPort: phone.port, url: this.url(phone.identity.serial) })) });
      return;
    }
    const phone = this.#phones().find((candidate) => candidate.identity.serial === parts[1]);
    if (!phone) throw new HttpError(404, 'not_found', `no phone with serial ${parts[1]}`);
    const action = parts[2];
    if (action === undefined) {
      requireMethod(method, 'GET');
      sendJson(response, 200, phone.inspect());
      return;
    }
    if (action === 'screen.png') {
      requireMethod(method, 'GET');
      const png = phone.screencapPng();
      response.writeHead(200, { 'content-type': 'image/png', 'content-length': png.length, 'cache-control': 'no-store' });
      response.end(png);
      return;
    }
    requireMethod(method, 'POST');
    const body = await readJson(request);
    switch (action) {
      case 'customer-message': {
        const { chatId, text } = parse(CustomerMessageBody, body);
        if (chatId !== undefined && !phone.inspect().chats.some((chat) => chat.id === chatId)) {
          throw new HttpError(404, 'not_found', `no chat ${chatId} on ${phone.identity.serial}`);
        }
        phone.deliverCustomerMessage(chatId, text);
        break;
      }
      case 'drop-adb':
        parse(EmptyBody, body);
        phone.dropAdbConnections();
        break;
      case 'offline':
      case 'online':
        parse(EmptyBody, body);
        phone.setReachable(action === 'online');
        break;
      case 'kill-scrcpy':
        parse(EmptyBody, body);
        phone.killScrcpy();
        break;
      case 'rotate':
        phone.rotate(parse(RotateBody, body).rotation);
        break;
      default:
        throw new HttpError(404, 'not_found', `no action ${action}`);
    }
    sendJson(response, 200, phone.inspect());
  }
}

function requireMethod(actual: string, expected: string): void {
  if (actual !== expected) throw new HttpError(405, 'method_not_allowed', `use ${expected}`);
}

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success) {
    throw new HttpError(400, 'bad_request', result.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; '));
  }
  return result.data;
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new HttpError(413, 'payload_too_large', `body over ${MAX_BODY} bytes`);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, 'bad_request', 'body is not JSON');
  }
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  const body = JSON.stringify(value);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store' });
  response.end(body);
}
