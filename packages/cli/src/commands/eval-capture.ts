/**
 * How `palisade eval` reports each query expression's value, as OPA's `rego` package does: every
 * non-negated expression other than `=`/`:=` that is a term or a call gets its value captured
 * (`T` becomes `T = __palisade_exprN`), so `false` and `count(x)` print their values. When the
 * query has several expressions or iterates, the captured values are then required to be truthy,
 * checked after the whole query (OPA appends the same generated expressions).
 *
 * The capture is inserted after the term (before any `with`), so every expression keeps its row and
 * column.
 */
import { parseQuery, type Body, type Term } from '@palisade/engine';

export const CAPTURE_PREFIX = '__palisade_expr';

export interface QueryExpr {
  text: string;
  row: number;
  col: number;
  /** Variable holding the expression's value; absent for expressions whose value is `true`. */
  capture?: string;
}

export interface CapturedQuery {
  query: string;
  exprs: QueryExpr[];
}

/** The rewritten query, or undefined when it does not parse (it is then run as written so its errors show). */
export function captureQuery(query: string): CapturedQuery | undefined {
  const parsed = parseQuery(query, 'query');
  if (!parsed.body) return undefined;
  const body = parsed.body;
  const exprs: QueryExpr[] = [];
  const inserts: [number, string][] = [];
  body.forEach((e, i) => {
    const info: QueryExpr = { text: query.slice(e.loc.offset, e.loc.endOffset), row: e.loc.row, col: e.loc.col };
    if (!e.negated && e.node.kind === 'term') {
      info.capture = `${CAPTURE_PREFIX}${i}`;
      // Right after the term: before the first `with`, else at the expression's end.
      let at = e.with.length ? e.with[0].loc.offset : e.loc.endOffset;
      while (at > e.loc.offset && /\s/.test(query[at - 1])) at--;
      inserts.push([at, ` = ${info.capture}`]);
    }
    exprs.push(info);
  });
  let text = query;
  for (const [at, s] of inserts.sort((a, b) => b[0] - a[0])) text = text.slice(0, at) + s + text.slice(at);
  if (body.length > 1 || iterates(body)) {
    for (const e of exprs) if (e.capture) text += `\n${e.capture}`;
  }
  return { query: text, exprs };
}

/** OPA's `iteration`: a ref with a variable past its head, outside comprehensions. */
function iterates(body: Body): boolean {
  const seen = (x: unknown): boolean => {
    if (Array.isArray(x)) return x.some(seen);
    if (x === null || typeof x !== 'object') return false;
    const t = x as Term & { type?: string };
    if (t.type === 'arraycomp' || t.type === 'setcomp' || t.type === 'objectcomp') return false;
    if (t.type === 'ref' && t.path.some((p) => p.type === 'var')) return true;
    for (const [k, v] of Object.entries(x)) if (k !== 'loc' && seen(v)) return true;
    return false;
  };
  return seen(body);
}
