// All box connections of the console, wired into the store: adding a box connects it, removing disconnects it.
import type { AppStore } from '../../app/appStore.ts';
import type { BoxConnectionOptions } from './boxConnection.ts';
import { BoxConnection } from './boxConnection.ts';

export interface BoxTarget {
  id: string;
  name: string;
  url: string;
  token: string;
  embedded: boolean;
}

export class BoxLinks {
  private readonly links = new Map<string, BoxConnection>();

  constructor(
    private readonly store: AppStore,
    private readonly connectionOptions: Partial<BoxConnectionOptions> = {},
  ) {}

  connect(target: BoxTarget): BoxConnection {
    this.disconnect(target.id);
    const state = this.store.getState();
    state.addBox({ id: target.id, name: target.name, url: target.url, embedded: target.embedded });
    const connection = new BoxConnection({
      ...this.connectionOptions,
      url: target.url,
      token: target.token,
      events: {
        onLink: (linkState, details) => {
          const patch: Parameters<typeof state.setBoxState>[1] = { state: linkState, reason: details.reason, retryAt: details.retryAt ?? null };
          if (details.role) patch.role = details.role;
          if (details.boxName && !target.name) patch.name = details.boxName;
          this.store.getState().setBoxState(target.id, patch);
        },
        onDevices: (devices) => this.store.getState().setBoxDevices(target.id, devices),
        onDevice: (device, removed) => this.store.getState().upsertDevice(target.id, device, removed),
        onClipboard: (deviceId, text) => this.store.getState().receivePhoneClipboard(target.id, deviceId, text),
        onDeviceBook: (book) => this.store.getState().setDeviceBook(target.id, book),
        onQuickReplies: (replies) => this.store.getState().setQuickReplies(target.id, replies),
        onAttention: (deviceId, since) => this.store.getState().setAttention(target.id, deviceId, since),
        onAttentionList: (list) => this.store.getState().setAttentionList(target.id, list),
      },
    });
    this.links.set(target.id, connection);
    connection.start();
    return connection;
  }

  disconnect(boxId: string): void {
    this.links.get(boxId)?.stop();
    this.links.delete(boxId);
  }

  get(boxId: string): BoxConnection | null {
    return this.links.get(boxId) ?? null;
  }

  stopAll(): void {
    for (const id of [...this.links.keys()]) this.disconnect(id);
  }
}
