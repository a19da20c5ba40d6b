// Chat tools inside a running box: the device book and quick replies on the box's SQLite file, and the attention monitor.
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { AttentionMonitor } from '../chat/attentionMonitor.ts';
import type { AttentionRule } from '../chat/attentionDetector.ts';
import { DeviceBook } from '../chat/deviceBook.ts';
import { QuickReplies } from '../chat/quickReplies.ts';
import type { DeviceHub } from '../devices/deviceHub.ts';
import { openDatabase } from '../store/database.ts';

export interface BoxChatToolsOptions {
  hub: DeviceHub;
  now: () => number;
  /** The box's open database (the posting store's handle); when absent, `file` is opened and owned here. */
  db?: BetterSqlite3.Database;
  dataDir: string;
  file: string;
  attentionRule?: Partial<AttentionRule>;
  /** Hold every online phone's grid stream to notice when one needs attention (costs one grid encoder per phone). */
  watchAttention: boolean;
  log: (line: string) => void;
}

export class BoxChatTools {
  readonly book: DeviceBook;
  readonly replies: QuickReplies;
  readonly attention: AttentionMonitor;
  readonly db: BetterSqlite3.Database;
  readonly now: () => number;
  private readonly ownsDb: boolean;
  private readonly watchAttention: boolean;
  private started = false;

  private constructor(options: BoxChatToolsOptions) {
    this.ownsDb = options.db === undefined;
    this.watchAttention = options.watchAttention;
    this.now = options.now;
    this.db = options.db ?? openDatabase(join(options.dataDir, options.file));
    this.book = new DeviceBook({ db: this.db, now: options.now });
    this.replies = new QuickReplies({ db: this.db, now: options.now });
    this.attention = new AttentionMonitor({
      hub: options.hub,
      now: options.now,
      log: options.log,
      ...(options.attentionRule ? { rule: options.attentionRule } : {}),
    });
  }

  /** Opens the stores (migrations run when the file is opened here); attention is watched only after `start()`. */
  static open(options: BoxChatToolsOptions): BoxChatTools {
    return new BoxChatTools(options);
  }

  start(): void {
    if (!this.watchAttention) return;
    this.started = true;
    this.attention.start();
  }

  /** Stops watching streams; closes the database only when this opened it (the posting side closes its own). */
  stop(): void {
    if (this.started) this.attention.stop();
    this.started = false;
    if (this.ownsDb && this.db.open) this.db.close();
  }

  /**
   * A console sent input or text to the phone: what follows on its screen is the operator's, and the badge clears.
   * The protocol has no "taken phone" notion (a console's focus is local to it), so input timing stands in for
   * holding: the monitor's operator guard covers the frames that follow each input.
   */
  operatorTouched(deviceId: string): void {
    this.attention.clear(deviceId);
    this.attention.operatorInput(deviceId);
  }
}
