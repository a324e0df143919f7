import type { LoadResult } from '../../model.js';
import { baseName } from '../common.js';
import { Evaluator } from './jsonnet-eval.js';
import { FnV, Thunk } from './jsonnet-values.js';
import { format } from './jsonnet-format.js';
import { stdObject } from './jsonnet-std.js';
import { parseJsonnet } from './jsonnet-syntax.js';
import { ConfigSyntaxError, loadPlain } from './plain.js';

/**
 * Jsonnet files as conftest gives them to policies: the JSON the file evaluates to.
 *
 * Why written here: npm has no Jsonnet a loader can depend on. `@arakoodev/jsonnet` (jrsonnet in
 * WebAssembly) declares no license; `@hanazuki/node-jsonnet` (libjsonnet) is a native addon built
 * at install, asynchronous, resolves `import` anywhere on disk and cannot be interrupted; go-jsonnet
 * and sjsonnet have no npm build (docs/migrating-from-conftest.md). The language itself is small:
 * jsonnet-syntax.ts parses it, jsonnet-eval.ts evaluates it lazily with late-bound `self`/`super`,
 * jsonnet-std.ts and jsonnet-format.ts give the standard library that configuration files use.
 * What is not implemented is an error naming it: `import`/`importstr`/`importbin` (a file is
 * evaluated on its own, so nothing outside the scanned file is read), std functions beyond that
 * list, external variables. Evaluation is bounded in steps, call depth and sizes (jsonnet-eval.ts
 * LIMITS). A file that evaluates to a function is called with its parameters' defaults, as
 * top-level arguments are not given.
 */
export function evaluateJsonnet(text: string, fileName = 'input.jsonnet'): unknown {
  const ast = parseJsonnet(text);
  const ev = new Evaluator();
  ev.format = (fmt, values, at) => format(ev, fmt, values, at);
  ev.std = stdObject(ev, fileName);
  try {
    // Variables live in null-prototype objects: `toString` or `constructor` is a Jsonnet name, not JavaScript's.
    const vars = Object.create(null) as Record<string, Thunk>;
    vars['std'] = Thunk.of(ev.std);
    let v = ev.eval(ast, { vars });
    if (v instanceof FnV) v = ev.call(v, [], [], ast);
    return ev.manifest(v, ast);
  } catch (e) {
    // Deep but legal-looking recursion (lazy chains) can exhaust the JavaScript stack first.
    if (e instanceof RangeError) throw new ConfigSyntaxError('evaluation nests too deeply (stack exhausted)', ev.current.line, ev.current.col);
    throw e;
  }
}

export function loadJsonnet(path: string, text: string): LoadResult {
  return loadPlain('jsonnet', path, text, (t) => evaluateJsonnet(t, baseName(path)));
}
