/**
 * A prepared query is compiled once: evaluating it for 10,000 inputs parses, compiles and plans
 * nothing (rule bodies are planned on first use, then reused). Counted through spies on the
 * engine's parse/compile entry points and its planner; no timing involved.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const calls = vi.hoisted(() => ({ parseModule: 0, parseQuery: 0, compileModules: 0, compileQuery: 0 }));

vi.mock('../../packages/engine/src/syntax/parse.js', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../../packages/engine/src/syntax/parse.js')>();
  return {
    ...orig,
    parseModule: (...a: Parameters<typeof orig.parseModule>) => (calls.parseModule++, orig.parseModule(...a)),
    parseQuery: (...a: Parameters<typeof orig.parseQuery>) => (calls.parseQuery++, orig.parseQuery(...a)),
  };
});
vi.mock('../../packages/engine/src/compile/compiler.js', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../../packages/engine/src/compile/compiler.js')>();
  return {
    ...orig,
    compileModules: (...a: Parameters<typeof orig.compileModules>) => (calls.compileModules++, orig.compileModules(...a)),
    compileQuery: (...a: Parameters<typeof orig.compileQuery>) => (calls.compileQuery++, orig.compileQuery(...a)),
  };
});

const { Engine } = await import('@palisade/engine');
const { Planner } = await import('../../packages/engine/src/eval/plan.js');
const { createScanner, loadDocuments } = await import('@palisade/stdlib');

const planned = { count: 0 };
for (const m of ['body', 'expr', 'term', 'pattern', 'call'] as const) {
  const original = Planner.prototype[m] as (...args: unknown[]) => unknown;
  vi.spyOn(Planner.prototype, m).mockImplementation(function (this: unknown, ...args: unknown[]) {
    planned.count++;
    return original.apply(this, args);
  } as never);
}

function snapshot(): Record<string, number> {
  return { ...calls, planned: planned.count };
}

const POLICY = `package k8s

deny contains msg if {
  some c in input.spec.containers
  c.securityContext.privileged == true
  msg := sprintf("%s is privileged", [c.name])
}

deny contains msg if {
  some c in input.spec.containers
  endswith(c.image, ":latest")
  msg := sprintf("%s uses latest", [c.name])
}

names := {c.name | some c in input.spec.containers}
`;

function pod(i: number): unknown {
  return {
    kind: 'Pod',
    spec: {
      containers: [
        { name: `app-${i}`, image: i % 3 === 0 ? 'nginx:latest' : 'nginx:1.27', securityContext: { privileged: i % 2 === 0 } },
        { name: `side-${i}`, image: 'envoy:1.30' },
      ],
    },
  };
}

describe('prepared query reuse', () => {
  beforeEach(() => {
    planned.count = 0;
  });

  it('evaluates 10,000 inputs without parsing, compiling or planning again', () => {
    const engine = new Engine();
    expect(engine.addModule('k8s.rego', POLICY)).toEqual([]);
    const { query, errors } = engine.prepare('deny := data.k8s.deny; names := data.k8s.names');
    expect(errors).toEqual([]);
    // The first evaluation plans the rule bodies it reaches; they are cached from then on.
    expect(query!.evaluate(pod(0)).rows).toHaveLength(1);
    const before = snapshot();
    expect(before.compileModules).toBe(1);
    expect(before.compileQuery).toBe(1);
    expect(before.parseModule + before.parseQuery, 'the parser spies see addModule and prepare').toBe(2);
    expect(before.planned, 'the planner spy sees prepare and the first evaluation').toBeGreaterThan(0);

    let denies = 0;
    for (let i = 1; i <= 10_000; i++) {
      const r = query!.evaluate(pod(i));
      expect(r.error).toBeUndefined();
      denies += (r.rows[0]!['deny'] as { size: number }).size;
    }
    expect(snapshot()).toEqual(before);
    // i even → privileged, i % 3 === 0 → latest: 5,000 + 3,333 findings.
    expect(denies).toBe(5000 + 3333);
  });

  it('a scanner prepares its queries once and reuses them for every document and scan', () => {
    const { scanner, errors } = createScanner();
    expect(errors).toEqual([]);
    const files = Array.from({ length: 50 }, (_, i) => ({ path: `svc-${i}/Dockerfile`, content: `FROM node:${i % 2 ? 'latest' : '20'}\nUSER ${i % 2 ? 'root' : 'node'}\n` }));
    const { documents } = loadDocuments(files);
    const first = scanner!.scan(documents);
    const before = snapshot();
    expect(before.planned).toBeGreaterThan(0);
    const second = scanner!.scan(documents);
    expect(snapshot()).toEqual(before);
    expect(second.findings).toEqual(first.findings);
    expect(second.findings.some((f) => f.file === 'svc-1/Dockerfile' && f.startLine === 1)).toBe(true);
  });
});
