// All box links of the console: connecting a box adds it to the store, keeps its link state and devices there, and
// binds every feature to its connection; disconnecting undoes all of it.
import { BoxRequestError } from '../errors.ts';
import type { BoxStatePatch } from '../state/boxesSlice.ts';
import type { ConsoleStore } from '../state/coreState.ts';
import { BoxConnection } from './boxConnection.ts';
import type { BoxConnectionOptions } from './boxConnection.ts';

export interface BoxTarget {
  id: string;
  name: string;
  url: string;
  token: string;
  embedded: boolean;
}

/** What a feature does with each box's connection (listen, load on ready); returns what undoes it. */
export type BoxBinding = (connection: BoxConnection, store: ConsoleStore, boxId: string) => () => void;

type ConnectionDefaults = Partial<Omit<BoxConnectionOptions, 'url' | 'token' | 'onLink'>>;

/** The core binding: the box's phones, listed after every (re)connect and kept current by device events. */
function bindDevices(connection: BoxConnection, store: ConsoleStore, boxId: string): () => void {
  const offReady = connection.onReady(() => {
    connection.request({ type: 'listDevices' }).then((result) => store.getState().setBoxDevices(boxId, result.devices), () => undefined);
  });
  const offDevice = connection.on('device', (event) => store.getState().upsertDevice(boxId, event.device, event.removed));
  return () => {
    offReady();
    offDevice();
  };
}

export class BoxLinks {
  private readonly links = new Map<string, { connection: BoxConnection; unbind: (() => void)[] }>();

  constructor(
    private readonly store: ConsoleStore,
    private readonly bindings: readonly BoxBinding[] = [],
    private readonly connectionDefaults: ConnectionDefaults = {},
  ) {}

  connect(target: BoxTarget): BoxConnection {
    this.disconnect(target.id);
    this.store.getState().addBox({ id: target.id, name: target.name, url: target.url, embedded: target.embedded });
    const connection = new BoxConnection({
      ...this.connectionDefaults,
      url: target.url,
      token: target.token,
      onLink: (state, details) => {
        const patch: BoxStatePatch = { state, reason: details.reason, retryAt: details.retryAt ?? null };
        if (details.role) patch.role = details.role;
        if (details.boxName && !target.name) patch.name = details.boxName;
        this.store.getState().setBoxState(target.id, patch);
      },
    });
    const unbind = [bindDevices, ...this.bindings].map((bind) => bind(connection, this.store, target.id));
    this.links.set(target.id, { connection, unbind });
    connection.start();
    return connection;
  }

  disconnect(boxId: string): void {
    const link = this.links.get(boxId);
    if (!link) return;
    this.links.delete(boxId);
    for (const unbind of link.unbind) unbind();
    link.connection.stop();
  }

  get(boxId: string): BoxConnection | null {
    return this.links.get(boxId)?.connection ?? null;
  }

  /** The link of a box, for a request about to be sent; throws `BoxRequestError` (offline) when there is none. */
  require(boxId: string): BoxConnection {
    const connection = this.get(boxId);
    if (!connection) throw BoxRequestError.offline();
    return connection;
  }

  stopAll(): void {
    for (const id of [...this.links.keys()]) this.disconnect(id);
  }
}
