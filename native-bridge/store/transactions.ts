// Transactions that may nest (a schedule's jobs are planned inside the schedule's own transaction), and work held
// until the outermost one commits: nobody is told of a change that is then rolled back.
import type BetterSqlite3 from 'better-sqlite3';

const ofDatabase = new WeakMap<BetterSqlite3.Database, Transactions>();

export class Transactions {
  private pending: (() => void)[] = [];

  private constructor(private readonly db: BetterSqlite3.Database) {}

  /** The one instance of a database handle, so every store of that handle shares its commit point. */
  static of(db: BetterSqlite3.Database): Transactions {
    let transactions = ofDatabase.get(db);
    if (!transactions) {
      transactions = new Transactions(db);
      ofDatabase.set(db, transactions);
    }
    return transactions;
  }

  /** Runs `body` in a transaction (a savepoint inside another); a throw rolls it back with the work it queued. */
  run<T>(body: () => T): T {
    const outermost = !this.db.inTransaction;
    const mark = this.pending.length;
    let result: T;
    try {
      result = this.db.transaction(body)();
    } catch (error) {
      this.pending.length = mark;
      throw error;
    }
    if (outermost) this.flush();
    return result;
  }

  /** Runs `work` once what is being written is committed (at once outside a transaction). */
  afterCommit(work: () => void): void {
    if (this.db.inTransaction) this.pending.push(work);
    else work();
  }

  private flush(): void {
    const work = this.pending;
    this.pending = [];
    for (const item of work) item();
  }
}
