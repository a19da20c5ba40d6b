// What both socket kinds share: hello, decode, role check, rate and in-flight limits, one response per request.
import type { WebSocket } from 'ws';
import { toProtocolError } from '../base/boxError.ts';
import { BoxError } from '../base/boxError.ts';
import type { Requester } from '../base/boxFeature.ts';
import { errorResponse, okResponse } from '../protocol/boxMessages.ts';
import type { BoxMessage, HelloMessage, Response } from '../protocol/boxMessages.ts';
import type { ClientMessage, SocketKind } from '../protocol/clientMessages.ts';
import { decodeClientMessage } from '../protocol/decodeClientMessage.ts';
import { ErrorCode, protocolError } from '../protocol/errorCodes.ts';
import type { ProtocolError } from '../protocol/errorCodes.ts';
import { Limits } from '../protocol/limits.ts';
import { roleMayDo } from '../protocol/roles.ts';
import { PROTOCOL_VERSION } from '../protocol/version.ts';
import { RateLimiter } from './rateLimiter.ts';

export interface ConnectionInfo {
  socket: SocketKind;
  who: Requester;
  box: { name: string; version: string };
  pingIntervalMs: number;
  now: () => number;
}

/** A result plus work to do right after its response is sent (a stream starts only once its id is known). */
export class AfterResponse {
  constructor(
    readonly result: unknown,
    readonly after: () => void,
  ) {}
}

export type RequestRunner = (message: ClientMessage) => Promise<unknown> | unknown;

/** Wires one WebSocket to a request runner; every inbound frame gets exactly one response. `hello` and `ping`
 * are answered here, the same on both sockets. */
export function serveConnection(ws: WebSocket, info: ConnectionInfo, run: RequestRunner): void {
  const limiter = new RateLimiter(Limits.ratePerSecond, Limits.rateBurst, info.now);
  let inFlight = 0;

  const send = (message: BoxMessage | Response) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  };
  const fail = (id: Response['id'], error: ProtocolError) => send(errorResponse(id, error));

  const hello: HelloMessage = {
    type: 'hello', protocolVersion: PROTOCOL_VERSION, role: info.who.role, socket: info.socket,
    box: info.box, pingIntervalMs: info.pingIntervalMs,
  };
  send(hello);

  ws.on('message', (data, isBinary) => {
    const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
    const raw = isBinary ? new Uint8Array(bytes) : bytes.toString('utf8');
    const decoded = decodeClientMessage(raw, info.socket);
    if (!decoded.ok) return fail(decoded.id, decoded.error);
    const { message } = decoded;
    if (!limiter.take()) return fail(message.id, protocolError(ErrorCode.RateLimited, 'too many messages; slow down'));
    if (!roleMayDo(info.who.role, message.type)) return fail(message.id, protocolError(ErrorCode.Forbidden, `the ${info.who.role} role may not ${message.type}`));
    if (inFlight >= Limits.maxInFlight) return fail(message.id, protocolError(ErrorCode.RateLimited, 'too many requests in flight'));
    const respond = (result: unknown) => {
      if (result instanceof AfterResponse) {
        send(okResponse(message.id, result.result as never));
        result.after();
      } else send(okResponse(message.id, result as never));
    };
    const reject = (error: unknown) => fail(message.id, toProtocolError(error));
    let result: unknown;
    try {
      result = message.type === 'ping' || message.type === 'hello' ? answerCommon(message, info) : run(message);
    } catch (error) {
      return reject(error);
    }
    // Synchronous answers (subscribe, ping, …) go out at once; only work that waits on a phone counts in flight.
    if (!(result instanceof Promise)) return respond(result);
    inFlight += 1;
    result.then(respond, reject).finally(() => {
      inFlight -= 1;
    });
  });
}

function answerCommon(message: Extract<ClientMessage, { type: 'ping' | 'hello' }>, info: ConnectionInfo): unknown {
  if (message.type === 'ping') return { now: info.now() };
  if (message.protocolVersion !== PROTOCOL_VERSION) {
    throw new BoxError(ErrorCode.UnsupportedVersion, `this box speaks protocol ${PROTOCOL_VERSION}`);
  }
  return { protocolVersion: PROTOCOL_VERSION, role: info.who.role };
}
