// Serves the built web console from one folder: safe path resolution, content types, SPA fallback, strict CSP.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { SECURITY_HEADERS } from '../base/securityHeaders.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
};

export class StaticFiles {
  private readonly root: string;

  constructor(folder: string) {
    this.root = resolve(folder);
  }

  /** Resolves a URL path inside the root, or null when it would leave it. */
  resolvePath(urlPath: string): string | null {
    let decoded: string;
    try {
      decoded = decodeURIComponent(urlPath);
    } catch {
      return null;
    }
    if (decoded.includes('\0')) return null;
    const full = resolve(join(this.root, decoded));
    return full === this.root || full.startsWith(this.root + sep) ? full : null;
  }

  async serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const urlPath = new URL(request.url ?? '/', 'http://box').pathname;
    const candidate = this.resolvePath(urlPath);
    let file = candidate ? await this.fileAt(candidate) : null;
    // SPA fallback: paths without an extension are client-side routes.
    if (!file && extname(urlPath) === '') file = await this.fileAt(join(this.root, 'index.html'));
    if (!file) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
      response.end('not found\n');
      return;
    }
    const type = CONTENT_TYPES[extname(file.path).toLowerCase()] ?? 'application/octet-stream';
    const immutable = file.path.includes(`${sep}assets${sep}`);
    response.writeHead(200, {
      'Content-Type': type,
      'Content-Length': String(file.size),
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...SECURITY_HEADERS,
    });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    createReadStream(file.path).on('error', () => response.destroy()).pipe(response);
  }

  private async fileAt(path: string): Promise<{ path: string; size: number } | null> {
    try {
      const info = await stat(path);
      if (info.isFile()) return { path, size: info.size };
      if (info.isDirectory()) return this.fileAt(join(path, 'index.html'));
      return null;
    } catch {
      return null;
    }
  }
}
