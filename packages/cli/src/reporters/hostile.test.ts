/**
 * Names and messages come from the repository under scan. Whatever they hold, no line-oriented
 * report may carry a CI log command of its own making or a terminal control sequence.
 */
import { describe, expect, it } from 'vitest';
import type { ScanResult } from '@palisade/stdlib';
import { emptyResult, finding, options, summarize } from '../../../../test/reporters/fixtures.js';
import { REPORTERS } from './index.js';

const EVIL_FILE = 'x\n::error file=evil::injected\n.yaml';
const EVIL_MESSAGE = 'first\n  ::warning file=a::smuggled\n\t::add-mask::secret\r::stop-commands::tok\n##vso[task.setvariable variable=x]1 ##[error]y \u001b[31mred\u001b]8;;http://e\u0007 \u009b2J \u202eevil';

function hostileResult(): ScanResult {
  const findings = [
    finding({ file: EVIL_FILE, message: EVIL_MESSAGE, title: 'title\n::error::t', policyId: '::error::id', remediation: EVIL_MESSAGE, references: ['\n::notice::ref'] }),
    finding({ file: '::error file=x::start.yaml', status: 'warn', message: 'plain' }),
    finding({ file: 'w.yaml', status: 'waived', waiver: { source: 'inline', reason: 'r\n::error::waiver' } }),
  ];
  const errors: ScanResult['errors'] = [{ path: EVIL_FILE, code: 'syntax_error\n::error::code', message: EVIL_MESSAGE, line: 2 }];
  return { ...emptyResult(), findings, errors, summary: summarize(findings, errors) };
}

/** Controls the terminal acts on: C0 (except tab and line feed), DEL, C1, bidi overrides. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('reporters on hostile names and messages', () => {
  for (const name of ['text', 'tap', 'table', 'conftest']) {
    it(`${name}: no line is a GitHub or Azure command, no control character reaches the output`, () => {
      const out = REPORTERS.get(name)!.render(hostileResult(), options());
      for (const line of out.split('\n')) {
        expect(line, line).not.toMatch(/^\s*::/);
        expect(line, line).not.toMatch(/##(vso)?\[/);
        expect(line, line).not.toMatch(CONTROL);
      }
      // What was there is still shown, escaped.
      expect(out).toMatch(/\\(x1b|e)\[31mred/); // `\e` in TAP's YAML
      expect(out).toContain('injected');
    });
  }

  it('text: the only escape sequences are its own colours', () => {
    const out = REPORTERS.get('text')!.render(hostileResult(), options({ color: true }));
    expect(out.replace(/\u001b\[\d+m/g, '')).not.toMatch(CONTROL);
  });

  it('github: one workflow command per result, nothing else at the start of a line', () => {
    const out = REPORTERS.get('github')!.render(hostileResult(), options());
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    for (const line of lines) {
      expect(line).toMatch(/^::(error|warning|notice) file=[^:]*::/);
      expect(line).not.toMatch(CONTROL);
    }
    expect(out).toContain('file=x%0A%3A%3Aerror file=evil%3A%3Ainjected%0A.yaml');
  });

  it('azuredevops: one logging command per line, none inside the data', () => {
    const out = REPORTERS.get('azuredevops')!.render(hostileResult(), options());
    for (const line of out.trimEnd().split('\n')) {
      expect(line.slice(1)).not.toMatch(/##(vso)?\[/);
      expect(line).not.toMatch(CONTROL);
    }
  });
});
