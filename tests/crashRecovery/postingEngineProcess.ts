// Child process for the killed-engine test: runs the posting engine on a data folder with fake phones whose publishes
// are appended (fsynced) to per-phone files, so they survive the box being killed with SIGKILL.
import { appendFileSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { FakeMomentsPhone, type FakePost } from '../../native-bridge/testing/fakeMomentsPhone.ts';
import { loadBuiltinFlow } from '../../native-bridge/flows/flowLoader.ts';
import { systemClock } from '../../native-bridge/base/clock.ts';
import { PostingEngine } from '../../native-bridge/posting/postingEngine.ts';
import { openDatabase } from '../../native-bridge/store/database.ts';

const [dataDir, phoneDir, phoneCountText] = process.argv.slice(2);
if (!dataDir || !phoneDir || !phoneCountText) throw new Error('usage: postingEngineProcess <dataDir> <phoneDir> <phoneCount>');

export function phoneLogPath(dir: string, deviceId: string): string {
  return join(dir, `${deviceId}.jsonl`);
}

const phones = new Map<string, FakeMomentsPhone>();
for (let i = 0; i < Number(phoneCountText); i++) {
  const deviceId = `phone-${String(i).padStart(2, '0')}`;
  const phone = new FakeMomentsPhone(deviceId);
  const log = phoneLogPath(phoneDir, deviceId);
  // The phone outlives the box: what it published before stays in its feed.
  if (existsSync(log)) {
    for (const line of readFileSync(log, 'utf8').split('\n').filter(Boolean)) {
      const post = JSON.parse(line) as FakePost;
      phone.posts.unshift(post);
      phone.publishTaps[post.jobId ?? ''] = (phone.publishTaps[post.jobId ?? ''] ?? 0) + 1;
    }
  }
  phone.onPublish = (post) => {
    const fd = openSync(log, 'a');
    try {
      writeSync(fd, `${JSON.stringify(post)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  };
  phones.set(deviceId, phone);
}

const flow = loadBuiltinFlow('simulated-moments');
mkdirSync(dataDir, { recursive: true });
const engine = PostingEngine.open({
  db: openDatabase(join(dataDir, 'box.db')),
  dataDir,
  zone: 'Asia/Shanghai',
  clock: systemClock(),
  phoneFor: (id) => phones.get(id) ?? null,
  flows: new Map([[flow.id, flow]]),
  tickMs: 20,
  maxConcurrent: 10,
  retry: { baseMs: 20, maxMs: 200 },
  phoneCooldownMs: 0,
});
appendFileSync(join(phoneDir, 'starts.log'), `${JSON.stringify(engine.recovery)}\n`);
engine.start();
const poll = setInterval(() => {
  const open = engine.jobs.list().filter((job) => !['done', 'failed', 'missed', 'cancelled'].includes(job.state));
  if (open.length === 0) {
    clearInterval(poll);
    void engine.stop().then(() => {
      process.stdout.write('ALL_SETTLED\n');
      process.exit(0);
    });
  }
}, 50);
