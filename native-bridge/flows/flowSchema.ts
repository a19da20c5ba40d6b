// The flow file format (version 1): steps as data, validated with errors naming the step index and field.
import { z } from 'zod';
import { fieldPath } from '../base/fieldProblems.ts';

const positiveInt = (what = 'a positive integer') => z.number({ error: `expected ${what}` }).int(`expected ${what}`).positive(`expected ${what}`);
const unit = z.number({ error: 'expected a number from 0 to 1' }).min(0, 'expected a number from 0 to 1').max(1, 'expected a number from 0 to 1');
const nonEmpty = z.string({ error: 'expected text' }).min(1, 'expected non-empty text');

/** A view in the UI dump, matched by text, resource id and/or content description (`{{…}}` variables allowed). */
export const viewSelectorSchema = z
  .object({
    text: nonEmpty.optional(),
    id: nonEmpty.optional(),
    description: nonEmpty.optional(),
    /** false: the view's value only has to contain the wanted text. */
    exact: z.boolean().default(true),
    /** Which match to take when several views match, in dump order. */
    index: z.number().int().min(0).default(0),
  })
  .strict()
  .refine((s) => s.text !== undefined || s.id !== undefined || s.description !== undefined, 'give text, id or description');

export const targetSchema = z.union(
  [
    z.object({ view: viewSelectorSchema }).strict(),
    z.object({ template: nonEmpty, threshold: unit.default(0.8) }).strict(),
    z.object({ point: z.object({ x: unit, y: unit }).strict() }).strict(),
  ],
  { error: 'expected {view: {...}}, {template: name} or {point: {x, y}} (x, y from 0 to 1)' },
);

export const conditionSchema = z.union(
  [
    z.object({ view: viewSelectorSchema, present: z.boolean().default(true) }).strict(),
    z.object({ template: nonEmpty, threshold: unit.default(0.8), present: z.boolean().default(true) }).strict(),
    z.object({ stable: z.object({ samples: positiveInt().default(2), intervalMs: positiveInt().default(300) }).strict() }).strict(),
  ],
  { error: 'expected {view: {...}}, {template: name} or {stable: {...}}' },
);

const base = {
  timeoutMs: positiveInt(),
  name: z.string().optional(),
  /** Run the step only when the post has images (or none). */
  when: z.enum(['hasImages', 'noImages']).optional(),
  /** A step that may find nothing to do (a tab already open, a popup that did not show): its timeout is not a failure. */
  optional: z.boolean().default(false),
};

export const stepSchema = z.discriminatedUnion(
  'action',
  [
    z.object({ action: z.literal('pushMedia'), ...base, dir: nonEmpty.default('/sdcard/DCIM/PhoneWall') }).strict(),
    z.object({ action: z.literal('mediaScan'), ...base }).strict(),
    z.object({ action: z.literal('launchApp'), ...base, app: nonEmpty }).strict(),
    z.object({ action: z.literal('tap'), ...base, target: targetSchema, forEachImage: z.boolean().default(false) }).strict(),
    z.object({ action: z.literal('waitFor'), ...base, condition: conditionSchema }).strict(),
    z.object({ action: z.literal('pasteText'), ...base, text: nonEmpty }).strict(),
    z.object({ action: z.literal('key'), ...base, key: z.enum(['BACK', 'HOME', 'ENTER', 'DEL', 'APP_SWITCH']) }).strict(),
    z.object({ action: z.literal('swipe'), ...base, from: z.object({ x: unit, y: unit }).strict(), to: z.object({ x: unit, y: unit }).strict(), durationMs: positiveInt().default(300) }).strict(),
    z.object({ action: z.literal('screenshot'), ...base, label: nonEmpty }).strict(),
    z.object({ action: z.literal('assert'), ...base, condition: conditionSchema, message: nonEmpty }).strict(),
    z.object({ action: z.literal('commit'), ...base, target: targetSchema }).strict(),
  ],
  { error: 'expected action to be one of pushMedia, mediaScan, launchApp, tap, waitFor, pasteText, key, swipe, screenshot, assert, commit' },
);

export const flowSchema = z
  .object({
    version: z.literal(1, { error: 'expected 1 (the only flow format version this box knows)' }),
    id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'expected a lowercase id (letters, digits, . _ -)'),
    name: nonEmpty,
    description: z.string().optional(),
    /** Image templates by name: base64 PNG cut from a screenshot of the target phone. */
    templates: z.record(z.string(), z.string().min(1)).default({}),
    steps: z.array(stepSchema).min(1, 'a flow needs steps'),
    verify: z
      .object({
        /** Navigation to where the published post can be seen (no commit step here). */
        steps: z.array(stepSchema),
        /** True on the phone when the post is there. */
        present: conditionSchema,
        /** How long to look for `present` before concluding the post is not there. */
        timeoutMs: positiveInt().default(10_000),
      })
      .strict(),
  })
  .strict()
  .superRefine((flow, ctx) => {
    const commits = flow.steps.flatMap((step, index) => (step.action === 'commit' ? [index] : []));
    if (commits.length !== 1) ctx.addIssue({ code: 'custom', path: ['steps'], message: `expected exactly one commit step (the irreversible tap), found ${commits.length}` });
    flow.verify.steps.forEach((step, index) => {
      if (step.action === 'commit') ctx.addIssue({ code: 'custom', path: ['verify', 'steps', index, 'action'], message: 'verification must never commit' });
    });
    flow.steps.forEach((step, index) => {
      if (step.action === 'commit' && step.optional) ctx.addIssue({ code: 'custom', path: ['steps', index, 'optional'], message: 'the commit step cannot be optional' });
    });
    const templateNames = new Set(Object.keys(flow.templates));
    const checkTemplate = (value: unknown, path: (string | number)[]) => {
      if (value && typeof value === 'object' && 'template' in value && typeof value.template === 'string' && !templateNames.has(value.template)) {
        ctx.addIssue({ code: 'custom', path, message: `unknown template "${value.template}": add it under templates` });
      }
    };
    flow.steps.forEach((step, index) => {
      if ('target' in step) checkTemplate(step.target, ['steps', index, 'target']);
      if ('condition' in step) checkTemplate(step.condition, ['steps', index, 'condition']);
    });
  });

export type Flow = z.infer<typeof flowSchema>;
export type FlowStep = z.infer<typeof stepSchema>;
export type FlowTarget = z.infer<typeof targetSchema>;
export type FlowCondition = z.infer<typeof conditionSchema>;
export type ViewSelector = z.infer<typeof viewSelectorSchema>;

export type FlowParseResult = { ok: true; flow: Flow } | { ok: false; errors: string[] };

function formatPath(path: readonly PropertyKey[]): string {
  return fieldPath(path, '(flow)');
}

/** Parses a flow from JSON text or a value; errors read like `steps[3].timeoutMs: expected a positive integer`. */
export function parseFlow(input: unknown): FlowParseResult {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (error) {
      return { ok: false, errors: [`(flow): not valid JSON (${(error as Error).message})`] };
    }
  }
  const parsed = flowSchema.safeParse(value);
  if (parsed.success) return { ok: true, flow: parsed.data };
  return { ok: false, errors: parsed.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`) };
}
