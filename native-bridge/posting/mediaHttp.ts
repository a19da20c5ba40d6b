// HTTP media API: token-authenticated image upload (POST /api/media), download and thumbnails (GET).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { loadImage } from '@napi-rs/canvas';
import { BoxError } from '../base/boxError.ts';
import type { HttpContext } from '../base/boxFeature.ts';
import { ErrorCode, protocolError } from '../protocol/errorCodes.ts';
import type { ProtocolError } from '../protocol/errorCodes.ts';
import { roleMayDo } from '../protocol/roles.ts';
import { maxImageBytes, type MediaStore } from '../store/mediaStore.ts';
import { thumbnailOf } from '../store/thumbnails.ts';
import { SECURITY_HEADERS } from '../base/securityHeaders.ts';

export const MEDIA_PATH = '/api/media';

export interface MediaUploadResult {
  sha256: string;
  type: string;
  byteSize: number;
  width?: number;
  height?: number;
}

export interface MediaHttpOptions {
  media: MediaStore;
  now: () => number;
}

const ROUTE = /^\/api\/media(?:\/([0-9a-f]{64})(\/thumb)?)?\/?$/;

export class MediaHttp {
  constructor(private readonly options: MediaHttpOptions) {}

  /** True when the request was for the media API (answered here), false to let other routes try. */
  async handle(request: IncomingMessage, response: ServerResponse, path: string, context: HttpContext): Promise<boolean> {
    if (path !== MEDIA_PATH && !path.startsWith(`${MEDIA_PATH}/`)) return false;
    const origin = request.headers.origin;
    const cors: Record<string, string> = {};
    if (origin !== undefined) {
      // A page from a foreign origin must not use a token the browser happens to send along.
      if (!context.originAllowed(origin)) return this.fail(response, 403, ErrorCode.Forbidden, 'origin not allowed', cors), true;
      Object.assign(cors, { 'Access-Control-Allow-Origin': origin, Vary: 'Origin', 'Access-Control-Allow-Headers': 'authorization, content-type', 'Access-Control-Allow-Methods': 'GET, HEAD, POST' });
    }
    if (request.method === 'OPTIONS') {
      response.writeHead(204, { ...cors, ...SECURITY_HEADERS });
      response.end();
      return true;
    }
    const identity = context.identify(request);
    if (!identity) {
      this.fail(response, 401, ErrorCode.Unauthorized, 'missing or invalid token', { ...cors, 'WWW-Authenticate': 'Bearer realm="phonewall"' });
      return true;
    }
    const media = this.options.media;
    const match = ROUTE.exec(path);
    if (!match) return this.fail(response, 404, ErrorCode.NotFound, 'unknown media path', cors), true;
    const [, sha256, thumb] = match;
    if (request.method === 'POST' && !sha256) {
      if (!roleMayDo(identity.role, 'createPost')) return this.fail(response, 403, ErrorCode.Forbidden, `the ${identity.role} role may not upload`, cors), true;
      await this.upload(request, response, media, cors);
      return true;
    }
    if ((request.method === 'GET' || request.method === 'HEAD') && sha256) {
      await this.download(request, response, media, sha256, thumb !== undefined, cors);
      return true;
    }
    response.writeHead(405, { Allow: sha256 ? 'GET, HEAD' : 'POST', ...cors, ...SECURITY_HEADERS });
    response.end();
    return true;
  }

  private async upload(request: IncomingMessage, response: ServerResponse, media: MediaStore, cors: Record<string, string>): Promise<void> {
    const declared = Number(request.headers['content-length'] ?? NaN);
    if (declared > maxImageBytes) {
      this.fail(response, 413, ErrorCode.TooLarge, `the image is over ${maxImageBytes / 1048576} MiB; resize or compress it`, cors, true);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of request as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxImageBytes) {
        this.fail(response, 413, ErrorCode.TooLarge, `the image is over ${maxImageBytes / 1048576} MiB; resize or compress it`, cors, true);
        return;
      }
      chunks.push(chunk);
    }
    const bytes = Buffer.concat(chunks);
    let record;
    try {
      record = media.putImage(bytes, this.options.now());
    } catch (error) {
      if (!(error instanceof BoxError)) throw error;
      const status = error.code === ErrorCode.TooLarge ? 413 : error.code === ErrorCode.UnsupportedMedia ? 415 : 400;
      this.fail(response, status, error.code, error.message, cors);
      return;
    }
    const result: MediaUploadResult = { sha256: record.sha256, type: record.mime, byteSize: record.byteSize };
    try {
      const image = await loadImage(bytes);
      result.width = image.width;
      result.height = image.height;
    } catch {
      // A picture the decoder here cannot open (e.g. an unusual WebP) is still stored; its size stays unknown.
    }
    this.json(response, 200, result, cors);
  }

  private async download(request: IncomingMessage, response: ServerResponse, media: MediaStore, sha256: string, thumb: boolean, cors: Record<string, string>): Promise<void> {
    const record = media.get(sha256);
    if (!record) return this.fail(response, 404, ErrorCode.NotFound, `no media ${sha256}`, cors);
    let body: Uint8Array;
    try {
      body = thumb ? await thumbnailOf(media, sha256) : media.read(sha256);
    } catch (error) {
      if (error instanceof BoxError && error.code === ErrorCode.NotFound) return this.fail(response, 404, ErrorCode.NotFound, error.message, cors);
      throw error;
    }
    response.writeHead(200, {
      'Content-Type': thumb ? 'image/jpeg' : record.mime,
      'Content-Length': String(body.byteLength),
      // Content-addressed: the bytes behind a sha256 never change.
      'Cache-Control': 'private, max-age=31536000, immutable',
      ...SECURITY_HEADERS,
      // Console pages on another allowed origin (app://) show these pictures with <img>.
      'Cross-Origin-Resource-Policy': 'cross-origin',
      ...cors,
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  }

  private fail(response: ServerResponse, status: number, code: ErrorCode, message: string, headers: Record<string, string>, close = false): void {
    this.json(response, status, { ok: false, error: protocolError(code, message) satisfies ProtocolError }, { ...headers, ...(close ? { Connection: 'close' } : {}) });
  }

  private json(response: ServerResponse, status: number, body: unknown, headers: Record<string, string>): void {
    response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...SECURITY_HEADERS, ...headers });
    response.end(JSON.stringify(body));
  }
}
