import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Engine, renderBuiltinReference } from '@palisade/engine';

describe('docs/reference/builtins.md', () => {
  it('is up to date with the builtin declarations (run `pnpm docs:builtins`)', () => {
    const committed = readFileSync(new URL('../../docs/reference/builtins.md', import.meta.url), 'utf8');
    expect(committed).toBe(renderBuiltinReference(new Engine().builtins()) + '\n');
  });

  it('documents every builtin with a description', () => {
    for (const d of new Engine().builtins()) expect(d.description.length, d.name).toBeGreaterThan(10);
  });
});
