// The chat desk inside a running box: the device book and quick replies on the box's database, needs-attention
// watched on every phone's grid stream; its requests, its events, and what it learns from each input.
import type BetterSqlite3 from 'better-sqlite3';
import type { BoxFeature, Handlers } from '../base/boxFeature.ts';
import type { DeviceHub } from '../base/deviceHub.ts';
import { EventSource } from '../base/events.ts';
import type { BoxEvent } from '../protocol/boxMessages.ts';
import type { ChatDeskResultMap } from '../protocol/chatDeskMessages.ts';
import type { AttentionRule } from './attentionDetector.ts';
import { AttentionMonitor } from './attentionMonitor.ts';
import { chatDeskHandlers, wireDeviceBook, wireQuickReply, type GroupsInUse } from './chatDeskRequests.ts';
import { DeviceBook } from './deviceBook.ts';
import { QuickReplies } from './quickReplies.ts';

export interface ChatDeskOptions {
  db: BetterSqlite3.Database;
  hub: DeviceHub;
  now: () => number;
  log: (line: string) => void;
  /** Hold every online phone's grid stream to notice when one needs attention (costs one grid encoder per phone). */
  watchAttention: boolean;
  attentionRule?: Partial<AttentionRule>;
  /** Saved groups that a posting schedule still targets (they may not be deleted); none when posting is off. */
  groupsInUse?: GroupsInUse;
}

export class ChatDeskFeature implements BoxFeature {
  readonly name = 'chatDesk';
  readonly book: DeviceBook;
  readonly replies: QuickReplies;
  readonly attention: AttentionMonitor;
  readonly handlers: Handlers<keyof ChatDeskResultMap>;
  readonly #events: EventSource<[BoxEvent]>;
  readonly #options: ChatDeskOptions;
  readonly #unsubscribes: (() => void)[] = [];
  #watching = false;

  constructor(options: ChatDeskOptions) {
    this.#options = options;
    this.#events = new EventSource((error) => options.log(`chat desk event listener failed: ${String(error)}`));
    this.book = new DeviceBook({ db: options.db, now: options.now });
    this.replies = new QuickReplies({ db: options.db, now: options.now });
    this.attention = new AttentionMonitor({
      hub: options.hub,
      now: options.now,
      log: options.log,
      ...(options.attentionRule ? { rule: options.attentionRule } : {}),
    });
    this.handlers = chatDeskHandlers({ book: this.book, replies: this.replies, attention: this.attention, groupsInUse: options.groupsInUse ?? (() => []) });
  }

  onEvent(listener: (event: BoxEvent) => void): () => void {
    return this.#events.on(listener);
  }

  /** Starts publishing changes, and watching attention when asked to. */
  start(): void {
    this.#unsubscribes.push(
      this.book.onChange((book) => this.#events.emit({ type: 'deviceBook', book: wireDeviceBook(book) })),
      this.replies.onChange(() => this.#events.emit({ type: 'quickReplies', replies: this.replies.list().map(wireQuickReply) })),
      this.attention.onAttention((event) =>
        this.#events.emit(
          event.type === 'raised'
            ? { type: 'attention', deviceId: event.attention.deviceId, attention: { since: event.attention.since } }
            : { type: 'attention', deviceId: event.deviceId, attention: null },
        ),
      ),
    );
    if (!this.#options.watchAttention) return;
    this.#watching = true;
    this.attention.start();
  }

  stop(): void {
    for (const off of this.#unsubscribes.splice(0)) off();
    if (this.#watching) this.attention.stop();
    this.#watching = false;
  }

  /**
   * A console sent input or text to the phone: what follows on its screen is the operator's, and the badge clears.
   * Input timing stands in for holding the phone: the monitor's operator guard covers the frames after each input.
   */
  inputAccepted(deviceId: string): void {
    this.attention.clear(deviceId);
    this.attention.operatorInput(deviceId);
  }

  /** A posting flow drives the screen like an operator would: its own screen changes are not news. */
  setHeldByFlow(deviceId: string, held: boolean): void {
    this.attention.setOperatorHolding(deviceId, held);
  }
}
