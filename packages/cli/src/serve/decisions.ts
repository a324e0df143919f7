/**
 * The policy side of `palisade serve`: one compiled policy set (modules and data from `-d` paths
 * and `-b` bundles) answering OPA Data API requests, with prepared queries cached per path. A
 * reload builds a new set and swaps it in only when it compiles, so a bad change never takes the
 * old, working set down.
 */
import { Engine, toJSONValue, type Diagnostic, type EvalOptions, type PreparedQuery } from '@palisade/engine';
import { stdlibBuiltins } from '@palisade/stdlib';
import { loadPolicies } from '../load-policies.js';
import { addBundlesTo, loadBundles } from '../opa-bundle/options.js';
import type { Bundle } from '../opa-bundle/bundle.js';

export interface PolicySetSource {
  data: string[];
  bundleOptions: Record<string, unknown>;
  cwd: string;
  /** Bundles downloaded and verified by the bundle poller (plain data: it crosses to the workers). */
  polled?: Bundle[];
}

export interface EvalLimits {
  timeoutMs: number;
  maxMemoryBytes: number;
  strictBuiltinErrors?: boolean;
}

export type Decision = { ok: true; defined: boolean; value?: unknown; ms: number } | { ok: false; error: Diagnostic; ms: number };

export class DecisionSet {
  private readonly cache = new Map<string, { query?: PreparedQuery; errors: Diagnostic[] }>();
  constructor(
    readonly engine: Engine,
    readonly bundles: Bundle[],
    readonly revision: string,
  ) {}

  /** `data.<path>` for `input`; `defined: false` when the document is undefined. */
  evaluate(path: string[], input: unknown, limits: EvalLimits): Decision {
    const start = performance.now();
    const key = JSON.stringify(path);
    let prepared = this.cache.get(key);
    if (!prepared) {
      prepared = this.engine.prepareRef(path, 'x');
      if (this.cache.size < 10_000) this.cache.set(key, prepared);
    }
    if (!prepared.query) return { ok: false, error: prepared.errors[0]!, ms: performance.now() - start };
    const res = prepared.query.evaluate(input, this.evalOptions(limits));
    const ms = performance.now() - start;
    if (res.error) return { ok: false, error: res.error as Diagnostic, ms };
    if (res.rows.length === 0) return { ok: true, defined: false, ms };
    return { ok: true, defined: true, value: toJSONValue(res.rows[0]!.x as never), ms };
  }

  /** An ad-hoc query (`POST /v1/query`): every row of bindings. */
  query(text: string, input: unknown, limits: EvalLimits): { rows?: Record<string, unknown>[]; error?: Diagnostic; ms: number } {
    const start = performance.now();
    const prepared = this.engine.prepare(text);
    if (!prepared.query) return { error: prepared.errors[0], ms: performance.now() - start };
    const res = prepared.query.evaluate(input, this.evalOptions(limits));
    const ms = performance.now() - start;
    if (res.error) return { error: res.error as Diagnostic, ms };
    return { rows: res.rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !k.startsWith('$')).map(([k, v]) => [k, toJSONValue(v as never)]))), ms };
  }

  private evalOptions(limits: EvalLimits): EvalOptions {
    return { timeoutMs: limits.timeoutMs, maxMemoryBytes: limits.maxMemoryBytes, strictBuiltinErrors: limits.strictBuiltinErrors };
  }
}

/** Loads and compiles the policy set; errors mean no set. */
export async function loadDecisionSet(src: PolicySetSource): Promise<{ set?: DecisionSet; errors: Diagnostic[] }> {
  const { engine, errors } = loadPolicies(src.data, src.cwd, new Engine({ builtins: stdlibBuiltins }));
  const bundled = await loadBundles(src.bundleOptions, src.cwd);
  errors.push(...bundled.errors);
  const bundles = [...bundled.bundles, ...(src.polled ?? [])];
  errors.push(...addBundlesTo(engine, bundles));
  if (!errors.length) errors.push(...engine.compile());
  if (errors.length) return { errors };
  const revision = bundles.map((b) => String(b.manifest.revision ?? '')).join(',');
  return { set: new DecisionSet(engine, bundles, revision), errors: [] };
}
