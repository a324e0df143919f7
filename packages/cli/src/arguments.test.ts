import { describe, expect, it } from 'vitest';
import { argumentErrors } from './arguments.js';
import type { CliCommand } from './command.js';

const cmd: CliCommand = {
  name: 'demo',
  summary: '',
  examples: [],
  options: [
    { flags: '-p, --policy <path>', description: '' },
    { flags: '--timeout <ms>', description: '' },
    { flags: '--format <format>', description: '' },
    { flags: '--threshold <percent>', description: '' },
  ],
  run: async () => 0,
};

describe('argument checks', () => {
  it('rejects empty paths, positional or in path options', () => {
    expect(argumentErrors(cmd, ['a', ''], {})).toEqual(['empty argument "" (an unset shell variable?); name the paths to demo, e.g. "."']);
    expect(argumentErrors(cmd, [' '], {})).toHaveLength(1);
    expect(argumentErrors(cmd, [], { policy: ['x', ''] })).toEqual(['--policy: empty value "" (an unset shell variable?)']);
    // Non-path values are the commands' business.
    expect(argumentErrors(cmd, ['.'], { policy: 'p', format: '' })).toEqual([]);
  });

  it('accepts only whole milliseconds for <ms> options', () => {
    expect(argumentErrors(cmd, [], { timeout: '250' })).toEqual([]);
    expect(argumentErrors(cmd, [], { timeout: '0' })).toEqual([]);
    for (const bad of ['abc', '1.5', '-1', '5s', '']) {
      expect(argumentErrors(cmd, [], { timeout: bad })).toEqual([`--timeout: must be a whole number of milliseconds ≥ 0 (0 = no limit), got "${bad}"`]);
    }
  });

  it('accepts only percentages from 0 to 100 for <percent> options', () => {
    for (const ok of ['0', '80', '99.5', '100']) expect(argumentErrors(cmd, [], { threshold: ok }), ok).toEqual([]);
    for (const bad of ['abc', '101', '-5', '80%', '']) {
      expect(argumentErrors(cmd, [], { threshold: bad })).toEqual([`--threshold: must be a percentage from 0 to 100, got "${bad}"`]);
    }
  });
});
