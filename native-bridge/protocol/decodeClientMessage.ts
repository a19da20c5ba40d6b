// Turns one raw client frame into a typed message or a typed error (with the request id when readable).
import { z } from 'zod';
import { CLIENT_MESSAGE_TYPES, ClientMessageSchema, RequestIdSchema, acceptedOn } from './clientMessages.ts';
import type { ClientMessage, RequestId, SocketKind } from './clientMessages.ts';
import { ErrorCode, protocolError } from './errorCodes.ts';
import type { ProtocolError } from './errorCodes.ts';

export type DecodeResult =
  | { ok: true; message: ClientMessage }
  | { ok: false; id: RequestId | null; error: ProtocolError };

const KNOWN_TYPES: ReadonlySet<string> = new Set(CLIENT_MESSAGE_TYPES);

function describeIssues(error: z.ZodError): string {
  const first = error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || '(message)'}: ${issue.message}`);
  return first.join('; ').slice(0, 300);
}

/** `data` is the frame as received: text frames as string, binary frames as bytes (refused: JSON only). */
export function decodeClientMessage(data: string | Uint8Array, socket: SocketKind): DecodeResult {
  if (typeof data !== 'string') {
    return { ok: false, id: null, error: protocolError(ErrorCode.BadRequest, 'binary frames are not accepted from clients; send JSON text') };
  }
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return { ok: false, id: null, error: protocolError(ErrorCode.BadRequest, 'message is not valid JSON') };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, id: null, error: protocolError(ErrorCode.BadRequest, 'message must be a JSON object') };
  }
  const record = value as Record<string, unknown>;
  const idParse = RequestIdSchema.safeParse(record.id);
  const id = idParse.success ? idParse.data : null;
  if (typeof record.type !== 'string' || !KNOWN_TYPES.has(record.type)) {
    return { ok: false, id, error: protocolError(ErrorCode.UnknownType, 'unknown message type') };
  }
  if (id === null) return { ok: false, id, error: protocolError(ErrorCode.BadRequest, 'id must be a non-negative integer or a short string') };
  const parsed = ClientMessageSchema.safeParse(value);
  if (!parsed.success) {
    const tooLong = parsed.error.issues.some((issue) => issue.code === 'too_big');
    return {
      ok: false,
      id,
      error: protocolError(tooLong ? ErrorCode.TooLarge : ErrorCode.BadRequest, describeIssues(parsed.error)),
    };
  }
  if (!acceptedOn(socket, parsed.data.type)) {
    return { ok: false, id, error: protocolError(ErrorCode.BadRequest, `${parsed.data.type} is not accepted on the ${socket} socket`) };
  }
  return { ok: true, message: parsed.data };
}
