/** Helpers shared by the compiler's unit tests (not part of the engine's API). */
import { Engine } from '../api.js';
import type { Diagnostic } from '../errors.js';

/** Rows of `x := data.t.p` ([] when undefined), or the compile errors' codes and messages. */
export function run(src: string, input?: unknown, query = 'x := data.t.p'): unknown {
  const e = new Engine();
  const parse = e.addModule('t.rego', `package t\n\n${src}\n`);
  const errs: Diagnostic[] = parse.length ? parse : e.compile();
  if (errs.length) return errs.map((d) => `${d.code}: ${d.message}`);
  const { query: q, errors } = e.prepare(query);
  if (!q) return errors.map((d) => `${d.code}: ${d.message}`);
  return q.evaluate(input).rows;
}

/** The rows of a rule that is true. */
export const TRUE = [{ x: true }];
