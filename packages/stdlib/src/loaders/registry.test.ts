import { describe, expect, expectTypeOf, it } from 'vitest';
import type { DocumentValueMap } from '../documents.js';
import type { KubernetesObject, TrivyDockerfileDocument } from '../input-types.js';
import { CHECK_INPUT_KINDS, CONFIG_KINDS, DOCUMENT_KINDS, KIND_TABLE, isConfigKind, isDocumentKind, type ConfigKind } from './registry.js';
import { loadFile } from './load.js';

describe('the table of document kinds', () => {
  it('splits every kind into check inputs and conftest configuration formats', () => {
    expect(CHECK_INPUT_KINDS).toEqual(['dockerfile', 'kubernetes', 'compose', 'docker-inspect', 'trivy', 'grype', 'dockerignore', 'json', 'yaml']);
    expect([...CHECK_INPUT_KINDS, ...CONFIG_KINDS]).toEqual(DOCUMENT_KINDS);
    expect(CONFIG_KINDS).toContain('textproto');
    expect(isConfigKind('toml')).toBe(true);
    expect(isConfigKind('kubernetes')).toBe(false);
    // Names inherited from Object.prototype are not kinds.
    expect(isDocumentKind('toString')).toBe(false);
  });

  it('derives the document value types from its rows', () => {
    expectTypeOf<DocumentValueMap['kubernetes']>().toEqualTypeOf<KubernetesObject>();
    expectTypeOf<DocumentValueMap['dockerfile']>().toEqualTypeOf<TrivyDockerfileDocument>();
    expectTypeOf<DocumentValueMap['dotenv']>().toEqualTypeOf<Record<string, string>>();
    expectTypeOf<'hcl2'>().toExtend<ConfigKind>();
    expectTypeOf<'kubernetes' extends ConfigKind ? true : false>().toEqualTypeOf<false>();
  });

  it('dispatches a forced parser through its row', () => {
    const forced = loadFile('x.txt', 'A=1\n', { parser: 'dotenv' });
    expect(forced.documents.map((d) => [d.kind, d.value])).toEqual([['dotenv', { A: '1' }]]);
    expect(KIND_TABLE.kubernetes.fromTree).toBeDefined();
    const bad = loadFile('x.txt', 'A=1\n', { parser: 'toString' as never });
    expect(bad.errors.map((e) => e.code)).toEqual(['unknown_kind']);
  });
});
