// Tests of the flow interpreter on the fake Moments phone: publish, proofs, timeouts, lost phone, templates, optional steps.
import { createHash } from 'node:crypto';
import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../testing/fakeClock.ts';
import { FakeMomentsPhone } from '../testing/fakeMomentsPhone.ts';
import { FlowInterpreter, FlowStepError, type FlowImage } from './flowInterpreter.ts';
import { loadBuiltinFlow } from './flowLoader.ts';
import { parseFlow } from './flowSchema.ts';

function image(seed: number): FlowImage {
  const canvas = createCanvas(16, 16);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = `rgb(${seed * 40}, 80, 120)`;
  ctx.fillRect(0, 0, 16, 16);
  const bytes = canvas.toBuffer('image/png');
  return { sha256: createHash('sha256').update(bytes).digest('hex'), extension: 'png', read: () => bytes };
}

describe('FlowInterpreter with the built-in simulated-moments flow', () => {
  it('publishes text and three images in order, with proofs, and verification sees it', async () => {
    const phone = new FakeMomentsPhone('p1');
    const images = [image(1), image(2), image(3)];
    const proofs: string[] = [];
    const run = new FlowInterpreter(loadBuiltinFlow('simulated-moments'), phone, { jobId: 'j1', postText: '新品上市，欢迎咨询！🎉', images }, new FakeClock(0), {
      proof: (label, png) => {
        expect(png.subarray(1, 4).toString()).toBe('PNG');
        proofs.push(label);
      },
    });
    expect(await run.isPublished()).toBe(false);
    await run.runPreparation();
    expect(phone.posts).toHaveLength(0);
    await run.runCommit();
    await run.runAfterCommit();
    expect(phone.posts).toEqual([{ text: '新品上市，欢迎咨询！🎉\n#job:j1', imageSha256: images.map((i) => i.sha256), jobId: 'j1' }]);
    expect(phone.publishTaps).toEqual({ j1: 1 });
    expect(await run.isPublished()).toBe(true);
    expect(proofs).toEqual(['verification', 'before publish', 'after publish', 'verification']);
  });

  it('names the step that timed out and never reaches the commit', async () => {
    const phone = new FakeMomentsPhone('p1');
    const flow = loadBuiltinFlow('simulated-moments');
    // The gallery loses the pushed pictures, so the tile cannot be found.
    const run = new FlowInterpreter(flow, phone, { jobId: 'j2', postText: 'x', images: [image(1)] }, new FakeClock(0));
    phone.onOperation = (operation) => {
      if (operation === 'launchApp') phone.gallery.splice(0);
    };
    const error = await run.runPreparation().then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(FlowStepError);
    expect((error as FlowStepError).code).toBe('not_found');
    expect((error as FlowStepError).stepIndex).toBe(7);
    expect(phone.publishTaps).toEqual({});
  });

  it('reports a lost phone as phone_lost', async () => {
    const phone = new FakeMomentsPhone('p1');
    phone.onOperation = (operation, p) => {
      if (operation === 'launchApp') p.online = false;
    };
    const run = new FlowInterpreter(loadBuiltinFlow('simulated-moments'), phone, { jobId: 'j3', postText: 'x', images: [] }, new FakeClock(0));
    await expect(run.runPreparation()).rejects.toMatchObject({ code: 'phone_lost', stepIndex: 2 });
  });

  it('taps by image template and by normalized point', async () => {
    const phone = new FakeMomentsPhone('p1');
    phone.screen = 'moments';
    const shot = createCanvas(40, 40);
    const ctx = shot.getContext('2d');
    const { loadImage } = await import('@napi-rs/canvas');
    ctx.drawImage(await loadImage(Buffer.from(await phone.screenshot())), -310, -24);
    const template = shot.toBuffer('image/png').toString('base64');
    const parsed = parseFlow({
      version: 1, id: 't', name: 't', templates: { camera: template },
      steps: [
        { action: 'waitFor', condition: { template: 'camera' }, timeoutMs: 1000 },
        { action: 'tap', target: { template: 'camera', threshold: 0.9 }, timeoutMs: 1000 },
        { action: 'assert', condition: { view: { text: '从相册选择' } }, message: 'sheet open', timeoutMs: 1000 },
        { action: 'tap', target: { point: { x: 0.5, y: 0.83 } }, timeoutMs: 1000 },
        { action: 'commit', target: { point: { x: 0.1, y: 0.1 } }, timeoutMs: 1000 },
      ],
      verify: { steps: [], present: { view: { text: 'never' } } },
    });
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    await new FlowInterpreter(parsed.flow, phone, { jobId: 'j', postText: '', images: [] }, new FakeClock(0)).runPreparation();
    expect(phone.screen).toBe('galleryPicker');
  });

  it('skips an optional step that finds nothing, but never swallows a lost phone', async () => {
    const parsed = parseFlow({
      version: 1, id: 't', name: 't',
      steps: [
        { action: 'tap', optional: true, target: { view: { text: 'popup 关闭' } }, timeoutMs: 500 },
        { action: 'launchApp', app: 'com.phonewall.chat', timeoutMs: 500 },
        { action: 'commit', target: { view: { text: '发现' } }, timeoutMs: 500 },
      ],
      verify: { steps: [], present: { view: { text: 'x' } } },
    });
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const phone = new FakeMomentsPhone('p1');
    await new FlowInterpreter(parsed.flow, phone, { jobId: 'j', postText: '', images: [] }, new FakeClock(0)).runPreparation();
    expect(phone.screen).toBe('chatList');
    const lost = new FakeMomentsPhone('p2');
    lost.online = false;
    await expect(new FlowInterpreter(parsed.flow, lost, { jobId: 'j', postText: '', images: [] }, new FakeClock(0)).runPreparation()).rejects.toMatchObject({ code: 'phone_lost', stepIndex: 0 });
  });
});
