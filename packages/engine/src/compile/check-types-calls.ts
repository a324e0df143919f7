/**
 * Builtin calls for the type checker: arguments whose inferred types cannot meet the declared
 * parameter types, and the texts of its messages.
 */
import { ErrorCodes, PalisadeError } from '../errors.js';
import { typeText, type BType } from '../builtins/signature.js';
import type { BuiltinDecl } from '../builtins/define.js';
import { toRegoText } from '../value/json.js';
import { matches } from './check-calls.js';
import type { IRTerm } from './ir.js';
import type { CompileOptions } from './state.js';
import { fits } from './type-lattice.js';

/** `invalid argument(s)` errors of a builtin call whose argument types are `types`. */
export function builtinArgErrors(t: Extract<IRTerm, { t: 'call' }>, d: BuiltinDecl, types: BType[], options: CompileOptions): PalisadeError[] {
  const out: PalisadeError[] = [];
  const want = d.params.length;
  const n = t.args.length;
  // Arity, deprecation and constant arguments are check-calls' errors: one error per call.
  if (d.variadic || (d.deprecated && !options.allowDeprecatedBuiltins) || (n !== want && n !== want + 1)) return out;
  let rejected: boolean | undefined;
  for (let i = 0; i < want; i++) {
    const a = t.args[i];
    const p = d.params[i];
    if (a.t === 'const' || fits(types[i], p.type)) continue;
    rejected ??= t.args.some((c, j) => j < want && c.t === 'const' && !c.poisoned && !matches(d.params[j].type, c.v));
    if (rejected) return out;
    out.push(
      new PalisadeError(
        ErrorCodes.type,
        `${d.name}: invalid argument(s)\n\thave: argument ${i + 1} ${typeText(types[i])}\n\twant: ${p.name}: ${typeText(p.type)}`,
        a.loc,
      ),
    );
  }
  return out;
}

/** Text of a ref into a local, for messages (`x[0].a`, `x[k]`). */
export function refText(t: Extract<IRTerm, { t: 'ref' }>): string {
  let out = t.root.kind === 'term' && t.root.term.t === 'var' ? t.root.term.name : t.root.kind;
  for (const s of t.path) {
    if (s.t === 'const' && typeof s.v === 'string' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(s.v)) out += '.' + s.v;
    else if (s.t === 'const') out += `[${toRegoText(s.v)}]`;
    else if (s.t === 'var') out += `[${s.name}]`;
    else out += '[_]';
  }
  return out;
}

/** Parameter types of a builtin with a fixed arity. */
export function declArgs(d: BuiltinDecl | undefined): BType[] | undefined {
  return d && !d.variadic ? d.params.map((p) => p.type) : undefined;
}
