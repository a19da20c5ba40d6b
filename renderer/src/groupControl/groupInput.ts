// Sends the operator's input to the phone being worked and, while sync is on, to every follower in order.
import type { Input } from '../../../native-bridge/protocol/controlInput.ts';
import type { BoxLinks } from '../connection/boxLinks.ts';
import { RequestFailed } from '../connection/rpcSocket.ts';
import type { AppStore } from '../state/appStore.ts';
import type { WallDevice } from '../state/boxesSlice.ts';
import { selectTileState } from '../state/selectors.ts';
import { FollowerQueues } from './followerQueues.ts';
import { mapInputForFollower } from './followerMapping.ts';
import { selectFollowers } from './groupSelectors.ts';

export const FailureReason = { sizeUnknown: 'sizeUnknown', boxOffline: 'box_offline', failed: 'internal' } as const;

export function failureReasonOf(error: unknown): string {
  if (error instanceof RequestFailed) return error.error.code;
  if (error instanceof Error && error.message === 'box offline') return FailureReason.boxOffline;
  return FailureReason.failed;
}

export class GroupInput {
  private readonly queues: FollowerQueues;

  constructor(
    private readonly store: AppStore,
    private readonly links: BoxLinks,
  ) {
    this.queues = new FollowerQueues({
      onFailed: (key, reason) => this.store.getState().markFollowerFailed(key, reason),
      reasonOf: failureReasonOf,
    });
  }

  /** A touch, scroll, key or button on `device`; followed by every follower when `device` leads a synced group. */
  input(device: WallDevice, input: Input): Promise<unknown> {
    const sent = this.links.get(device.boxId)?.input(device.id, input) ?? Promise.reject(new Error('box offline'));
    for (const follower of this.followersOf(device)) {
      const mapped = mapInputForFollower(input, follower);
      if (!mapped.ok) {
        this.queues.fail(follower.key, mapped.reason);
        continue;
      }
      this.queues.enqueue(follower.key, () => this.links.get(follower.boxId)?.input(follower.id, mapped.input) ?? Promise.reject(new Error('box offline')));
    }
    return sent;
  }

  /** Text typed, composed or pasted on `device`; each follower gets the same text, pasted with acknowledgement. */
  text(device: WallDevice, text: string): Promise<unknown> {
    if (!text) return Promise.resolve();
    const sent = this.links.get(device.boxId)?.text(device.id, text) ?? Promise.reject(new Error('box offline'));
    for (const follower of this.followersOf(device)) {
      this.queues.enqueue(follower.key, () => this.links.get(follower.boxId)?.text(follower.id, text) ?? Promise.reject(new Error('box offline')));
    }
    return sent;
  }

  /** Takes a failed follower back into the group: it receives the next action on. */
  reinclude(key: string): void {
    this.queues.reinclude(key);
    this.store.getState().clearFollowerFailure(key);
  }

  /**
   * Watches the store while mounted: a follower that stops being online is marked failed at once (it would miss
   * actions), and turning sync off forgets every queue. Returns the stop function.
   */
  watch(): () => void {
    const check = () => {
      const state = this.store.getState();
      if (!state.syncOn) {
        this.queues.clear();
        return;
      }
      for (const follower of selectFollowers(state)) {
        const tile = selectTileState(state, follower);
        if (tile.state !== 'online' && !this.queues.isFailed(follower.key)) this.queues.fail(follower.key, tile.state);
        if (!(follower.key in state.followerFailures) && this.queues.isFailed(follower.key)) this.queues.reinclude(follower.key);
      }
    };
    check();
    return this.store.subscribe(check);
  }

  idle(): Promise<void> {
    return this.queues.idle();
  }

  /** The followers that take this input: only the leader's input is repeated, and failed ones are skipped. */
  private followersOf(device: WallDevice): WallDevice[] {
    const state = this.store.getState();
    if (state.selectedKey !== device.key) return [];
    return selectFollowers(state).filter((follower) => {
      if (follower.key in state.followerFailures || this.queues.isFailed(follower.key)) return false;
      const tile = selectTileState(state, follower);
      if (tile.state === 'online') return true;
      this.queues.fail(follower.key, tile.state);
      return false;
    });
  }
}

const shared = new WeakMap<AppStore, GroupInput>();

/** The console's one GroupInput (per store), so every component feeds the same follower queues. */
export function groupInputFor(store: AppStore, links: BoxLinks): GroupInput {
  let instance = shared.get(store);
  if (!instance) {
    instance = new GroupInput(store, links);
    shared.set(store, instance);
  }
  return instance;
}
