import { describe, expect, it } from 'vitest';
import { loadFile } from '../load.js';
import { configKindByName } from './kinds.js';
import { parseIni } from './ini.js';
import { parseXml } from './xml.js';
import { parseEdn } from './edn.js';
import { parseIgnoreEntries } from './ignore.js';
import { parseProperties } from './properties.js';
import { setHclParsers } from './hcl.js';
import { nodeHclParsers } from '../../node-hcl.js';

setHclParsers(nodeHclParsers);

const value = (path: string, text: string, parser?: Parameters<typeof loadFile>[2]) => {
  const r = loadFile(path, text, parser);
  expect(r.errors).toEqual([]);
  expect(r.documents).toHaveLength(1);
  return r.documents[0]!.value;
};

describe('configuration kinds by file name (conftest parser.NewFromPath)', () => {
  it.each([
    ['main.tf', 'hcl2'],
    ['vars.tfvars', 'hcl2'],
    ['x.hcl', 'hcl2'],
    ['x.hcl1', 'hcl1'],
    ['a/.gitignore', 'ignore'],
    ['.env', 'dotenv'],
    ['.env.prod', 'dotenv'],
    ['prod.env', 'dotenv'],
    ['traefik.toml', 'toml'],
    ['grafana.INI', 'ini'],
    ['pom.xml', 'xml'],
    ['app.properties', 'properties'],
    ['c.edn', 'edn'],
    ['Jenkinsfile', 'groovy'],
    ['ci/jEnKiNsFiLe.prod', 'groovy'],
    ['vars.groovy', 'groovy'],
    ['deploy.cue', 'cue'],
    ['arith.jsonnet', 'jsonnet'],
    ['Jenkinsfile.yaml', undefined],
    ['README.md', undefined],
    ['x.ignore', undefined],
  ])('%s → %s', (name, kind) => expect(configKindByName(name)).toBe(kind));
});

describe('TOML', () => {
  it('parses tables and arrays; dates become text', () => {
    expect(value('a.toml', '[server]\nport = 80\nhosts = ["a", "b"]\nat = 1979-05-27T07:32:00Z\n')).toEqual({
      server: { port: 80, hosts: ['a', 'b'], at: '1979-05-27T07:32:00.000Z' },
    });
  });
  it('reports syntax errors with the line', () => {
    const r = loadFile('a.toml', 'a = 1\nb = [\n');
    expect(r.documents).toEqual([]);
    expect(r.errors[0]).toMatchObject({ path: 'a.toml', code: 'syntax_error', line: 3 });
  });
});

describe('INI (go-ini as conftest configures it)', () => {
  it('keeps dotted section names flat, drops the DEFAULT section, types numbers and Go booleans', () => {
    expect(parseIni('top = 1\n[auth.basic]\nenabled = true\n[server]\nport = 3000\nratio: 0.5\nname = "x ; y"\nmode = prod ; comment\nflag = T\nempty =\n')).toEqual({
      'auth.basic': { enabled: true },
      server: { port: 3000, ratio: 0.5, name: 'x ; y', mode: 'prod', flag: true, empty: '' },
    });
  });
  it('numbers win over booleans (1 is a number) and `__proto__` is a plain key', () => {
    const v = parseIni('[s]\none = 1\n__proto__ = x\n');
    expect(v['s']!['one']).toBe(1);
    expect(Object.getOwnPropertyDescriptor(v['s'], '__proto__')?.value).toBe('x');
  });
  it('a line without a delimiter is an error with its line', () => {
    const r = loadFile('a.ini', '[s]\njunk\n');
    expect(r.errors[0]).toMatchObject({ code: 'syntax_error', line: 2 });
  });
});

describe('XML (goxml2json shape)', () => {
  it('text-only elements are strings, attributes get "-", repeated elements arrays, text with attributes #content', () => {
    expect(parseXml('<?xml version="1.0"?>\n<p:project xmlns:p="u" v="4"><a>1</a><b>x</b><b>y</b><c k="v">t</c><d/></p:project>')).toEqual({
      project: { '-v': '4', a: '1', b: ['x', 'y'], c: { '-k': 'v', '#content': 't' }, d: '' },
    });
  });
  it('malformed XML is an error with its line', () => {
    const r = loadFile('a.xml', '<a>\n<b></a>');
    expect(r.errors[0]).toMatchObject({ code: 'syntax_error', line: 2 });
  });
});

describe('EDN (conftest stringifies scalars)', () => {
  it('keywords keep their colon, numbers become text, lists and vectors arrays', () => {
    expect(parseEdn('{:env :production :port 5432 :keys ["a" "b"] :l (1 2) :n nil :ok true :s #{:b :a}}')).toEqual({
      ':env': ':production',
      ':port': '5432',
      ':keys': ['a', 'b'],
      ':l': ['1', '2'],
      ':n': '<nil>',
      ':ok': 'true',
      ':s': 'map[:a:true :b:true]',
    });
  });
  it('an unclosed map is an error', () => {
    expect(loadFile('a.edn', '{:a 1').errors[0]).toMatchObject({ code: 'syntax_error' });
  });
});

describe('ignore files (go-ignore entries)', () => {
  it('classifies every line and unescapes', () => {
    expect(parseIgnoreEntries('foo\n!bar\n\n# Baz\nqux\\ \\\\x  ')).toEqual([
      { Kind: 'Path', Value: 'foo', Original: 'foo' },
      { Kind: 'NegatedPath', Value: 'bar', Original: '!bar' },
      { Kind: 'Empty', Value: '', Original: '' },
      { Kind: 'Comment', Value: 'Baz', Original: '# Baz' },
      { Kind: 'Path', Value: 'qux \\x', Original: 'qux\\ \\\\x  ' },
    ]);
  });
});

describe('properties and dotenv', () => {
  it('properties: separators, continuations, ${} references', () => {
    expect(parseProperties('a=1\nb : two\\\n  more\nc = ${a}/x\n')).toEqual({ a: '1', b: 'twomore', c: '1/x' });
  });
  it('dotenv: quotes, export and comments', () => {
    expect(value('.env', '# c\nexport A=1\nB="two words"\nC=\n')).toEqual({ A: '1', B: 'two words', C: '' });
  });
});

describe('HCL', () => {
  it('HCL 2 in hcl2json shape (blocks are arrays under their labels)', () => {
    expect(value('main.tf', 'resource "aws_s3_bucket" "b" {\n  acl = "private"\n  n = 2\n}\n')).toEqual({
      resource: { aws_s3_bucket: { b: [{ acl: 'private', n: 2 }] } },
    });
  });
  it('HCL 1 in hashicorp/hcl v1 shape (--parser hcl1)', () => {
    expect(value('gke.tf', 'provider "google" {\n  project = "p"\n}\n', { parser: 'hcl1' })).toEqual({ provider: [{ google: [{ project: 'p' }] }] });
  });
  it('syntax errors are load errors, with the position when the parser gives one', () => {
    expect(loadFile('main.tf', 'a = {\n b').errors[0]).toMatchObject({ code: 'syntax_error' });
    expect(loadFile('a.hcl1', 'a = {\n b').errors[0]).toMatchObject({ code: 'syntax_error', line: 2, column: 4 });
  });
});

describe('CycloneDX', () => {
  it('loads JSON BOMs', () => {
    expect(value('bom.json', '{"bomFormat": "CycloneDX", "specVersion": "1.4"}', { parser: 'cyclonedx' })).toEqual({ bomFormat: 'CycloneDX', specVersion: '1.4' });
  });

  it('reads XML BOMs into the JSON encoding\'s field names', () => {
    const xml = [
      '\uFEFF<?xml version="1.0" encoding="utf-8"?>',
      '<bom xmlns="http://cyclonedx.org/schema/bom/1.4" serialNumber="urn:uuid:1" version="2">',
      '  <metadata><timestamp>2024-01-01T00:00:00Z</timestamp><tools><tool><name>syft</name></tool></tools></metadata>',
      '  <components>',
      '    <component type="library" bom-ref="pkg:npm/a@1">',
      '      <name>a</name><version>1</version>',
      '      <hashes><hash alg="SHA-256">abc</hash></hashes>',
      '      <licenses><license><id>MIT</id></license><expression>MIT OR Apache-2.0</expression></licenses>',
      '      <properties><property name="k">v</property></properties>',
      '      <externalReferences />',
      '    </component>',
      '    <component type="library" bom-ref="pkg:npm/b@2"><name>b</name><modified>false</modified></component>',
      '  </components>',
      '  <dependencies><dependency ref="pkg:npm/a@1"><dependency ref="pkg:npm/b@2"/></dependency><dependency ref="pkg:npm/b@2"/></dependencies>',
      '</bom>',
    ].join('\n');
    expect(value('bom.xml', xml, { parser: 'cyclonedx' })).toEqual({
      bomFormat: 'CycloneDX',
      specVersion: '1.4',
      serialNumber: 'urn:uuid:1',
      version: 2,
      metadata: { timestamp: '2024-01-01T00:00:00Z', tools: [{ name: 'syft' }] },
      components: [
        {
          type: 'library',
          'bom-ref': 'pkg:npm/a@1',
          name: 'a',
          version: '1',
          hashes: [{ alg: 'SHA-256', content: 'abc' }],
          licenses: [{ license: { id: 'MIT' } }, { expression: 'MIT OR Apache-2.0' }],
          properties: [{ name: 'k', value: 'v' }],
          externalReferences: [],
        },
        { type: 'library', 'bom-ref': 'pkg:npm/b@2', name: 'b', modified: false },
      ],
      dependencies: [{ ref: 'pkg:npm/a@1', dependsOn: ['pkg:npm/b@2'] }, { ref: 'pkg:npm/b@2' }],
    });
  });

  it('reports malformed XML with its position, and an XML file that is no BOM', () => {
    expect(loadFile('bom.xml', '<bom>\n  <components>\n</bom>', { parser: 'cyclonedx' }).errors[0]).toMatchObject({ code: 'syntax_error', line: 3 });
    expect(loadFile('bom.xml', '<project/>', { parser: 'cyclonedx' }).errors[0]).toMatchObject({ code: 'syntax_error', message: expect.stringContaining('not a CycloneDX BOM') });
    const deep = '<bom>' + '<a>'.repeat(300) + '</a>'.repeat(300) + '</bom>';
    expect(loadFile('bom.xml', deep, { parser: 'cyclonedx' }).errors[0]).toMatchObject({ code: 'syntax_error' });
  });
});

describe('dotenv edge cases', () => {
  it('expands earlier keys outside single quotes, keeps inline # in quotes, joins multi-line quotes', () => {
    expect(value('.env', "A=x\nB=${A}/y # note\nC='${A}'\nD=\"l1\\nl2 # not a comment\"\nE=\"multi\nline\"\n")).toEqual({
      A: 'x',
      B: 'x/y',
      C: '${A}',
      D: 'l1\nl2 # not a comment',
      E: 'multi\nline',
    });
  });
  it('a line that is not KEY=VALUE is an error with its line', () => {
    expect(loadFile('.env', 'A=1\nnot a pair\n').errors[0]).toMatchObject({ code: 'syntax_error', line: 2 });
  });
});

describe('SPDX tag-value (SPDX JSON field names)', () => {
  const text = [
    'SPDXVersion: SPDX-2.3',
    'DataLicense: CC0-1.0',
    'SPDXID: SPDXRef-DOCUMENT',
    'DocumentName: demo',
    'Creator: Tool: x',
    'Created: 2024-01-01T00:00:00Z',
    '',
    'PackageName: app',
    'SPDXID: SPDXRef-app',
    'PackageVersion: 1.0',
    'PackageChecksum: SHA256: abc',
    'PackageLicenseInfoFromFiles: MIT',
    'ExternalRef: PACKAGE-MANAGER purl pkg:npm/app@1.0',
    'PackageCopyrightText: <text>line one',
    'line two</text>',
    'FileName: ./a.js',
    'FileType: SOURCE',
    'Relationship: SPDXRef-DOCUMENT DESCRIBES SPDXRef-app',
  ].join('\n');
  it('maps document, packages, files and relationships', () => {
    expect(value('sbom.spdx', text)).toEqual({
      spdxVersion: 'SPDX-2.3',
      dataLicense: 'CC0-1.0',
      SPDXID: 'SPDXRef-DOCUMENT',
      name: 'demo',
      creationInfo: { creators: ['Tool: x'], created: '2024-01-01T00:00:00Z' },
      packages: [
        {
          name: 'app',
          SPDXID: 'SPDXRef-app',
          versionInfo: '1.0',
          checksums: [{ algorithm: 'SHA256', checksumValue: 'abc' }],
          licenseInfoFromFiles: ['MIT'],
          externalRefs: [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: 'pkg:npm/app@1.0' }],
          copyrightText: 'line one\nline two',
        },
      ],
      files: [{ fileName: './a.js', fileTypes: ['SOURCE'] }],
      relationships: [{ spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: 'SPDXRef-app' }],
    });
  });
  it('unknown tags, unclosed <text> and non-SPDX text are errors with their line', () => {
    expect(loadFile('a.spdx', 'SPDXVersion: SPDX-2.3\nBogus: x\n').errors[0]).toMatchObject({ code: 'syntax_error', line: 2 });
    expect(loadFile('a.spdx', 'SPDXVersion: SPDX-2.3\nDocumentComment: <text>open\n').errors[0]).toMatchObject({ code: 'syntax_error', line: 2 });
    expect(loadFile('a.spdx', 'DocumentName: x\n').errors[0]?.message).toContain('no SPDXVersion');
  });
});

describe('VCL declarations', () => {
  it('backends, nested probes and acls; subroutines skipped', () => {
    const vcl = 'vcl 4.0;\nimport std;\n# c\nbackend app {\n  .host = "h"; // c\n  .port = "8081";\n  .timeout = 60s;\n  .probe = { .url = "/"; .interval = 5s; }\n}\nacl purge { "127.0.0.1"; "10.0.0.0"/8; !"10.1.1.1"; }\nsub vcl_recv { if (req.url ~ "^/x") { return (pass); } }\n';
    expect(value('v.vcl', vcl)).toEqual({
      backend: { app: { host: 'h', port: '8081', timeout: '60s', probe: { url: '/', interval: '5s' } } },
      acl: { purge: ['127.0.0.1', '10.0.0.0/8', '!10.1.1.1'] },
    });
  });
  it('malformed declarations are errors with their line', () => {
    expect(loadFile('v.vcl', 'backend app {\n  host = "h";\n}\n').errors[0]).toMatchObject({ code: 'syntax_error', line: 2 });
    expect(loadFile('v.vcl', 'backend app {\n  .host = "h";\n').errors[0]).toMatchObject({ code: 'syntax_error' });
  });
});
