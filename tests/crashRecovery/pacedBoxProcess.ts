// Child process for the killed-box test: the box's own command line, with posting paced for a test run.
import { pathToFileURL } from 'node:url';
import { readyLine, startBox } from '../../native-bridge/box.ts';
import { parseBoxArgs } from '../../native-bridge/boxArgs.ts';

/** Test pacing: a short tick, a short rest between flows on a phone, quick retries before committing. */
const TEST_PACING = { tickMs: 100, phoneCooldownMs: 200, retry: { baseMs: 300, maxMs: 2_000 } } as const;

async function main(argv: string[]): Promise<void> {
  const parsed = parseBoxArgs(argv, process.env);
  if (!parsed.ok) throw new Error(parsed.error);
  if (parsed.action.kind !== 'serve' || parsed.config.posting === false) throw new Error('the paced box serves with posting on');
  const posting = { ...parsed.config.posting, ...TEST_PACING };
  const box = await startBox({ ...parsed.config, posting, log: (line) => console.log(line) });
  console.log(readyLine(box));
  const stop = () => void box.stop().then(() => process.exit(0), () => process.exit(1));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(`paced box: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  });
}
