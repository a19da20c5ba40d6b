import { describe, expect, it } from 'vitest';
import type { Adb } from '@yume-chan/adb';
import type { ScrcpyControlMessageWriter } from '@yume-chan/scrcpy';
import { SessionManager } from './sessionManager.ts';
import type { ScrcpySessionHandle, ScrcpySessionOptions } from './scrcpySession.ts';
import { defaultStreamProfiles } from './streamProfile.ts';

async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Fake phone-side sessions: each publishes a config, can be killed, and counts how many run at once. */
function fakeSessions() {
  const live = { grid: 0, focus: 0 } as Record<string, number>;
  const maxLive = { grid: 0, focus: 0 } as Record<string, number>;
  const kills: (() => void)[] = [];
  const profileOf = (options: ScrcpySessionOptions) => options.stream.profile;
  const start = async (options: ScrcpySessionOptions): Promise<ScrcpySessionHandle> => {
    const profile = profileOf(options);
    live[profile] = (live[profile] ?? 0) + 1;
    maxLive[profile] = Math.max(maxLive[profile] ?? 0, live[profile] ?? 0);
    let end!: (reason: string | null) => void;
    const ended = new Promise<string | null>((resolve) => (end = resolve)).then((reason) => {
      live[profile] = (live[profile] ?? 1) - 1;
      return reason;
    });
    kills.push(() => end('killed'));
    setTimeout(() => options.stream.publish({ type: 'config', data: new Uint8Array([1]), width: 216, height: 480 }), 5);
    return {
      scid: options.scid,
      controller: {} as ScrcpyControlMessageWriter,
      ended,
      stop: async () => {
        end(null);
        await ended;
      },
    };
  };
  return { start, live, maxLive, killAll: () => kills.splice(0).forEach((kill) => kill()) };
}

function manager(fake: ReturnType<typeof fakeSessions>, graceMs = 50) {
  const problems: (string | null)[] = [];
  const sessions = new SessionManager({
    deviceId: 'phone',
    profiles: defaultStreamProfiles,
    graceMs,
    log: () => {},
    onProblem: (reason) => problems.push(reason),
    onClipboard: () => {},
    startSession: fake.start,
  });
  sessions.attach({} as Adb, '/tmp/jar');
  return { sessions, problems };
}

describe('SessionManager', () => {
  it('starts one session per profile on demand and stops it after the grace period', async () => {
    const fake = fakeSessions();
    const { sessions } = manager(fake);
    const a = sessions.hold('grid');
    const b = sessions.hold('grid');
    await waitFor(() => sessions.isRunning('grid'), 'grid running');
    expect(sessions.startCount('grid')).toBe(1);
    a.release();
    a.release();
    expect(sessions.isRunning('grid')).toBe(true);
    b.release();
    await waitFor(() => !sessions.isRunning('grid'), 'grid stopped after grace');
    expect(fake.maxLive.grid).toBe(1);
    await sessions.stop();
  });

  it('keeps the grid (control) session alive while a focus stream is held', async () => {
    const fake = fakeSessions();
    const { sessions } = manager(fake);
    const focus = sessions.hold('focus');
    await waitFor(() => sessions.isRunning('focus') && sessions.isRunning('grid'), 'both running');
    const size = await sessions.withControl(async (channel) => `${channel.width}x${channel.height}`);
    expect(size).toBe('216x480');
    focus.release();
    await waitFor(() => !sessions.isRunning('focus') && !sessions.isRunning('grid'), 'both stopped');
    await sessions.stop();
  });

  it('restarts a session that dies while held, never running two at once', async () => {
    const fake = fakeSessions();
    const { sessions } = manager(fake);
    const hold = sessions.hold('grid');
    await waitFor(() => sessions.isRunning('grid'), 'grid running');
    for (let round = 2; round <= 3; round++) {
      fake.killAll();
      await waitFor(() => sessions.startCount('grid') === round && sessions.isRunning('grid'), `restart ${round}`);
    }
    expect(fake.maxLive.grid).toBe(1);
    hold.release();
    await sessions.stop();
  });

  it('reports a start failure as a problem and retries with backoff instead of looping', async () => {
    let attempts = 0;
    const { sessions, problems } = manager({
      ...fakeSessions(),
      start: async () => {
        attempts += 1;
        throw new Error('no such file');
      },
    });
    sessions.hold('grid');
    await waitFor(() => attempts >= 2, 'a retry');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(attempts).toBeLessThan(5);
    expect(problems[0]).toMatch(/failed to start: no such file/);
    await sessions.stop();
  });

  it('holds survive a detach and resume on the next attach', async () => {
    const fake = fakeSessions();
    const { sessions } = manager(fake);
    const hold = sessions.hold('grid');
    await waitFor(() => sessions.isRunning('grid'), 'grid running');
    sessions.detach();
    await waitFor(() => !sessions.isRunning('grid'), 'stopped on detach');
    expect(hold.stream.snapshot()).toEqual([]);
    sessions.attach({} as Adb, '/tmp/jar');
    await waitFor(() => sessions.isRunning('grid') && hold.stream.snapshot().length === 1, 'resumed with a new config');
    expect(sessions.startCount('grid')).toBe(2);
    await sessions.stop();
  });
});
