import { describe, expect, it } from 'vitest';
import { Engine } from '../api.js';

const src = `package t
import rego.v1
deny contains "pod" if { input.kind == "Pod"; trace("pod body") }
deny contains "deploy" if { "Deployment" = input.kind; trace("deploy body") }
deny contains "nested" if { input.spec.template.metadata.name == "x"; trace("nested body") }
deny contains "any" if { trace("any body") }
p := 1 if { input.kind == "Pod" } else := 2
`;

describe('rule indexing on input equality', () => {
  const e = new Engine();
  e.addModule('t.rego', src);
  const deny = e.prepare('x = data.t.deny').query!;

  it('skips bodies whose input equality cannot hold, with the same results', () => {
    const bodies: string[] = [];
    const r = deny.evaluate({ kind: 'Pod' }, { print: (m) => bodies.push(m) });
    expect([...(r.rows[0].x as unknown as Iterable<string>)].sort()).toEqual(['any', 'pod']);
    expect(bodies.sort()).toEqual(['any body', 'pod body']);
  });

  it('still evaluates every body under coverage (so coverage stays exact)', () => {
    const bodies: string[] = [];
    const cov = new Set<string>();
    deny.evaluate({ kind: 'Pod' }, { print: (m) => bodies.push(m), coverage: cov });
    expect(bodies.sort()).toEqual(['any body', 'pod body']);
    expect(cov.has('t.rego:4')).toBe(true); // the Deployment rule's body was started
  });

  it('keeps else chains: a def with else is never skipped', () => {
    const p = e.prepare('x = data.t.p').query!;
    expect(p.evaluate({ kind: 'Service' }).rows).toEqual([{ x: 2 }]);
    expect(p.evaluate({ kind: 'Pod' }).rows).toEqual([{ x: 1 }]);
  });

  it('treats a missing input path as a failed guard', () => {
    const r = deny.evaluate({});
    expect([...(r.rows[0].x as unknown as Iterable<string>)]).toEqual(['any']);
  });
});
