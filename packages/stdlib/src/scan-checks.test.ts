import { describe, expect, it } from 'vitest';
import { loadFiles } from './loaders/index.js';
import { scan } from './scan.js';

/** conftest's counting (policy/engine.go): a test per rule definition, exceptions counted, per file and namespace. */
const POLICY = `package main
import rego.v1
deny contains "root" if input.user == "root"
deny contains "no name" if not input.name
warn contains "old" if input.version < 2
violation_port contains "port" if input.port == 22
exception contains rules if {
  input.name == "legacy"
  rules := ["port"]
}
`;

function tallies(files: { path: string; text: string }[], combine = false) {
  const { documents } = loadFiles(files);
  return scan(documents, { policies: [{ file: 'policy/main.rego', source: POLICY }], combine, stdlib: false }).checks;
}

describe('scan: conftest tallies', () => {
  it('counts one test per definition: empty rules pass, results fail or warn', () => {
    // 4 definitions; deny has 1 result, warn none, violation_port none → 3 passed.
    expect(tallies([{ path: 'a.yaml', text: 'user: root\nname: x\nversion: 3\n' }])).toEqual([{ file: 'a.yaml', namespace: 'main', successes: 3, exceptions: [] }]);
    // Every rule fires: deny twice, warn, violation → nothing passed.
    expect(tallies([{ path: 'b.yaml', text: 'user: root\nversion: 1\nport: 22\n' }])).toEqual([{ file: 'b.yaml', namespace: 'main', successes: 0, exceptions: [] }]);
  });

  it('an excepted rule is an exception, not a success; documents of one file are summed', () => {
    expect(tallies([{ path: 'c.yaml', text: 'name: legacy\nversion: 3\nport: 22\n---\nname: legacy\nversion: 3\n' }])).toEqual([
      { file: 'c.yaml', namespace: 'main', successes: 6, exceptions: ['port', 'port'] },
    ]);
  });

  it('--combine reports one tally under "Combined"', () => {
    // The combined input is an array: `not input.name` fires, the other three pass.
    expect(tallies([{ path: 'a.yaml', text: 'name: x\n' }, { path: 'b.yaml', text: 'name: y\n' }], true)).toEqual([{ file: 'Combined', namespace: 'main', successes: 3, exceptions: [] }]);
  });
});
