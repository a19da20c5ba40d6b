import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { Transactions } from './transactions.ts';

describe('Transactions', () => {
  it('holds queued work until the outermost transaction commits, and drops what a rollback undid', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (v INTEGER)');
    const tx = Transactions.of(db);
    expect(Transactions.of(db)).toBe(tx);
    const done: string[] = [];
    tx.run(() => {
      db.prepare('INSERT INTO t VALUES (1)').run();
      tx.afterCommit(() => done.push('outer'));
      tx.run(() => tx.afterCommit(() => done.push('inner')));
      expect(() =>
        tx.run(() => {
          tx.afterCommit(() => done.push('rolled back'));
          throw new Error('undo');
        }),
      ).toThrow('undo');
      expect(done).toEqual([]);
    });
    expect(done).toEqual(['outer', 'inner']);
    expect(() =>
      tx.run(() => {
        tx.afterCommit(() => done.push('never'));
        throw new Error('undo all');
      }),
    ).toThrow();
    tx.afterCommit(() => done.push('now'));
    expect(done).toEqual(['outer', 'inner', 'now']);
    db.close();
  });
});
