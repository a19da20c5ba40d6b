// Migration 1: devices, groups, media, posts, schedules, jobs, job log, proofs.
import type { Migration } from './migration.ts';

export const migration001: Migration = {
  version: 1,
  name: 'init',
  up(db) {
    db.exec(`
      CREATE TABLE devices (
        id TEXT PRIMARY KEY,
        label TEXT NOT NULL,
        added_at INTEGER NOT NULL
      );
      CREATE TABLE device_groups (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE
      );
      CREATE TABLE group_members (
        group_id TEXT NOT NULL REFERENCES device_groups(id) ON DELETE CASCADE,
        device_id TEXT NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
        PRIMARY KEY (group_id, device_id)
      );
      CREATE TABLE media (
        sha256 TEXT PRIMARY KEY,
        mime TEXT NOT NULL,
        byte_size INTEGER NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE posts (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        text TEXT NOT NULL,
        tags TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE TABLE post_images (
        post_id TEXT NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        sha256 TEXT NOT NULL REFERENCES media(sha256),
        PRIMARY KEY (post_id, position)
      );
      CREATE TABLE schedules (
        id TEXT PRIMARY KEY,
        post_id TEXT NOT NULL REFERENCES posts(id),
        flow_id TEXT NOT NULL,
        spec TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        cancelled_at INTEGER
      );
      CREATE TABLE jobs (
        id TEXT PRIMARY KEY,
        schedule_id TEXT NOT NULL REFERENCES schedules(id),
        occurrence TEXT NOT NULL,
        device_id TEXT NOT NULL,
        post_id TEXT NOT NULL REFERENCES posts(id),
        flow_id TEXT NOT NULL,
        state TEXT NOT NULL,
        nominal_at INTEGER NOT NULL,
        planned_at INTEGER NOT NULL,
        due_at INTEGER NOT NULL,
        grace_ms INTEGER NOT NULL,
        plan_note TEXT,
        attempt INTEGER NOT NULL DEFAULT 1,
        max_attempts INTEGER NOT NULL,
        fence INTEGER NOT NULL DEFAULT 0,
        lease_owner TEXT,
        lease_expires_at INTEGER,
        step TEXT,
        reason TEXT,
        updated_at INTEGER NOT NULL,
        UNIQUE (schedule_id, occurrence, device_id)
      );
      CREATE INDEX jobs_due ON jobs(state, due_at);
      CREATE INDEX jobs_device_day ON jobs(device_id, planned_at);
      -- One flow at a time per phone: at most one job per device in an active state.
      CREATE UNIQUE INDEX jobs_one_active_per_device ON jobs(device_id)
        WHERE state IN ('claimed', 'preparing', 'committing', 'verifying');
      CREATE TABLE job_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        job_id TEXT NOT NULL REFERENCES jobs(id),
        at INTEGER NOT NULL,
        from_state TEXT,
        to_state TEXT NOT NULL,
        attempt INTEGER NOT NULL,
        fence INTEGER NOT NULL,
        detail TEXT
      );
      CREATE INDEX job_log_job ON job_log(job_id, id);
      CREATE TABLE job_proofs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        job_id TEXT NOT NULL REFERENCES jobs(id),
        at INTEGER NOT NULL,
        label TEXT NOT NULL,
        sha256 TEXT NOT NULL REFERENCES media(sha256)
      );
      CREATE TABLE fence_counter (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        value INTEGER NOT NULL
      );
      INSERT INTO fence_counter (id, value) VALUES (1, 0);
    `);
  },
};
