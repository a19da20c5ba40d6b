// The console's posting link to one box: its own control socket for posting requests and live job events,
// and the HTTP media API (upload with progress, pictures fetched with the token in a header, never in a URL).
import type { JobEvent } from '../../../../native-bridge/protocol/postingMessages.ts';
import type { ProtocolError } from '../../../../native-bridge/protocol/errorCodes.ts';
import type { PostingResultMap } from '../../../../native-bridge/protocol/postingMessages.ts';
import { RequestFailed, RpcSocket } from '../../shared/connection/rpcSocket.ts';
import type { OutgoingRequest, SocketFactory } from '../../shared/connection/rpcSocket.ts';
import { boxSocketUrl, tokenSubprotocols } from '../../shared/connection/socketUrls.ts';
import { backoffDelay } from '../../shared/connection/backoff.ts';

export type PostingRequest = Extract<OutgoingRequest, { type: keyof PostingResultMap }>;
export type PostingResult<T extends PostingRequest['type']> = PostingResultMap[T];

export interface PostingClientEvents {
  onJob(event: JobEvent): void;
  /** The socket (re)opened: lists may have missed events and should be fetched again. */
  onReady(): void;
}

export interface UploadedImage {
  sha256: string;
  type: string;
  byteSize: number;
}

/** A failed upload as typed data: the box's error, or `internal` for a network failure. */
export class UploadFailed extends Error {
  constructor(readonly error: ProtocolError) {
    super(`${error.code}: ${error.message}`);
  }
}

export interface PostingClientOptions {
  url: string;
  token: string;
  events: PostingClientEvents;
  createSocket?: SocketFactory;
  now?: () => number;
}

export class PostingClient {
  private socket: RpcSocket | null = null;
  private running = false;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly blobUrls = new Map<string, Promise<string>>();

  constructor(private readonly options: PostingClientOptions) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.open();
  }

  stop(): void {
    this.running = false;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.socket?.close();
    this.socket = null;
    for (const url of this.blobUrls.values()) void url.then((value) => URL.revokeObjectURL(value), () => undefined);
    this.blobUrls.clear();
  }

  request<T extends PostingRequest['type']>(message: Extract<PostingRequest, { type: T }>): Promise<PostingResult<T>> {
    if (!this.socket?.isOpen) return Promise.reject(new RequestFailed({ code: 'internal', message: 'not connected' }));
    return this.socket.request<PostingResult<T>>(message as OutgoingRequest);
  }

  /** Uploads one picture as raw bytes; `onProgress` gets 0..1 as the bytes leave. */
  uploadImage(body: Blob, onProgress: (fraction: number) => void): Promise<UploadedImage> {
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', new URL('/api/media', this.options.url).toString());
      xhr.setRequestHeader('Authorization', `Bearer ${this.options.token}`);
      xhr.setRequestHeader('Content-Type', body.type || 'application/octet-stream');
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
      };
      xhr.onerror = () => reject(new UploadFailed({ code: 'internal', message: 'the box could not be reached' }));
      xhr.onload = () => {
        const parsed = parseJson(xhr.responseText);
        if (xhr.status === 200 && isUploaded(parsed)) {
          onProgress(1);
          resolve(parsed);
          return;
        }
        reject(new UploadFailed(errorOf(parsed) ?? { code: 'internal', message: `upload answered ${xhr.status}` }));
      };
      xhr.send(body);
    });
  }

  /** An object URL of a stored picture (or its thumbnail), fetched once per client with the token in a header. */
  mediaUrl(sha256: string, thumb: boolean): Promise<string> {
    const key = `${sha256}${thumb ? '/thumb' : ''}`;
    let url = this.blobUrls.get(key);
    if (!url) {
      url = fetch(new URL(`/api/media/${key}`, this.options.url), { headers: { Authorization: `Bearer ${this.options.token}` }, cache: 'force-cache' }).then(async (response) => {
        if (!response.ok) throw new UploadFailed(errorOf(parseJson(await response.text())) ?? { code: 'not_found', message: `media answered ${response.status}` });
        return URL.createObjectURL(await response.blob());
      });
      url.catch(() => this.blobUrls.delete(key));
      this.blobUrls.set(key, url);
    }
    return url;
  }

  private open(): void {
    const socket = new RpcSocket(
      boxSocketUrl(this.options.url, 'control'),
      tokenSubprotocols(this.options.token),
      {
        onHello: () => {
          this.attempt = 0;
          this.options.events.onReady();
        },
        onEvent: (message) => {
          if (message.type === 'job') this.options.events.onJob(message);
        },
        onClose: () => {
          if (this.socket !== socket) return;
          this.socket = null;
          if (!this.running) return;
          this.retryTimer = setTimeout(() => {
            this.retryTimer = null;
            if (this.running) this.open();
          }, backoffDelay(this.attempt++, Math.random));
        },
      },
      this.options.createSocket ?? ((url, protocols) => new WebSocket(url, protocols)),
      this.options.now ?? (() => Date.now()),
    );
    this.socket = socket;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function isUploaded(value: unknown): value is UploadedImage {
  if (!value || typeof value !== 'object') return false;
  const record = value as Record<string, unknown>;
  return typeof record.sha256 === 'string' && /^[0-9a-f]{64}$/.test(record.sha256) && typeof record.byteSize === 'number';
}

function errorOf(value: unknown): ProtocolError | null {
  if (!value || typeof value !== 'object') return null;
  const error = (value as { error?: unknown }).error;
  if (!error || typeof error !== 'object') return null;
  const { code, message } = error as Record<string, unknown>;
  return typeof code === 'string' && typeof message === 'string' ? ({ code, message } as ProtocolError) : null;
}
