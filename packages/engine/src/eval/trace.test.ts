import { describe, expect, it } from 'vitest';
import { Engine } from '../api.js';
import type { TraceOp } from './trace.js';

describe('tracer hook', () => {
  it('reports rules entered, expressions evaluated and expressions without a solution', () => {
    const e = new Engine();
    e.addModule('p.rego', 'package p\n\nallow if {\n\tinput.a == 1\n\tinput.b == 2\n}\n');
    const q = e.prepare('data.p.allow').query!;
    const events: [TraceOp, string, number][] = [];
    const compared: unknown[] = [];
    const r = q.evaluate(
      { a: 1, b: 3 },
      {
        tracer: (op, loc, depth, detail) => {
          events.push([op, `${loc.file}:${loc.row}`, depth]);
          if (detail) compared.push(detail);
        },
      },
    );
    expect(r.rows).toEqual([]);
    expect(events).toEqual([
      ['eval', 'query:1', 0],
      ['enter', 'p.rego:3', 1],
      ['eval', 'p.rego:4', 1],
      ['eval', 'p.rego:5', 1],
      ['compare', 'p.rego:5', 1],
      ['fail', 'p.rego:5', 1],
      ['fail', 'query:1', 0],
    ]);
    // Entering a rule names it; the false comparison carries its operands (shown by `palisade test` for failing tests).
    expect(compared).toEqual([{ rule: 'data.p.allow' }, { op: 'equal', args: [3, 2] }]);
  });

  it('does not change results', () => {
    const e = new Engine();
    e.addModule('p.rego', 'package p\n\nxs contains x if { some x in input; x > 1 }\n');
    const q = e.prepare('x := data.p.xs').query!;
    const plain = q.evaluate([1, 2, 3]);
    const traced = q.evaluate([1, 2, 3], { tracer: () => {} });
    expect(traced.rows).toEqual(plain.rows);
  });
});
