// The posting slice and its selectors: live job events, filters, counts, search, the posting box.
import { describe, expect, it } from 'vitest';
import type { DeviceInfo } from '../../../../native-bridge/protocol/boxMessages.ts';
import type { JobTransition, WireJob, WirePost } from '../../../../native-bridge/protocol/postingMessages.ts';
import { createConsoleStore } from '../../shared/state/coreState.ts';
import { postingFeature } from './postingFeature.ts';
import { phoneLabel, selectBoxPhones, selectPostingCanWrite, selectBusyJobId, selectFilteredPosts, selectJobCounts, selectJobScheduleIds, selectPostingBox, selectSelectedJob, selectVisibleJobs } from './postingSelectors.ts';
import type { PostingSlice } from './postingSlice.ts';

const job = (id: string, patch: Partial<WireJob> = {}): WireJob => ({
  id, scheduleId: 's1', occurrence: '2026-11-22T08:00', deviceId: 'sim-1', postId: 'p1', flowId: 'simulated-moments', state: 'scheduled',
  nominalAt: 1000, plannedAt: 1000, dueAt: 1000, graceMs: 60_000, planNote: null, attempt: 0, maxAttempts: 3, step: null, reason: null, updatedAt: 1, ...patch,
});
const post = (id: string, patch: Partial<WirePost> = {}): WirePost => ({ id, title: id, text: '', images: [], tags: [], createdAt: 1, updatedAt: 1, ...patch });
const transition = (to: WireJob['state'], at: number): JobTransition => ({ at, from: null, to, attempt: 1, detail: null });
const device = (id: string, patch: Partial<DeviceInfo> = {}): DeviceInfo => ({
  id, serial: id, model: `Phone ${id}`, width: 720, height: 1600, source: 'simulated', simulated: true, state: 'online', reason: null, ...patch,
});

const postingStore = () => createConsoleStore<PostingSlice>([postingFeature]);

describe('posting slice', () => {
  it('a live job event replaces an older copy and is kept in the live log; an older list answer does not undo it', () => {
    const store = postingStore();
    store.getState().setJobs([job('j1', { updatedAt: 5 })]);
    store.getState().applyJobEvent(job('j1', { state: 'preparing', updatedAt: 9 }), transition('preparing', 9));
    store.getState().setJobs([job('j1', { state: 'claimed', updatedAt: 7 })]);
    expect(store.getState().jobs.j1?.state).toBe('preparing');
    expect(store.getState().liveLog.j1?.map((entry) => entry.to)).toEqual(['preparing']);
    store.getState().applyJobEvent(job('j1', { state: 'done', updatedAt: 12 }), transition('done', 12));
    expect(store.getState().jobs.j1?.state).toBe('done');
    expect(store.getState().liveLog.j1).toHaveLength(2);
  });

  it('filters jobs by state, phone and schedule and counts states without the state filter', () => {
    const store = postingStore();
    store.getState().setJobs([
      job('a', { state: 'done', plannedAt: 3 }),
      job('b', { state: 'failed', plannedAt: 1, deviceId: 'sim-2' }),
      job('c', { state: 'done', plannedAt: 2, scheduleId: 's2' }),
      job('d', { state: 'needs_check', plannedAt: 4 }),
    ]);
    expect(selectVisibleJobs(store.getState()).map((j) => j.id)).toEqual(['b', 'c', 'a', 'd']);
    store.getState().setJobFilter({ state: 'done' });
    expect(selectVisibleJobs(store.getState()).map((j) => j.id)).toEqual(['c', 'a']);
    store.getState().setJobFilter({ scheduleId: 's1' });
    expect(selectVisibleJobs(store.getState()).map((j) => j.id)).toEqual(['a']);
    const counts = selectJobCounts(store.getState());
    expect(counts.done).toBe(1);
    expect(counts.failed).toBe(1);
    expect(counts.needs_check).toBe(1);
    expect(counts.scheduled).toBe(0);
    store.getState().setJobFilter({ state: null, scheduleId: null, deviceId: 'sim-2' });
    expect(selectVisibleJobs(store.getState()).map((j) => j.id)).toEqual(['b']);
    expect(selectJobScheduleIds(store.getState())).toEqual(['s1', 's2']);
    store.getState().selectJob('d');
    expect(selectSelectedJob(store.getState())?.state).toBe('needs_check');
  });

  it('searches posts by title, text or tag, newest edit first, and removes deleted ones', () => {
    const store = postingStore();
    store.getState().setPosts([post('p1', { title: '双十一预告', updatedAt: 2 }), post('p2', { title: 'New arrivals', tags: ['促销'], updatedAt: 5 }), post('p3', { text: '欢迎咨询 🎉', updatedAt: 3 })]);
    expect(selectFilteredPosts(store.getState()).map((p) => p.id)).toEqual(['p2', 'p3', 'p1']);
    store.getState().setPostSearch(' 促销 ');
    expect(selectFilteredPosts(store.getState()).map((p) => p.id)).toEqual(['p2']);
    store.getState().setPostSearch('ARRIVALS');
    expect(selectFilteredPosts(store.getState()).map((p) => p.id)).toEqual(['p2']);
    store.getState().setPostSearch('🎉');
    expect(selectFilteredPosts(store.getState()).map((p) => p.id)).toEqual(['p3']);
    store.getState().removePost('p3');
    expect(selectFilteredPosts(store.getState())).toEqual([]);
  });

  it('works on the chosen box, else the first online one; switching boxes forgets the old posts and jobs', () => {
    const store = postingStore();
    const s = store.getState();
    s.addBox({ id: 'b1', name: 'one', url: 'http://127.0.0.1:1', embedded: true });
    s.addBox({ id: 'b2', name: 'two', url: 'http://127.0.0.1:2', embedded: false });
    expect(selectPostingBox(store.getState())?.id).toBe('b1');
    s.setBoxState('b2', { state: 'online' });
    expect(selectPostingBox(store.getState())?.id).toBe('b2');
    expect(selectPostingCanWrite(store.getState())).toBe(true);
    s.setBoxState('b2', { role: 'viewer' });
    expect(selectPostingCanWrite(store.getState())).toBe(false);
    s.setJobs([job('j1')]);
    s.setPostingBox('b1');
    expect(selectPostingBox(store.getState())?.id).toBe('b1');
    expect(store.getState().jobs).toEqual({});
  });

  it('lists a box\'s phones by name and tells which phone runs a posting job', () => {
    const store = postingStore();
    store.getState().addBox({ id: 'b1', name: 'one', url: 'http://127.0.0.1:1', embedded: true });
    store.getState().setBoxDevices('b1', [device('sim-10'), device('sim-2', { busy: { jobId: 'j7', since: 5 } })]);
    expect(selectBoxPhones(store.getState(), 'b1').map((d) => d.id)).toEqual(['sim-2', 'sim-10']);
    expect(selectBoxPhones(store.getState(), null)).toEqual([]);
    expect(selectBusyJobId(store.getState(), 'b1/sim-2')).toBe('j7');
    expect(selectBusyJobId(store.getState(), 'b1/sim-10')).toBeNull();
    const phones = selectBoxPhones(store.getState(), 'b1');
    expect(phoneLabel(phones, 'sim-2')).toBe('Phone sim-2 · sim-2');
    expect(phoneLabel(phones, 'gone-1')).toBe('gone-1');
  });

  it('opening the schedule for a post switches the view and remembers the post', () => {
    const store = postingStore();
    expect(store.getState().view).toBe('wall');
    store.getState().scheduleFor('p9');
    expect(store.getState().view).toBe('schedule');
    expect(store.getState().schedulePostId).toBe('p9');
  });
});
