/**
 * Queries whose `eval --format json` output must be byte-for-byte OPA's. capture.ts stores what
 * ../shared/bin/opa prints for each (fixtures.json); eval-json.test.ts runs `palisade eval` on them.
 */
export const POLICY = 'package p\n\nimport rego.v1\n\ndeny contains msg if {\n\tsome c in input.cs\n\tc.priv\n\tmsg := sprintf("%s is privileged", [c.name])\n}\n\nallow if count(deny) == 0\n';
export const INPUT = '{"cs": [{"name": "a", "priv": true}, {"name": "b"}]}';

export const QUERIES: string[] = [
  'data.p.deny',
  'data.p',
  'data.p.deny[m]',
  'x := data.p.allow',
  'input.x with input as {"x": 5}',
  'x := [1,2][_]; x > 1',
  'false',
  '1 == 2',
  'count([1]); "a"',
  '[1,2][_]',
  'some x in [1, false]',
  'not false',
  'data.nothing',
  'x := 1/0',
  '{"b": {1, 2}, "a": [], "c": {}}',
  'x := [1, false][_]; x',
];
