// Argument checking of `npm run sim`: every mistake gives one clear line; good arguments become farm options.
import { expect, test } from 'vitest';
import { parseCliArgs } from './cli.ts';

test('count and base port become farm options with customer traffic on by default', () => {
  expect(parseCliArgs(['--count', '3', '--base-port', '7001'])).toEqual({
    ok: true,
    options: { count: 3, basePort: 7001, customerMessageIntervalMs: 20_000 },
  });
  expect(parseCliArgs(['--count', '1', '--customer-interval-ms', '0', '--resolutions', '720x1600,1080x2400', '--seed', '9'])).toEqual({
    ok: true,
    options: { count: 1, customerMessageIntervalMs: null, resolutions: [[720, 1600], [1080, 2400]], seed: 9 },
  });
});

test.each([
  [[], '--count is required'],
  [['--count', 'many'], '--count must be a whole number'],
  [['--count', '0'], '--count must be between 1 and 512'],
  [['--count', '2', '--base-port', '80'], '--base-port must be between 1024 and 65535'],
  [['--count', '40', '--base-port', '5540'], 'ports 5540…5579 overlap 5555–5585, which the adb server probes for emulators; pick another --base-port'],
  [['--count', '10', '--base-port', '65530'], '--base-port 65530 with --count 10 runs past port 65535'],
  [['--count', '1', '--resolutions', 'big'], '--resolutions must look like 720x1600,1080x2400'],
  [['--count', '1', '--colour', 'red'], 'unknown option --colour (run with --help for usage)'],
  [['--count'], "Option '--count <value>' argument missing"],
])('%j → %s', (argv, message) => {
  const result = parseCliArgs(argv as string[]);
  expect(result.ok).toBe(false);
  if (!result.ok) {
    expect(result.error).toBe(message);
    expect(result.error).not.toContain('\n');
  }
});
