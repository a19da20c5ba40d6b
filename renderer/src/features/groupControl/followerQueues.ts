// One ordered queue per follower phone: actions run one after another on each phone, a slow or failing phone
// holds up only itself, and a failed phone takes nothing more until it is re-included.

export interface FollowerQueuesOptions {
  onFailed(key: string, reason: string): void;
  /** Maps a send error to a short reason (an error code). */
  reasonOf(error: unknown): string;
  /** Actions a follower may have waiting before it counts as failed (it fell too far behind). */
  maxPending?: number;
}

interface Lane {
  tail: Promise<void>;
  pending: number;
  failed: boolean;
  generation: number;
}

export const backlogReason = 'backlog';

export class FollowerQueues {
  private readonly lanes = new Map<string, Lane>();
  private readonly maxPending: number;

  constructor(private readonly options: FollowerQueuesOptions) {
    this.maxPending = options.maxPending ?? 500;
  }

  private lane(key: string): Lane {
    let lane = this.lanes.get(key);
    if (!lane) {
      lane = { tail: Promise.resolve(), pending: 0, failed: false, generation: 0 };
      this.lanes.set(key, lane);
    }
    return lane;
  }

  /** Queues `send` behind the follower's earlier actions; returns false when the follower is failed. */
  enqueue(key: string, send: () => Promise<unknown>): boolean {
    const lane = this.lane(key);
    if (lane.failed) return false;
    if (lane.pending >= this.maxPending) {
      this.fail(key, backlogReason);
      return false;
    }
    const generation = lane.generation;
    lane.pending += 1;
    lane.tail = lane.tail.then(async () => {
      lane.pending -= 1;
      // Actions queued before a failure are dropped: applying later steps without earlier ones would diverge.
      if (lane.failed || lane.generation !== generation) return;
      try {
        await send();
      } catch (error) {
        if (lane.generation === generation && !lane.failed) this.fail(key, this.options.reasonOf(error));
      }
    });
    return true;
  }

  /** Marks a follower failed from outside (it went offline) and drops what it had waiting. */
  fail(key: string, reason: string): void {
    const lane = this.lane(key);
    if (lane.failed) return;
    lane.failed = true;
    this.options.onFailed(key, reason);
  }

  isFailed(key: string): boolean {
    return this.lanes.get(key)?.failed ?? false;
  }

  /** Takes a failed follower back: it starts fresh with the next action. */
  reinclude(key: string): void {
    const lane = this.lane(key);
    lane.failed = false;
    lane.generation += 1;
  }

  /** Forgets every follower (sync turned off). */
  clear(): void {
    for (const lane of this.lanes.values()) lane.generation += 1;
    this.lanes.clear();
  }

  /** Resolves when every queued action has run (tests and orderly shutdown). */
  async idle(): Promise<void> {
    await Promise.all([...this.lanes.values()].map((lane) => lane.tail));
  }
}
