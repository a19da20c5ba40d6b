// Group control's PhoneInput: the operator's input goes to the phone being worked and, while sync is on, at once
// to every follower mapped onto its screen. The box orders each phone's input; a follower whose send fails is
// marked failed with the error's code and gets nothing more until it is re-included.
import type { StoreApi } from 'zustand/vanilla';
import type { Input } from '../../../../native-bridge/protocol/controlInput.ts';
import { ErrorCode } from '../../../../native-bridge/protocol/errorCodes.ts';
import type { BoxConnection } from '../../shared/connection/boxConnection.ts';
import type { BoxLinks } from '../../shared/connection/boxLinks.ts';
import { BoxRequestError, errorCodeOf } from '../../shared/errors.ts';
import type { PhoneInput } from '../../shared/input/phoneInput.ts';
import type { WallDevice } from '../../shared/state/boxesSlice.ts';
import { selectTileState } from '../../shared/state/selectors.ts';
import { mapInputForFollower } from './followerMapping.ts';
import { selectFollowers } from './groupSelectors.ts';
import { followerTicket } from './groupSlice.ts';
import type { GroupState } from './groupSlice.ts';

export const FailureReason = { sizeUnknown: 'sizeUnknown', boxOffline: 'box_offline', busy: 'busy' } as const;

/** A follower's failure as its error code; a dropped box link reads "box disconnected", not the phone's `offline`. */
export function followerFailureReason(error: unknown): string {
  const code = errorCodeOf(error);
  return code === ErrorCode.Offline ? FailureReason.boxOffline : code;
}

/** Why a follower cannot take input now (not online; running a posting flow, which the box refuses as `busy`). */
function unavailableReason(state: GroupState, follower: WallDevice): string | null {
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

/**
 * Marks followers failed as soon as they stop being online or start a posting flow (they would miss actions).
 * Returns the stop function.
 */
export function watchFollowers(store: StoreApi<GroupState>): () => void {
  const check = (state: GroupState) => {
    for (const follower of selectFollowers(state)) {
      const reason = unavailableReason(state, follower);
      if (reason !== null && !(follower.key in state.followerFailures)) state.markFollowerFailed(follower.key, reason);
    }
  };
  check(store.getState());
  return store.subscribe(check);
}

type PhoneRequest = (connection: BoxConnection) => Promise<unknown>;

export class GroupInput implements PhoneInput {
  private lastMoveAt = Number.NEGATIVE_INFINITY;
  private readonly pending = new Set<Promise<unknown>>();

  constructor(
    private readonly store: StoreApi<GroupState>,
    private readonly links: BoxLinks,
    private readonly now: () => number = () => performance.now(),
  ) {}

  input(device: WallDevice, input: Input): Promise<unknown> {
    const sent = this.send(device, (connection) => connection.input(device.id, input));
    const followers = this.followersOf(device);
    if (input.kind === 'touch' && input.action === 'move' && followers.length > 0) {
      const now = this.now();
      if (now - this.lastMoveAt < followerMoveIntervalMs(followers.length)) return sent;
      this.lastMoveAt = now;
    }
    for (const follower of followers) {
      const mapped = mapInputForFollower(input, follower);
      if (mapped.ok) this.sendToFollower(follower, (connection) => connection.input(follower.id, mapped.input));
      else this.store.getState().markFollowerFailed(follower.key, mapped.reason);
    }
    return sent;
  }

  /** Each follower gets the same text, pasted with acknowledgement. */
  text(device: WallDevice, text: string): Promise<unknown> {
    if (!text) return Promise.resolve();
    const sent = this.send(device, (connection) => connection.text(device.id, text));
    for (const follower of this.followersOf(device)) this.sendToFollower(follower, (connection) => connection.text(follower.id, text));
    return sent;
  }

  followerCount(state: GroupState): number {
    return selectFollowers(state).length;
  }

  /** Resolves once every follower send so far has been answered (tests and orderly shutdown). */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  private send(device: WallDevice, request: PhoneRequest): Promise<unknown> {
    const connection = this.links.get(device.boxId);
    return connection ? request(connection) : Promise.reject(BoxRequestError.offline());
  }

  private sendToFollower(follower: WallDevice, request: PhoneRequest): void {
    const ticket = followerTicket(this.store.getState(), follower.key);
    const sent = this.send(follower, request).catch((error: unknown) => this.store.getState().markFollowerFailed(follower.key, followerFailureReason(error), ticket));
    this.pending.add(sent);
    void sent.finally(() => this.pending.delete(sent));
  }

  /** The followers that take this input: only the leader's input is repeated, and failed ones are skipped. */
  private followersOf(device: WallDevice): WallDevice[] {
    const state = this.store.getState();
    if (state.selectedKey !== device.key) return [];
    return selectFollowers(state).filter((follower) => {
      if (follower.key in state.followerFailures) return false;
      const reason = unavailableReason(state, follower);
      if (reason === null) return true;
      state.markFollowerFailed(follower.key, reason);
      return false;
    });
  }
}
