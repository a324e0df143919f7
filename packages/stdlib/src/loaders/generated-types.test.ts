import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM script without type declarations
import { generateAll } from '../../scripts/gen-types.mjs';

const schemaDir = fileURLToPath(new URL('../schemas/', import.meta.url));

describe('generated types', () => {
  it('src/generated matches src/schemas (run scripts/gen-types.mjs after editing a schema)', async () => {
    const files = (await generateAll()) as Map<string, string>;
    expect(files.size).toBe(readdirSync(schemaDir).filter((f) => f.endsWith('.schema.json')).length);
    for (const [path, content] of files) {
      expect(existsSync(path), `${basename(path)} missing`).toBe(true);
      const current = readFileSync(path, 'utf8');
      expect(current.split('\n')[0]).toMatch(/^\/\/ GENERATED FILE — do not edit\./);
      expect(current, `${basename(path)} drifted`).toBe(content);
    }
  });

  it('every schema is valid JSON with a title and an $id', () => {
    for (const f of readdirSync(schemaDir).filter((x) => x.endsWith('.schema.json'))) {
      const s = JSON.parse(readFileSync(schemaDir + f, 'utf8'));
      expect(typeof s.title, f).toBe('string');
      expect(s.$id, f).toContain(f);
    }
  });
});
