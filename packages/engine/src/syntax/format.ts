/**
 * The canonical formatter (`palisade fmt`): Rego v1 in OPA's layout. `package`, then imports
 * (blank-line separated groups, each sorted), then rules separated by exactly one blank line;
 * bodies indented with tabs; comments kept (own-line comments before the statement they precede,
 * trailing comments on their line). Formatting never changes meaning: `formatSource` re-parses its
 * output and refuses (with an error) to return text whose AST differs from the input's.
 */
import type { Import, Module, Rule } from './ast.js';
import { parseModule, type ParseOptions } from './parse.js';
import { ErrorCodes, type Diagnostic } from '../errors.js';
import { TAB, TermPrinter } from './format-terms.js';

/** Prints a parsed module in the canonical layout (comments kept). */
export function formatModule(mod: Module): string {
  const comments = [...mod.comments].sort((a, b) => a.loc.offset - b.loc.offset);
  const tp = new TermPrinter(mod.source, comments);
  const lines: string[] = [];

  const lead = tp.commentsBefore(mod.package.loc.offset, '', -1);
  lines.push(...lead.lines);
  if (lead.lines.length && tp.blankBetween(lead.end, mod.package.loc.offset)) lines.push('');
  const pkg = mod.package.path;
  const first = pkg.path[0];
  const pkgText = tp.ref({ type: 'ref', head: { type: 'var', name: first.type === 'string' ? first.value : '?', loc: first.loc }, path: pkg.path.slice(1), loc: pkg.loc }, '');
  lines.push('package ' + pkgText + tp.trailing(mod.package.loc.endRow, mod.package.loc.endOffset));

  importLines(mod, tp, lines);

  for (const rule of mod.rules) {
    lines.push('');
    const c = tp.commentsBefore(rule.loc.offset, '', -1);
    lines.push(...c.lines);
    if (c.lines.length && tp.blankBetween(c.end, rule.loc.offset)) lines.push('');
    lines.push(...ruleLines(rule, tp));
  }

  const rest = tp.rest();
  if (rest.length) {
    lines.push('');
    let prev = -1;
    for (const c of rest) {
      if (prev >= 0 && tp.blankBetween(prev, c.loc.offset)) lines.push('');
      lines.push('#' + c.text.trimEnd());
      prev = c.loc.endOffset;
    }
  }
  return lines.join('\n') + '\n';
}

function importText(imp: Import, tp: TermPrinter): string {
  return 'import ' + tp.ref(imp.path, '') + (imp.alias ? ` as ${imp.alias}` : '');
}

/** Imports in groups (split where the source has a blank line), each group sorted by path. */
function importLines(mod: Module, tp: TermPrinter, lines: string[]): void {
  const imps = [...mod.imports].sort((a, b) => a.loc.offset - b.loc.offset);
  if (!imps.length) return;
  const from = imps[0].loc.offset;
  const to = imps[imps.length - 1].loc.endOffset;
  const commented = mod.comments.some((c) => c.loc.offset > from && c.loc.offset < to);
  lines.push('');
  const c = tp.commentsBefore(from, '', -1);
  lines.push(...c.lines);
  if (c.lines.length && tp.blankBetween(c.end, from)) lines.push('');
  if (commented) {
    // Comments between imports stay with their neighbours: keep the author's order.
    let prev = -1;
    for (const imp of imps) {
      const lead = tp.commentsBefore(imp.loc.offset, '', prev);
      if (prev >= 0 && !lead.lines.length && tp.blankBetween(prev, imp.loc.offset)) lines.push('');
      lines.push(...lead.lines);
      lines.push(importText(imp, tp) + tp.trailing(imp.loc.endRow, imp.loc.endOffset));
      prev = imp.loc.endOffset;
    }
    return;
  }
  const groups: Import[][] = [];
  for (const imp of imps) {
    const last = groups[groups.length - 1];
    if (last && !tp.blankBetween(last[last.length - 1].loc.endOffset, imp.loc.offset)) last.push(imp);
    else groups.push([imp]);
  }
  groups.forEach((g, i) => {
    if (i > 0) lines.push('');
    const texts = g.map((imp) => ({ text: importText(imp, tp), trail: tp.trailing(imp.loc.endRow, imp.loc.endOffset) }));
    texts.sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
    for (const t of texts) lines.push(t.text + t.trail);
  });
}

function headText(rule: Rule, tp: TermPrinter): string {
  const h = rule.head;
  let s = (rule.default ? 'default ' : '') + tp.ref(h.ref, '');
  if (h.args) s += '(' + h.args.map((a) => tp.term(a, '')).join(', ') + ')';
  if (h.contains && h.key) s += ' contains ' + tp.term(h.key, '');
  else if (h.value) s += (h.assign ? ' := ' : ' = ') + tp.term(h.value, '');
  return s;
}

function ruleLines(rule: Rule, tp: TermPrinter): string[] {
  const head = headText(rule, tp);
  if (rule.body.length === 0) return [head + tp.trailing(rule.loc.endRow, rule.loc.endOffset)];
  if (!rule.braces && rule.body.length === 1 && rule.else.length === 0) {
    const e = rule.body[0];
    const text = tp.expr(e, '');
    // A body expression starting with `{` would read as a block: keep braces then.
    if (!text.startsWith('{')) return [`${head} if ${text}${tp.trailing(e.loc.endRow, e.loc.endOffset)}`];
  }
  const out = [head + ' if {'];
  const endOf = (i: number) => (i < rule.else.length ? rule.else[i].loc.offset : rule.loc.endOffset);
  out.push(...tp.bodyLines(rule.body, TAB, endOf(0)));
  let closed = false;
  rule.else.forEach((c, i) => {
    let line = '} else';
    if (c.value) line += (c.assign ? ' := ' : ' = ') + tp.term(c.value, '');
    if (c.body.length) {
      out.push(line + ' if {');
      out.push(...tp.bodyLines(c.body, TAB, endOf(i + 1)));
      closed = false;
    } else {
      out.push(line);
      closed = true;
    }
  });
  if (!closed) out.push('}');
  out[out.length - 1] += tp.trailing(rule.loc.endRow, rule.loc.endOffset);
  return out;
}

/** A comparable form of a module's meaning: the AST without locations and layout hints. */
export function astFingerprint(mod: Module): string {
  const imports = mod.imports.map((i) => JSON.stringify(i, replacer)).sort();
  const rest = { package: mod.package, rules: mod.rules, annotations: mod.annotations };
  return JSON.stringify({ imports, rest, comments: mod.comments.map((c) => c.text.trimEnd()) }, replacer);
}

function replacer(key: string, value: unknown): unknown {
  if (key === 'loc' || key === 'braces' || key === 'hasIf' || key === 'source' || key === 'file') return undefined;
  if (typeof value === 'bigint') return `${value}n`;
  return value;
}

/** What `formatSource` returns: the formatted text, whether it changed, and parse errors. */
export interface FormatResult {
  /** The formatted text (absent when the source does not parse). */
  text?: string;
  /** True when `text` differs from the source. */
  changed: boolean;
  errors: Diagnostic[];
}

/**
 * Parses and formats `source`; never throws. The output is always Rego v1, so a source read as v0
 * (`regoVersion: 'v0'`) comes back rewritten to v1 (`fmt --v0-v1`) and is checked as v1.
 */
export function formatSource(file: string, source: string, opts: ParseOptions = {}): FormatResult {
  const parsed = parseModule(file, source, opts);
  if (!parsed.module) return { changed: false, errors: parsed.errors };
  const text = formatModule(parsed.module);
  const again = parseModule(file, text, { ...opts, regoVersion: 'v1' });
  if (!again.module || astFingerprint(again.module) !== astFingerprint(parsed.module)) {
    const message = again.module
      ? 'the formatter would change the meaning of this module (please report this bug); the file was left unchanged'
      : `the formatter produced invalid Rego (please report this bug): ${again.errors[0]?.message ?? ''}`;
    return { changed: false, errors: [{ code: ErrorCodes.evalInternal, message, location: { file, row: 1, col: 1, endRow: 1, endCol: 1, offset: 0, endOffset: 0 } }] };
  }
  return { text, changed: text !== source, errors: [] };
}
