// The contract between the box's server and what it serves: each feature brings a handler per request type it owns
// (typed against the protocol's result map), events for every control client, optional HTTP routes, and the hooks the
// device core asks every feature (may this input reach the phone, what does a phone's wire copy carry).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BoxEvent, DeviceInfo, ResultOf } from '../protocol/boxMessages.ts';
import type { ClientMessageOf, ClientMessageType } from '../protocol/clientMessages.ts';
import type { Role } from '../protocol/roles.ts';

/** Who sent a request: the role and the name of the token it came with. */
export interface Requester {
  role: Role;
  name: string;
}

/** What a handler knows of the connection that asked. */
export interface RequestContext {
  readonly who: Requester;
  /** Unique per connection, for state a feature keeps per connection (uploads in progress). */
  readonly connectionId: number;
  /** Sends an event to this connection only (upload progress). */
  send(event: BoxEvent): void;
  /** Runs once when this connection closes. */
  onClose(cleanup: () => void): void;
}

export type Handler<T extends ClientMessageType> = (message: ClientMessageOf<T>, context: RequestContext) => ResultOf<T> | Promise<ResultOf<T>>;
/** Every request type of `K` with its handler: a feature's map is checked complete at compile time. */
export type Handlers<K extends ClientMessageType> = { readonly [T in K]: Handler<T> };
export type HandlerMap = { readonly [T in ClientMessageType]?: Handler<T> };

/** What an HTTP route may ask of the server: who a request is (its bearer token), and whether its Origin may call. */
export interface HttpContext {
  identify(request: IncomingMessage): Requester | null;
  originAllowed(origin: string): boolean;
}

/** The kinds of screen-level input a phone can receive, as features are told of them. */
export type InputKind = 'touch' | 'tap' | 'swipe' | 'scroll' | 'key' | 'back' | 'home' | 'recents' | 'startApp' | 'text';

export interface BoxFeature {
  /** Names the feature in logs (and the feature folder of the box). */
  readonly name: string;
  readonly handlers: HandlerMap;
  /** Events for every control client (the server drops what a role may not receive). */
  onEvent?(listener: (event: BoxEvent) => void): () => void;
  /** Answers an HTTP request when the path is the feature's (true), or leaves it to others (false). */
  http?(request: IncomingMessage, response: ServerResponse, path: string, context: HttpContext): Promise<boolean>;
  /** Refuses input to a phone by throwing a BoxError (`busy` while a posting flow holds it). Runs on every input:
   * in memory only, never a query. */
  checkInput?(deviceId: string, who: Requester): void;
  /** Input was accepted for a phone and is on its way (needs-attention treats it as the operator's). */
  inputAccepted?(deviceId: string, who: Requester, kind: InputKind): void;
  /** What this feature adds to a phone's wire copy. */
  describeDevice?(deviceId: string): Partial<Pick<DeviceInfo, 'busy'>>;
  /** Called with a device id whenever `describeDevice` would answer differently. */
  onDeviceDescriptionChange?(listener: (deviceId: string) => void): () => void;
  start?(): void | Promise<void>;
  stop?(): void | Promise<void>;
}
