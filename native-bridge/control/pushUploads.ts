// Image pushes of one control client: files arrive in base64 chunks, in order, then go to the phone at commit.
import { randomBytes } from 'node:crypto';
import type { DeviceControl } from '../base/deviceHub.ts';
import type { PushProgressEvent } from '../protocol/boxMessages.ts';
import type { ClientMessageOf } from '../protocol/clientMessages.ts';
import { ErrorCode } from '../protocol/errorCodes.ts';
import { BoxError } from '../base/boxError.ts';

interface Upload {
  id: string;
  deviceId: string;
  files: { name: string; size: number; bytes: Uint8Array; received: number }[];
  timer: NodeJS.Timeout;
  committing: boolean;
}

export interface PushUploadsOptions {
  control: (deviceId: string) => DeviceControl;
  onProgress: (event: PushProgressEvent) => void;
  /** Uploads not committed within this time are dropped. */
  expireMs?: number;
  maxConcurrent?: number;
}

export class PushUploads {
  private readonly uploads = new Map<string, Upload>();

  constructor(private readonly options: PushUploadsOptions) {}

  begin(message: ClientMessageOf<'pushBegin'>): { uploadId: string } {
    this.options.control(message.deviceId);
    if (this.uploads.size >= (this.options.maxConcurrent ?? 2)) {
      throw new BoxError(ErrorCode.RateLimited, 'too many uploads in progress; commit or abort one first');
    }
    const id = `u${randomBytes(9).toString('base64url')}`;
    const timer = setTimeout(() => this.discard(id), this.options.expireMs ?? 300_000);
    timer.unref();
    this.uploads.set(id, {
      id,
      deviceId: message.deviceId,
      files: message.files.map((file) => ({ name: file.name, size: file.size, bytes: new Uint8Array(0), received: 0 })),
      timer,
      committing: false,
    });
    return { uploadId: id };
  }

  chunk(message: ClientMessageOf<'pushChunk'>): { fileIndex: number; receivedBytes: number } {
    const upload = this.get(message.uploadId);
    if (upload.committing) throw new BoxError(ErrorCode.BadRequest, 'upload is being committed');
    const file = upload.files[message.fileIndex];
    if (!file) throw new BoxError(ErrorCode.BadRequest, 'fileIndex is not a file of this upload');
    if (message.offset !== file.received) {
      throw new BoxError(ErrorCode.BadRequest, `offset must be ${file.received} (chunks go in order)`);
    }
    const data = Buffer.from(message.data, 'base64');
    if (file.received + data.length > file.size) throw new BoxError(ErrorCode.TooLarge, 'chunk goes past the declared file size');
    // Allocated at the first chunk, so an unfinished begin holds no memory.
    if (file.bytes.length === 0) file.bytes = new Uint8Array(file.size);
    file.bytes.set(data, file.received);
    file.received += data.length;
    this.options.onProgress({
      type: 'pushProgress', uploadId: upload.id, phase: 'upload', file: file.name,
      fileIndex: message.fileIndex, sentBytes: file.received, totalBytes: file.size,
    });
    return { fileIndex: message.fileIndex, receivedBytes: file.received };
  }

  async commit(message: ClientMessageOf<'pushCommit'>): Promise<{ paths: string[] }> {
    const upload = this.get(message.uploadId);
    if (upload.committing) throw new BoxError(ErrorCode.BadRequest, 'upload is already being committed');
    const missing = upload.files.find((file) => file.received !== file.size);
    if (missing) throw new BoxError(ErrorCode.BadRequest, `${missing.name} has ${missing.received} of ${missing.size} bytes`);
    upload.committing = true;
    try {
      const control = this.options.control(upload.deviceId);
      const paths = await control.pushImages(
        upload.files.map((file) => ({ name: file.name, bytes: file.bytes })),
        (progress) => {
          const fileIndex = Math.max(0, upload.files.findIndex((file) => file.name === progress.file));
          this.options.onProgress({
            type: 'pushProgress', uploadId: upload.id, phase: 'device', file: progress.file,
            fileIndex, sentBytes: progress.sentBytes, totalBytes: progress.totalBytes,
          });
        },
      );
      return { paths };
    } finally {
      this.discard(upload.id);
    }
  }

  abort(message: ClientMessageOf<'pushAbort'>): Record<string, never> {
    this.get(message.uploadId);
    this.discard(message.uploadId);
    return {};
  }

  /** Drops every upload (the client went away). */
  clear(): void {
    for (const id of [...this.uploads.keys()]) this.discard(id);
  }

  private get(id: string): Upload {
    const upload = this.uploads.get(id);
    if (!upload) throw new BoxError(ErrorCode.NotFound, 'no such upload (expired, committed or never begun)');
    return upload;
  }

  private discard(id: string): void {
    const upload = this.uploads.get(id);
    if (!upload) return;
    clearTimeout(upload.timer);
    this.uploads.delete(id);
  }
}
