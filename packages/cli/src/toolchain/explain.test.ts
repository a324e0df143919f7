import { describe, expect, it } from 'vitest';
import { Engine } from '@palisade/engine';
import { renderTrace, collectTrace, traceWriter } from './explain.js';

const POLICY = 'package p\nimport rego.v1\n\nallow if {\n\tinput.a == 1\n}\n';

function engine(): Engine {
  const e = new Engine();
  e.addModule('p.rego', POLICY);
  return e;
}

describe('renderTrace', () => {
  it('names entered rules and shows the source of evaluated expressions', () => {
    const t = collectTrace();
    engine().prepare('data.p.allow').query!.evaluate({ a: 2 }, { tracer: t.tracer });
    const lines = renderTrace(t.events, new Map([['p.rego', POLICY]]), 'full');
    expect(lines).toContain('p.rego:4  | Enter data.p.allow');
    expect(lines).toContain('p.rego:5  | Eval  input.a == 1');
    expect(lines).toContain('p.rego:5  | Fail  input.a == 1');
  });
});

describe('traceWriter (--trace)', () => {
  it('writes one header per evaluation and its trace as TRAC lines, the query shown at query:1', () => {
    let out = '';
    const w = traceWriter((s) => (out += s), new Map([['p.rego', POLICY]]));
    const q = engine().prepare('data.p.allow').query!;
    q.evaluate({ a: 1 }, { tracer: w.begin('one.yaml', 'data.p.allow') });
    q.evaluate({ a: 2 }, { tracer: w.begin('two\u001b.yaml', 'data.p.allow') });
    w.end();
    const lines = out.split('\n');
    expect(lines[0]).toBe('file: one.yaml | query: data.p.allow');
    expect(lines[1]).toBe('TRAC  query:1   Eval  data.p.allow');
    expect(lines).toContain('TRAC  p.rego:4  | Enter data.p.allow');
    expect(lines).toContain('file: two\\x1b.yaml | query: data.p.allow');
    expect(lines.filter((l) => l.startsWith('file: '))).toHaveLength(2);
  });

  it('cuts a trace at its event limit and says so', () => {
    let out = '';
    const w = traceWriter((s) => (out += s), new Map(), 3);
    engine().prepare('data.p.allow').query!.evaluate({ a: 2 }, { tracer: w.begin('f', 'data.p.allow') });
    w.end();
    expect(out.split('\n').filter((l) => l.startsWith('TRAC  ') && !l.includes('…'))).toHaveLength(3);
    expect(out).toContain('TRAC  … trace cut after 3 events');
  });
});
