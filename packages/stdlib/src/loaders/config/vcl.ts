import type { LoadResult } from '../../model.js';
import { setOwn } from '../common.js';
import { ConfigSyntaxError, loadPlain } from './plain.js';

/**
 * Varnish VCL declarations as conftest's parser (go-vcl) exposes them: `backend NAME { .attr =
 * value; }` and other named declarations (`probe`, `director`) become `{TYPE: {NAME: {attr:
 * value}}}`, nested `.attr = { … }` objects, and `acl NAME { "ip"; "net"/24; }` a list of its
 * entries as written. Values are their text (quotes removed). Subroutines (`sub NAME { … }`) are
 * code, not configuration: they are skipped. Hand-written: npm has no VCL parser.
 */
type Tok = { t: 'word' | 'str' | 'punct'; v: string; line: number };

function tokens(text: string): Tok[] {
  const out: Tok[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\n') {
      line++;
      i++;
    } else if (/\s/.test(c)) i++;
    else if (c === '#' || (c === '/' && text[i + 1] === '/')) {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end === -1) throw new ConfigSyntaxError('unclosed /* comment', line, 1);
      for (let k = i; k < end; k++) if (text[k] === '\n') line++;
      i = end + 2;
    } else if (c === '"') {
      const end = text.indexOf('"', i + 1);
      if (end === -1 || text.slice(i, end).includes('\n')) throw new ConfigSyntaxError('unclosed string', line, 1);
      out.push({ t: 'str', v: text.slice(i + 1, end), line });
      i = end + 1;
    } else if (c === '{' && text[i + 1] === '"') {
      // Long strings {"…"} span lines.
      const end = text.indexOf('"}', i + 2);
      if (end === -1) throw new ConfigSyntaxError('unclosed {" string', line, 1);
      const v = text.slice(i + 2, end);
      out.push({ t: 'str', v, line });
      line += v.split('\n').length - 1;
      i = end + 2;
    } else if ('{};=!/'.includes(c)) {
      out.push({ t: 'punct', v: c, line });
      i++;
    } else {
      let j = i;
      while (j < text.length && !/[\s{};="#]/.test(text[j]!) && !(text[j] === '/' && (text[j + 1] === '/' || text[j + 1] === '*'))) j++;
      if (j === i) throw new ConfigSyntaxError(`unexpected ${JSON.stringify(c)}`, line, 1);
      out.push({ t: 'word', v: text.slice(i, j), line });
      i = j;
    }
  }
  return out;
}

export function parseVcl(text: string): Record<string, unknown> {
  const toks = tokens(text);
  let p = 0;
  const peek = () => toks[p];
  const next = (what: string): Tok => {
    const t = toks[p++];
    if (!t) throw new ConfigSyntaxError(`unexpected end of file, expected ${what}`, toks[toks.length - 1]?.line ?? 1, 1);
    return t;
  };
  const expect = (v: string) => {
    const t = next(JSON.stringify(v));
    if (t.v !== v || t.t === 'str') throw new ConfigSyntaxError(`expected ${JSON.stringify(v)}, got ${JSON.stringify(t.v)}`, t.line, 1);
  };
  const skipBlock = () => {
    expect('{');
    let depth = 1;
    while (depth > 0) {
      const t = next('"}"');
      if (t.t === 'punct' && t.v === '{') depth++;
      else if (t.t === 'punct' && t.v === '}') depth--;
    }
  };
  /** `.attr = value;` entries up to the closing brace. */
  const object = (depth: number): Record<string, unknown> => {
    if (depth > 64) throw new ConfigSyntaxError('declarations nest deeper than 64 levels', peek()?.line ?? 1, 1);
    expect('{');
    const out: Record<string, unknown> = {};
    for (;;) {
      const t = next('"}"');
      if (t.t === 'punct' && t.v === '}') return out;
      if (t.t !== 'word' || !t.v.startsWith('.')) throw new ConfigSyntaxError(`expected ".attribute = value;", got ${JSON.stringify(t.v)}`, t.line, 1);
      expect('=');
      if (peek()?.t === 'punct' && peek()!.v === '{') {
        // `.probe = { … }` needs no `;` after its block.
        setOwn(out, t.v.slice(1), object(depth + 1));
        if (peek()?.t === 'punct' && peek()!.v === ';') p++;
        continue;
      }
      const parts: string[] = [];
      while (!(peek()?.t === 'punct' && peek()!.v === ';')) parts.push(next('";"').v);
      setOwn(out, t.v.slice(1), parts.join(' '));
      expect(';');
    }
  };
  const acl = (): string[] => {
    expect('{');
    const out: string[] = [];
    let entry = '';
    for (;;) {
      const t = next('"}"');
      if (t.t === 'punct' && t.v === '}') return out;
      if (t.t === 'punct' && t.v === ';') {
        out.push(entry);
        entry = '';
      } else entry += t.v;
    }
  };
  const result: Record<string, unknown> = {};
  while (p < toks.length) {
    const t = next('a declaration');
    if (t.t !== 'word') throw new ConfigSyntaxError(`expected a declaration, got ${JSON.stringify(t.v)}`, t.line, 1);
    if (t.v === 'vcl' || t.v === 'import' || t.v === 'include') {
      while (!(peek()?.t === 'punct' && peek()!.v === ';')) next('";"');
      expect(';');
      continue;
    }
    const name = next('a name');
    if (t.v === 'sub') {
      skipBlock();
      continue;
    }
    const group = (Object.prototype.hasOwnProperty.call(result, t.v) ? result[t.v] : undefined) as Record<string, unknown> | undefined;
    const target = group ?? {};
    if (!group) setOwn(result, t.v, target);
    setOwn(target, name.v, t.v === 'acl' ? acl() : object(0));
  }
  return result;
}

export function loadVcl(path: string, text: string): LoadResult {
  return loadPlain('vcl', path, text, parseVcl);
}
