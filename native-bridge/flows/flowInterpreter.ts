// Runs a flow's steps against a PhonePort: preparation, the one commit tap, after-commit steps and verification.
import type { Clock } from '../base/clock.ts';
import type { Flow, FlowCondition, FlowStep, FlowTarget, ViewSelector } from './flowSchema.ts';
import { messageOf } from '../base/boxError.ts';
import { AndroidKey, isPhoneLost, type PhonePort } from './phonePort.ts';
import { locateTemplate } from './templateMatch.ts';
import { findView, parseUiDump, viewCenter } from './uiDump.ts';

export interface FlowImage {
  sha256: string;
  extension: string;
  read(): Uint8Array;
}

export interface FlowJobContext {
  jobId: string;
  postText: string;
  images: readonly FlowImage[];
}

export type FlowPhase = 'prepare' | 'commit' | 'after' | 'verify';

export interface FlowHooks {
  /** Runs before every step (lease renewal); throwing stops the flow. */
  beforeStep?(phase: FlowPhase, index: number, step: FlowStep): Promise<void> | void;
  /** A proof screenshot to keep with the job. */
  proof?(label: string, png: Uint8Array): Promise<void> | void;
}

export type FlowErrorCode = 'timeout' | 'not_found' | 'assert_failed' | 'phone_lost' | 'step_failed';

export class FlowStepError extends Error {
  constructor(
    readonly code: FlowErrorCode,
    readonly phase: FlowPhase,
    readonly stepIndex: number,
    readonly action: string,
    message: string,
  ) {
    super(`${phase} step ${stepIndex} (${action}): ${message}`);
    this.name = 'FlowStepError';
  }
}

/** The marker carried in the post text so a feed (and the simulated phone) can tell which job published it. */
export function jobMarker(jobId: string): string {
  return `#job:${jobId}`;
}

type Vars = Record<string, string>;

function fill(template: string, vars: Vars): string {
  return template.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (whole, name: string) => vars[name] ?? whole);
}

export class FlowInterpreter {
  private pushedPaths: string[] = [];
  private readonly commitIndex: number;

  constructor(
    private readonly flow: Flow,
    private readonly phone: PhonePort,
    private readonly job: FlowJobContext,
    private readonly clock: Clock,
    private readonly hooks: FlowHooks = {},
    private readonly pollMs = 250,
  ) {
    this.commitIndex = flow.steps.findIndex((step) => step.action === 'commit');
  }

  async runPreparation(): Promise<void> {
    await this.runList('prepare', this.flow.steps.slice(0, this.commitIndex), 0);
  }

  /** The irreversible tap. Callers write `committing` durably before calling this. */
  async runCommit(): Promise<void> {
    await this.runList('commit', this.flow.steps.slice(this.commitIndex, this.commitIndex + 1), this.commitIndex);
  }

  async runAfterCommit(): Promise<void> {
    await this.runList('after', this.flow.steps.slice(this.commitIndex + 1), this.commitIndex + 1);
  }

  /** Navigates to where the post would show and looks for it; never taps anything irreversible. */
  async isPublished(): Promise<boolean> {
    await this.runList('verify', this.flow.verify.steps, 0);
    const vars = this.vars();
    const deadline = this.clock.now() + this.flow.verify.timeoutMs;
    for (;;) {
      const seen = await this.guard('verify', this.flow.verify.steps.length, 'present', () => this.holds(this.flow.verify.present, vars));
      if (seen) return true;
      if (this.clock.now() >= deadline) return false;
      await this.clock.sleep(this.pollMs);
    }
  }

  private vars(image?: { index: number; fileName: string; path: string }): Vars {
    const vars: Vars = {
      'post.text': this.job.postText,
      'job.id': this.job.jobId,
      'job.marker': jobMarker(this.job.jobId),
      'images.count': String(this.job.images.length),
    };
    if (image) Object.assign(vars, { 'image.index': String(image.index), 'image.fileName': image.fileName, 'image.path': image.path });
    return vars;
  }

  private async runList(phase: FlowPhase, steps: readonly FlowStep[], offset: number): Promise<void> {
    for (const [i, step] of steps.entries()) {
      const index = offset + i;
      if (step.when === 'hasImages' && this.job.images.length === 0) continue;
      if (step.when === 'noImages' && this.job.images.length > 0) continue;
      await this.hooks.beforeStep?.(phase, index, step);
      try {
        await this.guard(phase, index, step.action, () => this.runStep(phase, index, step));
      } catch (error) {
        const skippable = error instanceof FlowStepError && (error.code === 'timeout' || error.code === 'not_found' || error.code === 'assert_failed');
        if (!(step.optional && skippable)) throw error;
      }
    }
  }

  private async guard<T>(phase: FlowPhase, index: number, action: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof FlowStepError) throw error;
      if (isPhoneLost(error)) throw new FlowStepError('phone_lost', phase, index, action, messageOf(error));
      throw new FlowStepError('step_failed', phase, index, action, messageOf(error));
    }
  }

  private fail(code: FlowErrorCode, phase: FlowPhase, index: number, step: FlowStep, message: string): never {
    throw new FlowStepError(code, phase, index, step.action, message);
  }

  private async runStep(phase: FlowPhase, index: number, step: FlowStep): Promise<void> {
    const vars = this.vars();
    switch (step.action) {
      case 'pushMedia': {
        this.pushedPaths = [];
        for (const [i, image] of this.job.images.entries()) {
          const path = `${step.dir}/${this.fileName(i, image)}`;
          await this.phone.pushFile(path, image.read());
          this.pushedPaths.push(path);
        }
        return;
      }
      case 'mediaScan':
        if (this.pushedPaths.length > 0) await this.phone.mediaScan(this.pushedPaths);
        return;
      case 'launchApp':
        await this.phone.launchApp(fill(step.app, vars));
        return;
      case 'tap':
      case 'commit': {
        const rounds = step.action === 'tap' && step.forEachImage
          ? this.job.images.map((image, i) => {
              const fileName = this.fileName(i, image);
              return this.vars({ index: i + 1, fileName, path: this.pushedPaths[i] ?? fileName });
            })
          : [vars];
        for (const round of rounds) {
          const point = await this.locate(step.target, round, step.timeoutMs);
          if (!point) this.fail('not_found', phase, index, step, `target ${describeTarget(step.target, round)} not on screen within ${step.timeoutMs} ms`);
          await this.phone.tap(point.x, point.y);
        }
        return;
      }
      case 'waitFor': {
        const ok = await this.waitUntil(step.timeoutMs, () => this.holds(step.condition, vars));
        if (!ok) this.fail('timeout', phase, index, step, `condition ${describeCondition(step.condition, vars)} not met within ${step.timeoutMs} ms`);
        return;
      }
      case 'assert':
        if (!(await this.holds(step.condition, vars))) this.fail('assert_failed', phase, index, step, fill(step.message, vars));
        return;
      case 'pasteText':
        await this.phone.pasteText(fill(step.text, vars));
        return;
      case 'key':
        await this.phone.key(AndroidKey[step.key]);
        return;
      case 'swipe': {
        const size = await this.phone.screenSize();
        await this.phone.swipe(step.from.x * size.width, step.from.y * size.height, step.to.x * size.width, step.to.y * size.height, step.durationMs);
        return;
      }
      case 'screenshot':
        await this.hooks.proof?.(fill(step.label, vars), await this.phone.screenshot());
        return;
    }
  }

  private fileName(index: number, image: FlowImage): string {
    return `pw_${this.job.jobId}_${index + 1}.${image.extension}`;
  }

  private async waitUntil(timeoutMs: number, check: () => Promise<boolean>): Promise<boolean> {
    const deadline = this.clock.now() + timeoutMs;
    for (;;) {
      if (await check()) return true;
      if (this.clock.now() >= deadline) return false;
      await this.clock.sleep(this.pollMs);
    }
  }

  private async locate(target: FlowTarget, vars: Vars, timeoutMs: number): Promise<{ x: number; y: number } | null> {
    if ('point' in target) {
      const size = await this.phone.screenSize();
      return { x: Math.round(target.point.x * size.width), y: Math.round(target.point.y * size.height) };
    }
    let found: { x: number; y: number } | null = null;
    await this.waitUntil(timeoutMs, async () => {
      if ('view' in target) {
        const view = findView(parseUiDump(await this.phone.uiDump()), selectorQuery(target.view, vars));
        found = view ? viewCenter(view) : null;
      } else {
        const match = await locateTemplate(await this.phone.screenshot(), this.template(target.template));
        found = match && match.score >= target.threshold ? { x: Math.round(match.x), y: Math.round(match.y) } : null;
      }
      return found !== null;
    });
    return found;
  }

  private template(name: string): Uint8Array {
    const encoded = this.flow.templates[name];
    if (encoded === undefined) throw new Error(`unknown template ${name}`);
    return Buffer.from(encoded, 'base64');
  }

  private async holds(condition: FlowCondition, vars: Vars): Promise<boolean> {
    if ('view' in condition) {
      const present = findView(parseUiDump(await this.phone.uiDump()), selectorQuery(condition.view, vars)) !== null;
      return present === condition.present;
    }
    if ('template' in condition) {
      const match = await locateTemplate(await this.phone.screenshot(), this.template(condition.template));
      return (match !== null && match.score >= condition.threshold) === condition.present;
    }
    let previous = Buffer.from(await this.phone.screenshot());
    for (let i = 1; i < condition.stable.samples; i++) {
      await this.clock.sleep(condition.stable.intervalMs);
      const next = Buffer.from(await this.phone.screenshot());
      if (!next.equals(previous)) return false;
      previous = next;
    }
    return true;
  }
}

function selectorQuery(selector: ViewSelector, vars: Vars) {
  return {
    text: selector.text === undefined ? undefined : fill(selector.text, vars),
    id: selector.id === undefined ? undefined : fill(selector.id, vars),
    description: selector.description === undefined ? undefined : fill(selector.description, vars),
    exact: selector.exact,
    index: selector.index,
  };
}

function describeTarget(target: FlowTarget, vars: Vars): string {
  if ('view' in target) return JSON.stringify(selectorQuery(target.view, vars));
  if ('template' in target) return `template "${target.template}"`;
  return `point (${target.point.x}, ${target.point.y})`;
}

function describeCondition(condition: FlowCondition, vars: Vars): string {
  if ('view' in condition) return `${condition.present ? '' : 'no '}view ${JSON.stringify(selectorQuery(condition.view, vars))}`;
  if ('template' in condition) return `${condition.present ? '' : 'no '}template "${condition.template}"`;
  return 'screen stable';
}
