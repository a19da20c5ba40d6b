// The box's HTTP media API (pictures for posts, proof screenshots): uploads with progress and pictures fetched
// with the token in a header, never in a URL; fetched pictures are kept as object URLs until the link stops.
import { ErrorCode } from '../../../../native-bridge/protocol/errorCodes.ts';
import { BoxRequestError, protocolErrorIn } from '../errors.ts';

export interface UploadedMedia {
  sha256: string;
  type: string;
  byteSize: number;
}

export class BoxMediaApi {
  private readonly objectUrls = new Map<string, Promise<string>>();

  constructor(
    private readonly boxUrl: string,
    private readonly token: string,
  ) {}

  /** Uploads one file as raw bytes; `onProgress` gets 0..1 as the bytes leave. Rejects with `BoxRequestError`. */
  upload(body: Blob, onProgress: (fraction: number) => void): Promise<UploadedMedia> {
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', new URL('/api/media', this.boxUrl).toString());
      xhr.setRequestHeader('Authorization', `Bearer ${this.token}`);
      xhr.setRequestHeader('Content-Type', body.type || 'application/octet-stream');
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
      };
      xhr.onerror = () => reject(BoxRequestError.offline('the box could not be reached'));
      xhr.onload = () => {
        const parsed = parseJson(xhr.responseText);
        if (xhr.status === 200 && isUploaded(parsed)) {
          onProgress(1);
          resolve(parsed);
          return;
        }
        reject(new BoxRequestError(protocolErrorIn(parsed) ?? { code: ErrorCode.Internal, message: `upload answered ${xhr.status}` }));
      };
      xhr.send(body);
    });
  }

  /** An object URL of a stored picture (or its thumbnail), fetched once per link. */
  objectUrl(sha256: string, thumb: boolean): Promise<string> {
    const key = `${sha256}${thumb ? '/thumb' : ''}`;
    let url = this.objectUrls.get(key);
    if (!url) {
      url = fetch(new URL(`/api/media/${key}`, this.boxUrl), { headers: { Authorization: `Bearer ${this.token}` }, cache: 'force-cache' }).then(async (response) => {
        if (!response.ok) throw new BoxRequestError(protocolErrorIn(parseJson(await response.text())) ?? { code: ErrorCode.NotFound, message: `media answered ${response.status}` });
        return URL.createObjectURL(await response.blob());
      });
      url.catch(() => this.objectUrls.delete(key));
      this.objectUrls.set(key, url);
    }
    return url;
  }

  /** Frees every fetched picture (the link stopped). */
  release(): void {
    for (const url of this.objectUrls.values()) void url.then((value) => URL.revokeObjectURL(value), () => undefined);
    this.objectUrls.clear();
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function isUploaded(value: unknown): value is UploadedMedia {
  if (!value || typeof value !== 'object') return false;
  const record = value as Record<string, unknown>;
  return typeof record.sha256 === 'string' && /^[0-9a-f]{64}$/.test(record.sha256) && typeof record.byteSize === 'number';
}
