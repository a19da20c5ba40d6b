// Parses a shell command line: quotes, escapes, `;` `&&` `||`, leading VAR=value assignments, > >> 2> 2>&1.

export interface Redirect {
  fd: 1 | 2;
  /** A file path, or `&1` / `&2` to join another stream. */
  target: string;
  append: boolean;
}

export interface SimpleCommand {
  env: Record<string, string>;
  argv: string[];
  redirects: Redirect[];
}

export type Connector = ';' | '&&' | '||';

/** A list of commands; each runs after the previous one depending on its connector. */
export interface CommandList {
  steps: { connector: Connector; command: SimpleCommand }[];
}

export type ParseResult = { ok: true; list: CommandList } | { ok: false; error: string };

type Token = { kind: 'word'; text: string; quoted: boolean } | { kind: 'op'; text: string };

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

function tokenize(line: string): Token[] | string {
  const tokens: Token[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (c === ' ' || c === '\t') {
      i += 1;
      continue;
    }
    if (c === '\n' || c === ';') {
      tokens.push({ kind: 'op', text: ';' });
      i += 1;
      continue;
    }
    if (c === '#') break;
    const two = line.slice(i, i + 2);
    const four = line.slice(i, i + 4);
    if (two === '&&' || two === '||') {
      tokens.push({ kind: 'op', text: two });
      i += 2;
      continue;
    }
    if (four === '2>&1' || four === '1>&2') {
      tokens.push({ kind: 'op', text: four });
      i += 4;
      continue;
    }
    if (two === '>>' || two === '2>' || two === '1>') {
      const append = line.slice(i, i + 3) === '2>>' || two === '>>';
      const text = two === '2>' ? (append ? '2>>' : '2>') : append ? '>>' : '>';
      tokens.push({ kind: 'op', text });
      i += text.length + (two === '1>' ? 1 : 0);
      continue;
    }
    if (c === '>') {
      tokens.push({ kind: 'op', text: '>' });
      i += 1;
      continue;
    }
    if (c === '|' || c === '&' || c === '<' || c === '(' || c === ')') {
      return `syntax error: '${c}' is not supported`;
    }
    let text = '';
    let quoted = false;
    while (i < line.length) {
      const ch = line[i]!;
      if (' \t\n;&|<>()'.includes(ch)) break;
      if (ch === "'") {
        const end = line.indexOf("'", i + 1);
        if (end < 0) return "syntax error: unterminated '";
        text += line.slice(i + 1, end);
        quoted = true;
        i = end + 1;
      } else if (ch === '"') {
        i += 1;
        let closed = false;
        while (i < line.length) {
          const inner = line[i]!;
          if (inner === '"') {
            closed = true;
            i += 1;
            break;
          }
          if (inner === '\\' && i + 1 < line.length && '"\\$`'.includes(line[i + 1]!)) {
            text += line[i + 1];
            i += 2;
          } else {
            text += inner;
            i += 1;
          }
        }
        if (!closed) return 'syntax error: unterminated "';
        quoted = true;
      } else if (ch === '\\') {
        if (i + 1 < line.length) text += line[i + 1];
        i += 2;
      } else {
        text += ch;
        i += 1;
      }
    }
    tokens.push({ kind: 'word', text, quoted });
  }
  return tokens;
}

export function parseCommandLine(line: string): ParseResult {
  const tokens = tokenize(line);
  if (typeof tokens === 'string') return { ok: false, error: tokens };
  const steps: CommandList['steps'] = [];
  let connector: Connector = ';';
  let current: SimpleCommand = { env: {}, argv: [], redirects: [] };
  const isEmpty = () => current.argv.length === 0 && Object.keys(current.env).length === 0 && current.redirects.length === 0;
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index]!;
    if (token.kind === 'word') {
      if (current.argv.length === 0 && !token.quoted && ASSIGNMENT.test(token.text)) {
        const eq = token.text.indexOf('=');
        current.env[token.text.slice(0, eq)] = token.text.slice(eq + 1);
      } else {
        current.argv.push(token.text);
      }
      continue;
    }
    if (token.text === '2>&1' || token.text === '1>&2') {
      current.redirects.push({ fd: token.text === '2>&1' ? 2 : 1, target: token.text === '2>&1' ? '&1' : '&2', append: false });
      continue;
    }
    if (token.text.includes('>')) {
      const next = tokens[index + 1];
      if (!next || next.kind !== 'word') return { ok: false, error: `syntax error: missing file after '${token.text}'` };
      index += 1;
      current.redirects.push({ fd: token.text.startsWith('2') ? 2 : 1, target: next.text, append: token.text.endsWith('>>') });
      continue;
    }
    if (isEmpty()) {
      // An empty statement is fine before `;` (e.g. "a;;b"), but `&&`/`||` need a command on their left.
      if (token.text === ';' && connector === ';') continue;
      return { ok: false, error: `syntax error: unexpected '${token.text}'` };
    }
    steps.push({ connector, command: current });
    current = { env: {}, argv: [], redirects: [] };
    connector = token.text as Connector;
  }
  if (isEmpty()) {
    if (connector !== ';') return { ok: false, error: `syntax error: unexpected end after '${connector}'` };
  } else {
    steps.push({ connector, command: current });
  }
  return { ok: true, list: { steps } };
}

/** Quotes one argument so that parseCommandLine gives it back unchanged. */
export function quoteArg(arg: string): string {
  if (arg !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}
