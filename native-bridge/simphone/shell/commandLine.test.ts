// The shell's command-line parser: words, quotes, escapes, sequencing, env assignments, redirections, errors.
import { expect, test } from 'vitest';
import { parseCommandLine, quoteArg } from './commandLine.ts';

const steps = (line: string) => {
  const result = parseCommandLine(line);
  if (!result.ok) throw new Error(result.error);
  return result.list.steps;
};

test('the scrcpy start line: CLASSPATH assignment, then argv', () => {
  const [step] = steps('CLASSPATH=/data/local/tmp/scrcpy-server.jar app_process / com.genymobile.scrcpy.Server 3.3.3 scid=1a2b log_level=info');
  expect(step!.command.env).toEqual({ CLASSPATH: '/data/local/tmp/scrcpy-server.jar' });
  expect(step!.command.argv).toEqual(['app_process', '/', 'com.genymobile.scrcpy.Server', '3.3.3', 'scid=1a2b', 'log_level=info']);
});

test('quotes and escapes make one word; assignments after the command are arguments', () => {
  const [step] = steps(`echo 'a b' "c \\"d\\" $e" f\\ g x=1 ''`);
  expect(step!.command.argv).toEqual(['echo', 'a b', 'c "d" $e', 'f g', 'x=1', '']);
  expect(step!.command.env).toEqual({});
});

test('; && || sequence commands with their connectors', () => {
  const list = steps('mkdir -p /sdcard/x && ls /sdcard/x || echo no; echo done');
  expect(list.map((step) => [step.connector, step.command.argv[0]])).toEqual([
    [';', 'mkdir'],
    ['&&', 'ls'],
    ['||', 'echo'],
    [';', 'echo'],
  ]);
  expect(steps('a;;b;').map((step) => step.command.argv[0])).toEqual(['a', 'b']);
});

test('redirections', () => {
  const [step] = steps('screencap -p > /sdcard/s.png 2>/dev/null');
  expect(step!.command.argv).toEqual(['screencap', '-p']);
  expect(step!.command.redirects).toEqual([
    { fd: 1, target: '/sdcard/s.png', append: false },
    { fd: 2, target: '/dev/null', append: false },
  ]);
  expect(steps('echo a >> /f 2>&1')[0]!.command.redirects).toEqual([
    { fd: 1, target: '/f', append: true },
    { fd: 2, target: '&1', append: false },
  ]);
});

test('syntax errors are reported, not thrown', () => {
  expect(parseCommandLine("echo 'open")).toEqual({ ok: false, error: "syntax error: unterminated '" });
  expect(parseCommandLine('&& ls').ok).toBe(false);
  expect(parseCommandLine('ls &&').ok).toBe(false);
  expect(parseCommandLine('ls | grep x').ok).toBe(false);
  expect(parseCommandLine('echo >').ok).toBe(false);
});

test('quoteArg round-trips through the parser', () => {
  for (const arg of ['plain', 'two words', "it's", '', '中文 😀', '$HOME;rm -rf /']) {
    expect(steps(`echo ${quoteArg(arg)}`)[0]!.command.argv[1]).toBe(arg);
  }
});
