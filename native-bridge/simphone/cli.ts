// `npm run sim`: starts N simulated phones, prints one line per phone, stops cleanly on SIGINT/SIGTERM.
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { EMULATOR_PORT_RANGE } from './adbd/adbdServer.ts';
import { conflictingPorts, MAX_FARM_SIZE, startSimFarm, type SimFarm, type SimFarmOptions } from './simFarm.ts';

export const USAGE = `usage: npm run sim -- --count N [--base-port P] [--resolutions 720x1600,1080x2400] [--seed S]
                      [--customer-interval-ms MS|0] [--inspect-port PORT] [--scrcpy-version 3.3.3]`;

const DEFAULT_CUSTOMER_INTERVAL_MS = 20_000;

const integer = (name: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `--${name} must be a whole number`)
    .transform(Number)
    .refine((value) => value >= min && value <= max, `--${name} must be between ${min} and ${max}`);

const Args = z.object({
  count: integer('count', 1, MAX_FARM_SIZE),
  'base-port': integer('base-port', 1024, 65535).optional(),
  resolutions: z
    .string()
    .regex(/^\d{2,4}x\d{2,4}(,\d{2,4}x\d{2,4})*$/, '--resolutions must look like 720x1600,1080x2400')
    .transform((text) => text.split(',').map((pair) => pair.split('x').map(Number) as [number, number]))
    .optional(),
  seed: integer('seed', 0, 2 ** 31 - 1).optional(),
  'customer-interval-ms': integer('customer-interval-ms', 0, 86_400_000).optional(),
  'inspect-port': integer('inspect-port', 1024, 65535).optional(),
  'scrcpy-version': z.string().regex(/^\d+\.\d+(\.\d+)?$/, '--scrcpy-version must look like 3.3.3').optional(),
});

export type CliResult = { ok: true; options: SimFarmOptions } | { ok: false; error: string };

/** Turns argv into farm options, or one line saying what is wrong. */
export function parseCliArgs(argv: string[]): CliResult {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        count: { type: 'string' },
        'base-port': { type: 'string' },
        resolutions: { type: 'string' },
        seed: { type: 'string' },
        'customer-interval-ms': { type: 'string' },
        'inspect-port': { type: 'string' },
        'scrcpy-version': { type: 'string' },
        help: { type: 'boolean' },
      },
    }).values;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const unknown = /Unknown option '([^']+)'/.exec(message);
    if (unknown) return { ok: false, error: `unknown option ${unknown[1]} (run with --help for usage)` };
    if (/Unexpected argument/.test(message)) return { ok: false, error: `unexpected argument (run with --help for usage)` };
    return { ok: false, error: message.split('\n')[0]! };
  }
  if (values.help) return { ok: false, error: USAGE };
  if (values.count === undefined) return { ok: false, error: '--count is required' };
  const parsed = Args.safeParse(values);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? 'invalid arguments' };
  const args = parsed.data;
  if (args['base-port'] !== undefined) {
    const last = args['base-port'] + args.count - 1;
    if (last > 65535) return { ok: false, error: `--base-port ${args['base-port']} with --count ${args.count} runs past port 65535` };
    const conflicts = conflictingPorts(args['base-port'], args.count);
    if (conflicts.length > 0) {
      return {
        ok: false,
        error: `ports ${args['base-port']}…${last} overlap ${EMULATOR_PORT_RANGE.first}–${EMULATOR_PORT_RANGE.last}, which the adb server probes for emulators; pick another --base-port`,
      };
    }
  }
  const interval = args['customer-interval-ms'] ?? DEFAULT_CUSTOMER_INTERVAL_MS;
  return {
    ok: true,
    options: {
      count: args.count,
      customerMessageIntervalMs: interval > 0 ? interval : null,
      ...(args['base-port'] !== undefined ? { basePort: args['base-port'] } : {}),
      ...(args.resolutions ? { resolutions: args.resolutions } : {}),
      ...(args.seed !== undefined ? { seed: args.seed } : {}),
      ...(args['inspect-port'] !== undefined ? { inspectPort: args['inspect-port'] } : {}),
      ...(args['scrcpy-version'] ? { scrcpyVersion: args['scrcpy-version'] } : {}),
    },
  };
}

export function phoneLine(farm: SimFarm, position: number): string {
  const phone = farm.phones[position]!;
  return `sim ${phone.index} adb ${phone.address} serial ${phone.identity.serial} model ${phone.identity.model} inspect ${farm.inspectUrl(phone)}`;
}

async function main(): Promise<void> {
  const parsed = parseCliArgs(process.argv.slice(2));
  if (!parsed.ok) {
    process.stderr.write(`sim: ${parsed.error}\n`);
    process.exit(2);
  }
  let farm: SimFarm;
  try {
    farm = await startSimFarm(parsed.options);
  } catch (error) {
    process.stderr.write(`sim: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  }
  farm.phones.forEach((_, position) => process.stdout.write(`${phoneLine(farm, position)}\n`));
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    farm.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`sim: stop failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void main();
