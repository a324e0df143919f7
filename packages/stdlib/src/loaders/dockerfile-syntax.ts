/**
 * Dockerfile line syntax, following moby/buildkit's parser (the one conftest and Trivy embed):
 * command/flag splitting, word splitting that keeps quotes, JSON (exec) form, ENV/LABEL pairs,
 * HEALTHCHECK and ONBUILD. The behaviour — including its quirks — is what policies written for
 * those tools expect, so it is reproduced rather than "improved".
 */

/** A parsed instruction, shaped like buildkit's AST node. */
export interface DfNode {
  /** Instruction name as written (case kept). */
  cmd: string;
  /** The logical line (continuations joined). */
  original: string;
  /** `--flag` words at the start of the arguments; `null` when there are no arguments at all. */
  flags: string[] | null;
  /** Argument values (buildkit's `Next` chain); `null` when empty. */
  args: string[] | null;
  /** Exec (JSON array) form. */
  json: boolean;
  /** ONBUILD's trigger instruction. */
  sub: DfNode | undefined;
  heredocs: Heredoc[];
  startLine: number;
  endLine: number;
  /** Comment lines directly above (conftest emits them). */
  comments: string[];
}

export interface Heredoc {
  name: string;
  chomp: boolean;
  /** Unquoted delimiter: the body is subject to variable expansion. */
  expand: boolean;
  content: string;
}

export class DockerfileSyntaxError {
  constructor(readonly message: string) {}
}

const WHITESPACE = /[\t\v\f\r ]+/;

function isSpace(ch: string): boolean {
  return /\s/.test(ch);
}

/** Splits `CMD --flags… args` (buildkit's splitCommand). */
export function splitCommand(line: string): { cmd: string; flags: string[] | null; args: string } {
  const trimmed = line.trim();
  const m = WHITESPACE.exec(trimmed);
  if (!m) return { cmd: trimmed, flags: null, args: '' };
  const cmd = trimmed.slice(0, m.index);
  const { rest, flags } = extractBuilderFlags(trimmed.slice(m.index + m[0].length));
  return { cmd, flags, args: rest.trim() };
}

/** Leading `--name[=value]` words; quotes and backslashes inside them are resolved. */
export function extractBuilderFlags(line: string): { rest: string; flags: string[] } {
  const flags: string[] = [];
  let pos = 0;
  const n = line.length;
  for (;;) {
    while (pos < n && isSpace(line[pos]!)) pos++;
    if (pos >= n) return { rest: '', flags };
    if (!(line[pos] === '-' && line[pos + 1] === '-')) return { rest: line.slice(pos), flags };
    let word = '';
    let quote = '';
    let blankOK = false;
    for (; pos < n; pos++) {
      const ch = line[pos]!;
      if (quote) {
        if (ch === quote) {
          quote = '';
          continue;
        }
        if (ch === '\\' && pos + 1 < n) {
          word += line[++pos];
          continue;
        }
        if (ch === '\\') continue;
        word += ch;
        continue;
      }
      if (isSpace(ch)) break;
      if (ch === "'" || ch === '"') {
        quote = ch;
        blankOK = true;
        continue;
      }
      if (ch === '\\') {
        if (pos + 1 < n) word += line[++pos];
        continue;
      }
      word += ch;
    }
    if (word === '--') return { rest: line.slice(pos), flags };
    if (blankOK || word.length > 0) flags.push(word);
  }
}

/** buildkit's parseWords: splits on whitespace, keeping quotes and escape tokens in the words. */
export function parseWords(rest: string, escape: string): string[] {
  const words: string[] = [];
  const chars = Array.from(rest);
  let word = '';
  let inWord = false;
  let quote = '';
  let blankOK = false;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (!inWord) {
      if (isSpace(ch)) continue;
      inWord = true;
    }
    if (quote) {
      if (ch === quote) quote = '';
      else if (ch === escape && quote !== "'") {
        if (i + 1 === chars.length) {
          quote = '';
          continue;
        }
        word += ch;
        word += chars[++i]!;
        continue;
      }
      word += ch;
      continue;
    }
    if (isSpace(ch)) {
      if (blankOK || word.length > 0) words.push(word);
      word = '';
      blankOK = false;
      inWord = false;
      continue;
    }
    if (ch === "'" || ch === '"') {
      quote = ch;
      blankOK = true;
    }
    if (ch === escape) {
      if (i + 1 === chars.length) continue;
      word += ch;
      word += chars[++i]!;
      continue;
    }
    word += ch;
  }
  if (inWord && (blankOK || word.length > 0)) words.push(word);
  return words;
}

const NOT_STRING_ARRAY = 'when using JSON array syntax, arrays must be comprised of strings only';

/** Exec form: `undefined` when `rest` is not a JSON array (shell form applies). */
function parseJSON(rest: string): string[] | null | undefined {
  const t = rest.trimStart();
  if (!t.startsWith('[')) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(t);
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed)) return undefined;
  if (!parsed.every((x) => typeof x === 'string')) throw new DockerfileSyntaxError(NOT_STRING_ARRAY);
  return parsed.length === 0 ? null : (parsed as string[]);
}

type Parsed = { args: string[] | null; json: boolean; sub?: DfNode };

function parseMaybeJSON(rest: string): Parsed {
  if (rest === '') return { args: null, json: false };
  const j = parseJSON(rest);
  if (j !== undefined) return { args: j, json: true };
  return { args: [rest], json: false };
}

function parseMaybeJSONToList(rest: string): Parsed {
  const j = parseJSON(rest);
  if (j !== undefined) return { args: j, json: true };
  return parseWhitespaceList(rest);
}

function parseWhitespaceList(rest: string): Parsed {
  if (rest === '') return { args: null, json: false };
  return { args: rest.split(WHITESPACE), json: false };
}

function parseString(rest: string): Parsed {
  return { args: rest === '' ? null : [rest], json: false };
}

/** ENV/LABEL: `k=v …` pairs or the legacy `k v`; flattened to `[key, value, sep]` triples. */
function parseNameVal(rest: string, name: string, escape: string): Parsed {
  const words = parseWords(rest, escape);
  if (words.length === 0) return { args: null, json: false };
  if (!words[0]!.includes('=')) {
    const m = WHITESPACE.exec(rest);
    if (!m) throw new DockerfileSyntaxError(`${name} must have two arguments`);
    return { args: [rest.slice(0, m.index), rest.slice(m.index + m[0].length), ''], json: false };
  }
  const args: string[] = [];
  for (const w of words) {
    const eq = w.indexOf('=');
    if (eq === -1) {
      throw new DockerfileSyntaxError(`Syntax error - can't find = in ${JSON.stringify(w)}. Must be of the form: name=value`);
    }
    args.push(w.slice(0, eq), w.slice(eq + 1), '=');
  }
  return { args, json: false };
}

function parseHealthConfig(rest: string): Parsed {
  const m = /\s/.exec(rest);
  const sep = m ? m.index : rest.length;
  if (sep === 0) return { args: null, json: false };
  const typ = rest.slice(0, sep);
  const cmd = parseMaybeJSON(rest.slice(sep).trimStart());
  return { args: [typ, ...(cmd.args ?? [])], json: cmd.json };
}

/** Builds a node from one logical line (buildkit's newNodeFromLine). */
export function nodeFromLine(line: string, escape: string, comments: string[]): DfNode {
  const { cmd, flags, args } = splitCommand(line);
  let parsed: Parsed;
  switch (cmd.toLowerCase()) {
    case 'add':
    case 'copy':
    case 'volume':
      parsed = parseMaybeJSONToList(args);
      break;
    case 'cmd':
    case 'entrypoint':
    case 'run':
    case 'shell':
      parsed = parseMaybeJSON(args);
      break;
    case 'arg': {
      const words = parseWords(args, escape);
      parsed = { args: words.length ? words : null, json: false };
      break;
    }
    case 'env':
      parsed = parseNameVal(args, 'ENV', escape);
      break;
    case 'label':
      parsed = parseNameVal(args, 'LABEL', escape);
      break;
    case 'expose':
    case 'from':
      parsed = parseWhitespaceList(args);
      break;
    case 'healthcheck':
      parsed = parseHealthConfig(args);
      break;
    case 'maintainer':
    case 'stopsignal':
    case 'user':
    case 'workdir':
      parsed = parseString(args);
      break;
    case 'onbuild':
      parsed = args === '' ? { args: null, json: false } : { args: null, json: false, sub: nodeFromLine(args, escape, []) };
      break;
    default:
      parsed = { args: null, json: false };
  }
  return {
    cmd,
    original: line,
    flags,
    args: parsed.args,
    json: parsed.json,
    sub: parsed.sub,
    heredocs: [],
    startLine: 0,
    endLine: 0,
    comments,
  };
}

const HEREDOC_WORD = /^(\d*)<<(-?)([^<]*)$/;

/** Shell-style words of a line with quotes and escapes kept raw (for heredoc detection). */
function rawShellWords(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let has = false;
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote) {
      word += ch;
      if (ch === quote) quote = '';
      else if (ch === '\\' && quote === '"' && i + 1 < line.length) word += line[++i];
      continue;
    }
    if (isSpace(ch)) {
      if (has) words.push(word);
      word = '';
      has = false;
      continue;
    }
    has = true;
    word += ch;
    if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '\\' && i + 1 < line.length) word += line[++i];
  }
  if (has) words.push(word);
  return words;
}

/** Removes shell quoting from a single word; `undefined` when it is several words. */
function unquoteWord(raw: string): string | undefined {
  let out = '';
  let quote = '';
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!;
    if (quote) {
      if (ch === quote) quote = '';
      else if (ch === '\\' && quote === '"' && i + 1 < raw.length && '"\\$`'.includes(raw[i + 1]!)) out += raw[++i];
      else out += ch;
      continue;
    }
    if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '\\' && i + 1 < raw.length) out += raw[++i];
    else if (isSpace(ch)) return undefined;
    else out += ch;
  }
  return out;
}

export function heredocsFromLine(line: string): Heredoc[] {
  const docs: Heredoc[] = [];
  for (const word of rawShellWords(line)) {
    const m = HEREDOC_WORD.exec(word);
    if (!m || m[3] === '') continue;
    const name = unquoteWord(m[3]!);
    if (name === undefined || name === '') continue;
    docs.push({ name, chomp: m[2] === '-', expand: !/['"]/.test(m[3]!), content: '' });
  }
  return docs;
}

const HEREDOC_INSTRUCTIONS = new Set(['add', 'copy', 'run']);

export function canContainHeredoc(node: DfNode): boolean {
  const target = node.cmd.toLowerCase() === 'onbuild' && node.sub ? node.sub : node;
  return HEREDOC_INSTRUCTIONS.has(target.cmd.toLowerCase()) && !target.json;
}

/** Whether a word is a heredoc redirection such as `<<EOF` or `<<-"EOT"`. */
export function isHeredocWord(word: string): boolean {
  const m = HEREDOC_WORD.exec(word);
  if (!m || m[3] === '') return false;
  const name = unquoteWord(m[3]!);
  return name !== undefined && name !== '';
}
