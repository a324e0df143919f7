import { describe, expect, it } from 'vitest';

import { caller, failure } from '../test-support.js';
import { semverBuiltins } from './semver.js';

const call = caller(semverBuiltins);
const fails = failure(semverBuiltins);

describe('semver', () => {
  it('is_valid accepts OPA SemVer forms only', () => {
    expect(call('semver.is_valid', '1.0.0')).toBe(true);
    expect(call('semver.is_valid', 'v1.2.3-rc.1+build.5')).toBe(true);
    expect(call('semver.is_valid', '1')).toBe(false);
    expect(call('semver.is_valid', '1.0.0-')).toBe(true);
    expect(call('semver.is_valid', '1.0.0-a..b')).toBe(false);
    expect(call('semver.is_valid', 1)).toBe(false);
  });
  it('compare follows SemVer precedence', () => {
    expect(call('semver.compare', '1.0.0', '2.0.0')).toBe(-1);
    expect(call('semver.compare', '2.0.0', '1.0.0')).toBe(1);
    expect(call('semver.compare', '1.0.0+a', '1.0.0+b')).toBe(0);
    const ordered = ['1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-alpha.beta', '1.0.0-beta', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', '1.0.0'];
    for (let i = 0; i + 1 < ordered.length; i++) {
      expect(call('semver.compare', ordered[i], ordered[i + 1])).toBe(-1);
      expect(call('semver.compare', ordered[i + 1], ordered[i])).toBe(1);
    }
  });
  it('names the invalid operand', () => {
    expect(fails('semver.compare', '1', '1.0.0')).toBe('eval_builtin_error: operand 1: string "1" is not a valid SemVer');
    expect(fails('semver.compare', '1.0.0', '1')).toBe('eval_builtin_error: operand 2: string "1" is not a valid SemVer');
  });
});
