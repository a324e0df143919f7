/**
 * Parser for the Go text/template language as used by `strings.render_template`: text,
 * `{{pipeline}}` actions, `if`/`else if`/`else`, `range` (with `else`, `break`, `continue`),
 * `with`, variables (`$x := …`, `$x = …`), fields, literals, parenthesised pipelines, function
 * calls, `|` chaining, `{{- -}}` trimming and comment actions. `define`/`template`/`block`
 * are not supported and are reported as parse errors.
 */

export type Operand =
  | { k: 'dot'; fields: string[] }
  | { k: 'field'; fields: string[] }
  | { k: 'var'; name: string; fields: string[] }
  | { k: 'string'; value: string }
  | { k: 'number'; text: string; value: number | bigint; isInt: boolean }
  | { k: 'bool'; value: boolean }
  | { k: 'nil' }
  | { k: 'ident'; name: string }
  | { k: 'pipe'; pipe: Pipeline; fields: string[] };

export interface Command {
  args: Operand[];
}

export interface Pipeline {
  decl: string[];
  /** `:=` declares, `=` assigns. */
  assign: boolean;
  cmds: Command[];
}

export type Node =
  | { k: 'text'; text: string }
  | { k: 'action'; pipe: Pipeline }
  | ControlNode
  | { k: 'break' }
  | { k: 'continue' };

export interface ControlNode {
  k: 'if' | 'with' | 'range';
  pipe: Pipeline;
  list: Node[];
  elseList: Node[] | null;
}

export class TemplateError extends Error {}

const FUNCS = new Set(['and', 'or', 'not', 'len', 'index', 'slice', 'print', 'printf', 'println', 'eq', 'ne', 'lt', 'le', 'gt', 'ge', 'html', 'js', 'urlquery', 'call']);

/** `adj`: no white space before the token (so `.b` in `$x.b` or `(…).b` chains). */
type Tok = { t: 'word' | 'field' | 'var' | 'string' | 'number' | 'char' | 'punct'; v: string; adj?: boolean };

interface Action {
  toks: Tok[];
  line: number;
}

type Item = { text: string } | { action: Action };

const SPACE = /[ \t\r\n]/;

/** Splits the source into text and action items, applying `{{-`/`-}}` trimming. */
function scan(src: string): Item[] {
  const items: Item[] = [];
  let i = 0;
  let trimNext = false;
  while (i <= src.length) {
    const open = src.indexOf('{{', i);
    let text = src.slice(i, open < 0 ? src.length : open);
    if (trimNext) text = text.replace(/^[ \t\r\n]+/, '');
    trimNext = false;
    if (open < 0) {
      if (text) items.push({ text });
      break;
    }
    let j = open + 2;
    if (src[j] === '-' && SPACE.test(src[j + 1] ?? '')) {
      text = text.replace(/[ \t\r\n]+$/, '');
      j += 2;
    }
    if (text) items.push({ text });
    const line = src.slice(0, open).split('\n').length;
    const res = lexAction(src, j, line);
    i = res.end;
    trimNext = res.trimRight;
    if (res.toks) items.push({ action: { toks: res.toks, line } });
  }
  return items;
}

function lexAction(src: string, start: number, line: number): { toks: Tok[] | null; end: number; trimRight: boolean } {
  let i = start;
  while (SPACE.test(src[i] ?? '')) i++;
  if (src.startsWith('/*', i)) {
    const close = src.indexOf('*/', i + 2);
    if (close < 0) throw new TemplateError(`template: template:${line}: unclosed comment`);
    let k = close + 2;
    let trimRight = false;
    if (src.startsWith(' -}}', k)) {
      trimRight = true;
      k += 4;
    } else if (src.startsWith('}}', k)) k += 2;
    else throw new TemplateError(`template: template:${line}: comment ends before closing delimiter`);
    return { toks: null, end: k, trimRight };
  }
  const toks: Tok[] = [];
  for (;;) {
    const c = src[i];
    if (c === undefined) throw new TemplateError(`template: template:${line}: unclosed action`);
    if (SPACE.test(c)) {
      if (src.startsWith('-}}', i + 1) && /[ \t\r\n]/.test(c)) return { toks, end: i + 4, trimRight: true };
      i++;
      continue;
    }
    if (src.startsWith('}}', i)) return { toks, end: i + 2, trimRight: false };
    if (c === '"') {
      let k = i + 1;
      while (k < src.length && src[k] !== '"') {
        if (src[k] === '\\') k++;
        if (src[k] === '\n') throw new TemplateError(`template: template:${line}: unterminated quoted string`);
        k++;
      }
      if (k >= src.length) throw new TemplateError(`template: template:${line}: unterminated quoted string`);
      toks.push({ t: 'string', v: unquote(src.slice(i + 1, k), line) });
      i = k + 1;
    } else if (c === '`') {
      const k = src.indexOf('`', i + 1);
      if (k < 0) throw new TemplateError(`template: template:${line}: unterminated raw quoted string`);
      toks.push({ t: 'string', v: src.slice(i + 1, k) });
      i = k + 1;
    } else if (c === "'") {
      const k = src.indexOf("'", i + 1);
      if (k < 0) throw new TemplateError(`template: template:${line}: unterminated character constant`);
      toks.push({ t: 'char', v: unquote(src.slice(i + 1, k), line) });
      i = k + 1;
    } else if (c === '.' && !/[0-9]/.test(src[i + 1] ?? '')) {
      const m = /^\.[\p{L}_][\p{L}\p{Nd}_]*/u.exec(src.slice(i));
      if (m) {
        toks.push({ t: 'field', v: m[0].slice(1), adj: i > start && !SPACE.test(src[i - 1]) });
        i += m[0].length;
      } else {
        toks.push({ t: 'punct', v: '.' });
        i++;
      }
    } else if (c === '$') {
      const m = /^\$[\p{L}\p{Nd}_]*/u.exec(src.slice(i))!;
      toks.push({ t: 'var', v: m[0] });
      i += m[0].length;
    } else if (/[-+0-9.]/.test(c)) {
      const m = /^[-+]?(0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+|(\d[\d_]*)?\.?\d*([eE][-+]?\d+)?)/.exec(src.slice(i));
      if (!m || m[0] === '' || m[0] === '-' || m[0] === '+') throw new TemplateError(`template: template:${line}: bad number syntax`);
      toks.push({ t: 'number', v: m[0] });
      i += m[0].length;
    } else if (/[\p{L}_]/u.test(c)) {
      const m = /^[\p{L}_][\p{L}\p{Nd}_]*/u.exec(src.slice(i))!;
      toks.push({ t: 'word', v: m[0] });
      i += m[0].length;
    } else if (src.startsWith(':=', i)) {
      toks.push({ t: 'punct', v: ':=' });
      i += 2;
    } else if ('()|,='.includes(c)) {
      toks.push({ t: 'punct', v: c });
      i++;
    } else {
      throw new TemplateError(`template: template:${line}: unexpected ${JSON.stringify(c)} in command`);
    }
  }
}

function unquote(body: string, line: number): string {
  try {
    return JSON.parse('"' + body.replace(/\\x([0-9a-fA-F]{2})/g, '\\u00$1').replace(/\\'/g, "'") + '"') as string;
  } catch {
    throw new TemplateError(`template: template:${line}: invalid syntax`);
  }
}

/** Parses a template source into a node list; throws TemplateError. */
export function parseTemplate(src: string): Node[] {
  const items = scan(src);
  let pos = 0;

  function parseList(inRange: boolean, terminators: string[]): { list: Node[]; end: string; action?: Action } {
    const list: Node[] = [];
    while (pos < items.length) {
      const it = items[pos++];
      if ('text' in it) {
        list.push({ k: 'text', text: it.text });
        continue;
      }
      const a = it.action;
      const head = a.toks[0];
      const word = head && head.t === 'word' ? head.v : '';
      if (terminators.includes(word)) return { list, end: word, action: a };
      if (word === 'if' || word === 'with' || word === 'range') {
        list.push(parseControl(word, a, inRange));
      } else if (word === 'break' || word === 'continue') {
        if (!inRange) throw new TemplateError(`template: template:${a.line}: {{${word}}} outside {{range}}`);
        list.push({ k: word });
      } else if (word === 'end' || word === 'else') {
        throw new TemplateError(`template: template:${a.line}: unexpected {{${word}}}`);
      } else if (word === 'define' || word === 'template' || word === 'block') {
        throw new TemplateError(`template: template:${a.line}: {{${word}}} is not supported`);
      } else {
        if (a.toks.length === 0) throw new TemplateError(`template: template:${a.line}: missing value for command`);
        list.push({ k: 'action', pipe: parsePipeline(a.toks, a.line) });
      }
    }
    if (terminators.length) throw new TemplateError('template: template: unexpected EOF');
    return { list, end: '' };
  }

  /** `outerInRange`: whether `break`/`continue` are allowed outside this node's own body. */
  function parseControl(word: 'if' | 'with' | 'range', a: Action, outerInRange: boolean): Node {
    const pipe = parsePipeline(a.toks.slice(1), a.line);
    const body = parseList(outerInRange || word === 'range', ['end', 'else']);
    let elseList: Node[] | null = null;
    if (body.end === 'else') {
      const rest = body.action!.toks.slice(1);
      if (rest.length > 0 && rest[0].t === 'word' && rest[0].v === word && word !== 'range') {
        // `{{else if …}}` / `{{else with …}}` nest a node that shares this `{{end}}`.
        elseList = [parseControl(word, { toks: rest, line: body.action!.line }, outerInRange)];
      } else {
        if (rest.length > 0) throw new TemplateError(`template: template:${body.action!.line}: unexpected ${rest[0].v} in else`);
        elseList = parseList(outerInRange, ['end']).list;
      }
    }
    return { k: word, pipe, list: body.list, elseList };
  }

  const out = parseList(false, []);
  return out.list;
}

/** Parses the tokens of one action into a pipeline. */
export function parsePipeline(toks: Tok[], line: number): Pipeline {
  let i = 0;
  const decl: string[] = [];
  let assign = false;
  // Declarations: `$x :=`, `$x =`, `$i, $v :=`.
  if (toks[0]?.t === 'var') {
    let k = 0;
    const names: string[] = [];
    while (toks[k]?.t === 'var') {
      names.push(toks[k].v);
      k++;
      if (toks[k]?.v === ',') k++;
      else break;
    }
    if (toks[k]?.v === ':=' || toks[k]?.v === '=') {
      decl.push(...names);
      assign = toks[k].v === '=';
      i = k + 1;
    }
  }
  const cmds: Command[] = [];
  let args: Operand[] = [];
  const end = (): void => {
    if (args.length === 0) throw new TemplateError(`template: template:${line}: missing value for command`);
    cmds.push({ args });
    args = [];
  };
  while (i < toks.length) {
    const t = toks[i];
    if (t.t === 'punct' && t.v === '|') {
      end();
      i++;
      continue;
    }
    const r = parseOperand(toks, i, line);
    args.push(r.op);
    i = r.next;
  }
  if (decl.length === 0 || args.length > 0) end();
  if (cmds.length === 0) throw new TemplateError(`template: template:${line}: missing value for command`);
  return { decl, assign, cmds };
}

function parseOperand(toks: Tok[], i: number, line: number): { op: Operand; next: number } {
  const t = toks[i];
  let op: Operand;
  let next = i + 1;
  switch (t.t) {
    case 'field':
      op = { k: 'field', fields: [t.v] };
      break;
    case 'var':
      op = { k: 'var', name: t.v, fields: [] };
      break;
    case 'string':
      op = { k: 'string', value: t.v };
      break;
    case 'char':
      op = { k: 'number', text: t.v, value: t.v.codePointAt(0) ?? 0, isInt: true };
      break;
    case 'number': {
      const clean = t.v.replace(/_/g, '');
      const isInt = /^[-+]?(0[xXbBoO])?[0-9a-fA-F]+$/.test(clean) && !/^[-+]?\d*\.|[eE]/.test(clean.replace(/^[-+]?0[xX]/, ''));
      let value: number | bigint;
      if (isInt) {
        const neg = clean.startsWith('-');
        const body = clean.replace(/^[-+]/, '');
        const big = /^0[0-7]+$/.test(body) ? BigInt('0o' + body.slice(1)) : BigInt(body);
        value = neg ? -big : big;
      } else value = Number(clean);
      op = { k: 'number', text: t.v, value, isInt };
      break;
    }
    case 'word':
      if (t.v === 'true' || t.v === 'false') op = { k: 'bool', value: t.v === 'true' };
      else if (t.v === 'nil') op = { k: 'nil' };
      else if (FUNCS.has(t.v)) op = { k: 'ident', name: t.v };
      else throw new TemplateError(`template: template:${line}: function "${t.v}" not defined`);
      break;
    case 'punct':
      if (t.v === '.') op = { k: 'dot', fields: [] };
      else if (t.v === '(') {
        let depth = 1;
        let k = i + 1;
        for (; k < toks.length && depth > 0; k++) {
          if (toks[k].v === '(' && toks[k].t === 'punct') depth++;
          else if (toks[k].v === ')' && toks[k].t === 'punct') depth--;
        }
        if (depth !== 0) throw new TemplateError(`template: template:${line}: unclosed left paren`);
        op = { k: 'pipe', pipe: parsePipeline(toks.slice(i + 1, k - 1), line), fields: [] };
        next = k;
      } else throw new TemplateError(`template: template:${line}: unexpected "${t.v}" in operand`);
      break;
  }
  // Field chains after a variable, a parenthesised pipeline or `.`: `$x.a.b`, `(…).a`.
  while (toks[next]?.t === 'field' && toks[next].adj && (op.k === 'var' || op.k === 'pipe' || op.k === 'field' || op.k === 'dot')) {
    op.fields.push(toks[next].v);
    next++;
  }
  return { op, next };
}
