// Tests of flow validation: the shipped flows pass, every invalid flow names its step and field.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinFlowPath, exampleFlowPath } from './flowLoader.ts';
import { parseFlow } from './flowSchema.ts';

const minimal = () => ({
  version: 1,
  id: 'x',
  name: 'x',
  steps: [
    { action: 'launchApp', app: 'a', timeoutMs: 1000 },
    { action: 'commit', target: { view: { text: '发表' } }, timeoutMs: 1000 },
  ] as Record<string, unknown>[],
  verify: { steps: [] as Record<string, unknown>[], present: { view: { text: 'x' } } },
});

describe('parseFlow', () => {
  it('accepts the built-in and the example flow files', () => {
    for (const path of [builtinFlowPath('simulated-moments'), exampleFlowPath('wechat-moments')]) {
      const parsed = parseFlow(readFileSync(path, 'utf8'));
      expect(parsed.ok ? [] : parsed.errors).toEqual([]);
    }
  });

  it('names the step index and field of an invalid timeout', () => {
    const flow = minimal();
    flow.steps.splice(1, 0, { action: 'tap', target: { view: { text: 'a' } }, timeoutMs: 1 }, { action: 'key', key: 'BACK', timeoutMs: 1 }, { action: 'waitFor', condition: { view: { text: 'b' } }, timeoutMs: -5 });
    expect(parseFlow(flow)).toEqual({ ok: false, errors: ['steps[3].timeoutMs: expected a positive integer'] });
  });

  it('rejects unknown actions, missing or double commits, commits in verify, unknown templates, bad JSON and versions', () => {
    const unknown = minimal();
    unknown.steps[0] = { action: 'hack', timeoutMs: 1 };
    expect(parseFlow(unknown)).toMatchObject({ ok: false, errors: [expect.stringMatching(/^steps\[0\]\.action: expected action to be one of/)] });
    const none = minimal();
    none.steps.pop();
    expect(parseFlow(none)).toMatchObject({ ok: false, errors: ['steps: expected exactly one commit step (the irreversible tap), found 0'] });
    const two = minimal();
    two.steps.push(two.steps[1]!);
    expect(parseFlow(two)).toMatchObject({ ok: false, errors: ['steps: expected exactly one commit step (the irreversible tap), found 2'] });
    const verifyCommit = minimal();
    verifyCommit.verify.steps.push(verifyCommit.steps[1]!);
    expect(parseFlow(verifyCommit)).toMatchObject({ ok: false, errors: ['verify.steps[0].action: verification must never commit'] });
    const template = minimal();
    template.steps[0] = { action: 'tap', target: { template: 'cam' }, timeoutMs: 1 };
    expect(parseFlow(template)).toMatchObject({ ok: false, errors: ['steps[0].target: unknown template "cam": add it under templates'] });
    expect(parseFlow('{ nope')).toMatchObject({ ok: false, errors: [expect.stringMatching(/^\(flow\): not valid JSON/)] });
    expect(parseFlow({ ...minimal(), version: 2 })).toMatchObject({ ok: false, errors: [expect.stringMatching(/^version: expected 1/)] });
    const optionalCommit = minimal();
    optionalCommit.steps[1] = { ...optionalCommit.steps[1], optional: true };
    expect(parseFlow(optionalCommit)).toMatchObject({ ok: false, errors: ['steps[1].optional: the commit step cannot be optional'] });
    const point = minimal();
    point.steps[1] = { action: 'commit', target: { point: { x: 1.5, y: 0 } }, timeoutMs: 1 };
    expect(parseFlow(point)).toMatchObject({ ok: false, errors: ['steps[1].target.point.x: expected a number from 0 to 1'] });
  });
});
