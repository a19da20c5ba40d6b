// Posting additions to protocol v1: job events and busy devices decode; malformed posting requests are refused.
import { describe, expect, test } from 'vitest';
import { decodeBoxMessage } from './boxMessages.ts';
import { SocketKind } from './clientMessages.ts';
import { decodeClientMessage } from './decodeClientMessage.ts';

const job = {
  id: 'j1', scheduleId: 's1', occurrence: '2026-11-22T08:00', deviceId: 'sim-1', postId: 'p1', flowId: 'simulated-moments',
  state: 'committing', nominalAt: 1, plannedAt: 2, dueAt: 2, graceMs: 60_000, planNote: null, attempt: 1, maxAttempts: 3,
  step: 'publish', reason: null, updatedAt: 3,
};

describe('posting messages', () => {
  test('a job event and a busy device decode as box messages', () => {
    const event = { type: 'job', job, transition: { at: 3, from: 'preparing', to: 'committing', attempt: 1, detail: null } };
    expect(decodeBoxMessage(JSON.stringify(event))).toEqual(event);
    expect(decodeBoxMessage(JSON.stringify({ ...event, job: { ...job, state: 'posted' } }))).toBeNull();
    const device = {
      id: 'sim-1', serial: 'sim-1', model: 'm', width: 1080, height: 2400, source: 'simulated', simulated: true, state: 'online', reason: null,
      busy: { jobId: 'j1', since: 5 },
    };
    expect(decodeBoxMessage(JSON.stringify({ type: 'device', device, removed: false }))).toMatchObject({ device: { busy: { jobId: 'j1' } } });
    const { busy: _busy, ...older } = device;
    expect(decodeBoxMessage(JSON.stringify({ type: 'device', device: older, removed: false }))).not.toBeNull();
  });

  test('busy and invalid errors carry the job and the field problems', () => {
    const busy = { type: 'response', id: 1, ok: false, error: { code: 'busy', message: 'posting', jobId: 'j1' } };
    expect(decodeBoxMessage(JSON.stringify(busy))).toEqual(busy);
    const invalid = { type: 'response', id: 2, ok: false, error: { code: 'invalid', message: 'x', problems: [{ field: 'devices[0]', message: 'unknown phone' }] } };
    expect(decodeBoxMessage(JSON.stringify(invalid))).toEqual(invalid);
  });

  test.each([
    [{ type: 'createPost', id: 1, post: { title: 't', text: 'x', images: ['not-a-sha'] } }, 'post.images.0'],
    [{ type: 'createPost', id: 1, post: { title: 't', text: 'x', images: [], extra: 1 } }, 'post'],
    [{ type: 'createSchedule', id: 1, schedule: { postId: 'p', time: { kind: 'hourly' } } }, 'schedule.time'],
    [{ type: 'listJobs', id: 1, limit: 10_000 }, 'limit'],
    [{ type: 'listJobs', id: 1, filter: { state: 'posted' } }, 'filter.state'],
    [{ type: 'resolveJob', id: 1, jobId: 'j', outcome: 'maybe', note: 'n' }, 'outcome'],
    [{ type: 'phoneCalendar', id: 1, deviceId: 'sim-1', from: 'today', days: 7 }, 'from'],
    [{ type: 'getJob', id: 1, jobId: '../etc' }, 'jobId'],
  ])('refuses %j naming %s', (message, field) => {
    const decoded = decodeClientMessage(JSON.stringify(message), SocketKind.Control);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.error.message).toContain(field);
  });
});
