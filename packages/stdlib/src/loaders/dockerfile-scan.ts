import { DockerfileSyntaxError, canContainHeredoc, heredocsFromLine, nodeFromLine, type DfNode } from './dockerfile-syntax.js';

/**
 * Turns Dockerfile text into instruction nodes: parser directives, comments, line continuations
 * (with the active escape character), and heredoc bodies. Mirrors buildkit's `parser.Parse`.
 */
export interface Directives {
  escape: '\\' | '`';
  syntax?: string;
  check?: string;
}

export interface ScanResult {
  nodes: DfNode[];
  directives: Directives;
  error?: { message: string; line: number; endLine: number };
}

const DIRECTIVE = /^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$/;
const VALID_DIRECTIVES = new Set(['escape', 'syntax', 'check']);

class DirectiveState {
  done = false;
  readonly seen = new Set<string>();
  readonly values: Directives = { escape: '\\' };
  continuation = continuationRegex('\\');

  /** Parser directives are only recognised before the first other line. */
  check(line: string): void {
    if (this.done) return;
    const m = DIRECTIVE.exec(line);
    const key = m?.[1]?.toLowerCase();
    if (!m || !key || !VALID_DIRECTIVES.has(key)) {
      this.done = true;
      return;
    }
    if (this.seen.has(key)) throw new DockerfileSyntaxError(`only one ${key} parser directive can be used`);
    this.seen.add(key);
    const value = m[2]!;
    if (key === 'escape') {
      if (value !== '`' && value !== '\\') {
        throw new DockerfileSyntaxError(`invalid escape token '${value}' does not match \` or \\`);
      }
      this.values.escape = value;
      this.continuation = continuationRegex(value);
    } else if (key === 'syntax') {
      this.values.syntax = value;
    } else {
      this.values.check = value;
    }
  }
}

/**
 * A trailing escape character (optionally followed by blanks) continues the line; the
 * character before it is kept, as is everything else, so `Original` keeps inner whitespace.
 */
function continuationRegex(escape: string): RegExp {
  const e = escape === '\\' ? '\\\\' : '`';
  return new RegExp(`([^${e}])${e}[ \\t]*$|^${e}[ \\t]*$`);
}

function trimNewline(s: string): string {
  return s.replace(/[\r\n]+$/, '');
}

function trimLeadingWhitespace(s: string): string {
  return s.replace(/^\s+/, '');
}

function isComment(raw: string): boolean {
  return trimLeadingWhitespace(trimNewline(raw)).startsWith('#');
}

/** Physical lines, each with its own line ending (as buildkit's scanner keeps them). */
function physicalLines(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    out.push(text.slice(start, i + 1));
    start = i + 1;
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

export function scanDockerfile(text: string): ScanResult {
  const d = new DirectiveState();
  const lines = physicalLines(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const nodes: DfNode[] = [];
  let comments: string[] = [];
  let i = 0;
  let startLine = 1;
  const fail = (message: string, line: number, endLine = line): ScanResult => ({
    nodes,
    directives: d.values,
    error: { message, line, endLine },
  });
  try {
    while (i < lines.length) {
      const raw = lines[i]!;
      startLine = i + 1;
      // buildkit drops only the first byte before trimming, so `  # x` is recorded as "# x".
      if (isComment(raw)) comments.push(raw.slice(1).trim());
      const first = processLine(d, raw, true);
      i++;
      let [line, eol] = trimContinuation(first, d.continuation);
      if (eol && line === '') continue;
      while (!eol && i < lines.length) {
        const next = lines[i]!;
        const tok = processLine(d, next, false);
        i++;
        if (isComment(next)) continue;
        if (trimLeadingWhitespace(trimNewline(tok)) === '') continue;
        const [cont, end] = trimContinuation(tok, d.continuation);
        line += cont;
        eol = end;
      }
      const node = nodeFromLine(line, d.values.escape, comments);
      if (canContainHeredoc(node)) {
        for (const doc of heredocsFromLine(line)) {
          let terminated = false;
          while (i < lines.length) {
            const body = lines[i]!;
            i++;
            let candidate = trimNewline(body);
            if (doc.chomp) candidate = candidate.replace(/^\t+/, '');
            if (candidate === doc.name) {
              terminated = true;
              break;
            }
            doc.content += body;
          }
          if (!terminated) return fail(`unterminated heredoc <<${doc.name}`, startLine, i);
          node.heredocs.push(doc);
        }
      }
      node.startLine = startLine;
      node.endLine = i;
      nodes.push(node);
      comments = [];
    }
  } catch (e) {
    if (e instanceof DockerfileSyntaxError) return fail(e.message, startLine, Math.max(startLine, i));
    throw e;
  }
  if (nodes.length === 0) return fail('file with no instructions', Math.max(1, i));
  return { nodes, directives: d.values };
}

function processLine(d: DirectiveState, raw: string, stripLeft: boolean): string {
  let token = trimNewline(raw);
  if (stripLeft) token = trimLeadingWhitespace(token);
  d.check(token);
  return token.startsWith('#') ? '' : token;
}

function trimContinuation(line: string, re: RegExp): [string, boolean] {
  if (re.test(line)) return [line.replace(re, '$1'), false];
  return [line, true];
}
