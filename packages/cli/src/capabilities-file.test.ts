import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_CAPABILITIES_BYTES, parseCapabilities, readCapabilities } from './capabilities-file.js';

describe('capabilities files', () => {
  it('reads the builtin names of an OPA capabilities document', () => {
    const text = JSON.stringify({ builtins: [{ name: 'count', decl: { type: 'function' } }, { name: 'eq' }], features: ['rego_v1'] }, null, 2);
    expect(parseCapabilities('caps.json', text)).toEqual({ builtins: ['count', 'eq'] });
  });

  it('names the file and line of a malformed entry', () => {
    const text = '{\n  "builtins": [\n    {"name": "count"},\n    {"decl": {}}\n  ]\n}\n';
    expect(parseCapabilities('caps.json', text)).toEqual({ error: 'caps.json:4: builtins[1] needs a "name" string' });
    expect(parseCapabilities('caps.json', '{\n  "features": []\n}')).toEqual({ error: 'caps.json:1: a capabilities file needs a "builtins" list (the builtins policies may call)' });
    expect(parseCapabilities('caps.json', '[1]').error).toBe('caps.json:1: a capabilities file is a JSON object with a "builtins" list');
  });

  it('reports JSON syntax errors with their position', () => {
    expect(parseCapabilities('caps.json', '{\n  "builtins": [,]\n}').error).toMatch(/^caps\.json:2:\d+: not a capabilities file: /);
  });

  it('refuses files over the size bound without reading them whole', () => {
    const dir = mkdtempSync(join(tmpdir(), 'caps-'));
    try {
      const big = join(dir, 'big.json');
      writeFileSync(big, ' '.repeat(MAX_CAPABILITIES_BYTES + 1));
      expect(readCapabilities(big, 'big.json').error).toMatch(/^big\.json: file is larger than the limit/);
      expect(readCapabilities(join(dir, 'none.json'), 'none.json').error).toBe('none.json: no such file or directory');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
