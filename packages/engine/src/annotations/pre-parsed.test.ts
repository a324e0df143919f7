import { describe, expect, it } from 'vitest';
import { parseModule } from '../syntax/parse.js';
import { buildAnnotationSet } from './scopes.js';
import { parseMetadataBlocks, usePreParsedMetadata } from './pre-parsed.js';

const SOURCE = `# METADATA
# title: The package
package p

# METADATA
# title: Rule r
# custom:
#   severity: high
r := 1
`;
const parse = () => parseModule('p.rego', SOURCE).module!;
const titles = (m: ReturnType<typeof parse>) => buildAnnotationSet([m]).entries.map((e) => [e.fields.scope, e.fields.title]);

describe('pre-parsed METADATA blocks', () => {
  it('parses every block of a module, in order, as the annotation set does', () => {
    const blocks = parseMetadataBlocks(parse())!;
    expect(blocks.map((b) => b.fields.title)).toEqual(['The package', 'Rule r']);
    expect(blocks[1].value).toEqual({ title: 'Rule r', custom: { severity: 'high' } });
    const m = parse();
    usePreParsedMetadata(m, JSON.parse(JSON.stringify(blocks)));
    const withPre = buildAnnotationSet([m]);
    const without = buildAnnotationSet([parse()]);
    expect(withPre.errors).toEqual([]);
    expect(withPre.entries.map(({ target: _t, ...e }) => e)).toEqual(without.entries.map(({ target: _t, ...e }) => e));
  });

  it('uses a block given for the module instead of parsing its YAML', () => {
    const m = parse();
    const blocks = parseMetadataBlocks(m)!;
    usePreParsedMetadata(m, [blocks[0], { ...blocks[1], fields: { ...blocks[1].fields, title: 'from the cache' } }]);
    expect(titles(m)).toEqual([
      ['package', 'The package'],
      ['rule', 'from the cache'],
    ]);
    // Shared records are not changed by attaching them (the default scope is filled in a copy).
    expect(blocks[0].fields.scope).toBe('');
    expect(titles(m)).toEqual(titles(m));
  });

  it('parses a block whose given text or location differs from the module', () => {
    const m = parse();
    const [a, b] = parseMetadataBlocks(m)!;
    usePreParsedMetadata(m, [
      { ...a, yaml: 'title: other\n', fields: { ...a.fields, title: 'other' } },
      { ...b, loc: { ...b.loc, row: b.loc.row + 1 }, fields: { ...b.fields, title: 'moved' } },
    ]);
    expect(titles(m)).toEqual([
      ['package', 'The package'],
      ['rule', 'Rule r'],
    ]);
  });

  it('gives nothing for a module with a malformed block (the annotation set reports it)', () => {
    const m = parseModule('q.rego', '# METADATA\n# title: [unclosed\npackage q\n').module!;
    expect(parseMetadataBlocks(m)).toBeUndefined();
    expect(buildAnnotationSet([m]).errors.map((e) => e.code)).toEqual(['rego_parse_error']);
  });
});
