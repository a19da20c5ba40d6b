// Sends the operator's input to the phone being worked and, while sync is on, to every follower in order.
import type { Input } from '../../../../native-bridge/protocol/controlInput.ts';
import type { BoxLinks } from '../../shared/connection/boxLinks.ts';
import { RequestFailed } from '../../shared/connection/rpcSocket.ts';
import type { AppState, AppStore } from '../../app/appStore.ts';
import type { WallDevice } from '../../shared/state/boxesSlice.ts';
import { selectTileState } from '../../shared/state/selectors.ts';
import { FollowerQueues } from './followerQueues.ts';
import { mapInputForFollower } from './followerMapping.ts';
import { selectFollowers } from './groupSelectors.ts';

export const FailureReason = { sizeUnknown: 'sizeUnknown', boxOffline: 'box_offline', busy: 'busy', failed: 'internal' } as const;

export function failureReasonOf(error: unknown): string {
  if (error instanceof RequestFailed) return error.error.code;
  if (error instanceof Error && error.message === 'box offline') return FailureReason.boxOffline;
  return FailureReason.failed;
}

/** Why a follower cannot take input now (not online; running a posting flow, which the box refuses as `busy`). */
function unavailableReason(state: AppState, follower: WallDevice): string | null {
  const tile = selectTileState(state, follower);
  if (tile.state !== 'online') return tile.state;
  return follower.busy ? FailureReason.busy : null;
}

/** Messages per second the fan-out of touch moves may use: the box allows 400 per client, the leader needs some. */
const followerMoveBudgetPerSecond = 300;

/**
 * How often a drag's moves are repeated on followers: every move for a small group, fewer as it grows, so fifty
 * followers stay inside the box's rate limit. Down and up always go, so taps and swipe ends are exact.
 */
export function followerMoveIntervalMs(followers: number): number {
  return Math.max(16, (followers * 1000) / followerMoveBudgetPerSecond);
}

export class GroupInput {
  private readonly queues: FollowerQueues;
  private lastMoveAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly store: AppStore,
    private readonly links: BoxLinks,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.queues = new FollowerQueues({
      onFailed: (key, reason) => this.store.getState().markFollowerFailed(key, reason),
      reasonOf: failureReasonOf,
    });
  }

  /** A touch, scroll, key or button on `device`; followed by every follower when `device` leads a synced group. */
  input(device: WallDevice, input: Input): Promise<unknown> {
    const sent = this.links.get(device.boxId)?.input(device.id, input) ?? Promise.reject(new Error('box offline'));
    const followers = this.followersOf(device);
    if (input.kind === 'touch' && input.action === 'move' && followers.length > 0) {
      const now = this.now();
      if (now - this.lastMoveAt < followerMoveIntervalMs(followers.length)) return sent;
      this.lastMoveAt = now;
    }
    for (const follower of followers) {
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
   * Watches the store while mounted: a follower that stops being online (or starts a posting flow) is marked failed
   * at once (it would miss actions), and turning sync off forgets every queue. Returns the stop function.
   */
  watch(): () => void {
    const check = () => {
      const state = this.store.getState();
      if (!state.syncOn) {
        this.queues.clear();
        return;
      }
      for (const follower of selectFollowers(state)) {
        const reason = unavailableReason(state, follower);
        if (reason !== null && !this.queues.isFailed(follower.key)) this.queues.fail(follower.key, reason);
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
      const reason = unavailableReason(state, follower);
      if (reason === null) return true;
      this.queues.fail(follower.key, reason);
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
