import { describe, expect, it } from 'vitest';
import { opaOutcome } from './outcome.js';

describe('opaOutcome', () => {
  const loading = (message: string) => JSON.stringify({ errors: [{ message }] });
  it('splits one loading error (all on the first line) back into its code', () => {
    const o = opaOutcome(loading('1 error occurred during loading: t.rego:4: rego_parse_error: illegal ref (head cannot be number)\n\t1[_]\n\t^'));
    expect(o).toMatchObject({ kind: 'error', codes: ['rego_parse_error'] });
  });
  it('splits several loading errors, one a line', () => {
    const o = opaOutcome(loading('2 errors occurred during loading:\nt.rego:3: rego_parse_error: a\nt.rego:5: rego_type_error: b'));
    expect(o).toMatchObject({ kind: 'error', codes: ['rego_parse_error', 'rego_type_error'] });
  });
  it('keeps an error it cannot read as uncoded', () => {
    expect(opaOutcome(loading('something else'))).toMatchObject({ kind: 'error', codes: ['opa_uncoded_error'] });
  });
});
