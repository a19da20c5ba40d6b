// Loads flow files (built-in or the operator's) from disk and validates them.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseFlow, type Flow } from './flowSchema.ts';

export class FlowFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`Flow ${file} is invalid: ${problems.join('; ')}`);
    this.name = 'FlowFileError';
  }
}

export function loadFlowFile(file: string): Flow {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new FlowFileError(file, [`cannot be read (${(error as Error).message})`]);
  }
  const parsed = parseFlow(text);
  if (!parsed.ok) throw new FlowFileError(file, parsed.errors);
  return parsed.flow;
}

export const builtinFlowIds = ['simulated-moments'] as const;
export type BuiltinFlowId = (typeof builtinFlowIds)[number];

export function builtinFlowPath(id: BuiltinFlowId): string {
  return fileURLToPath(new URL(`./builtin/${id}.json`, import.meta.url));
}

export function loadBuiltinFlow(id: BuiltinFlowId): Flow {
  return loadFlowFile(builtinFlowPath(id));
}

export function exampleFlowPath(name: 'wechat-moments'): string {
  return fileURLToPath(new URL(`./examples/${name}.json`, import.meta.url));
}
