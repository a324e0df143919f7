import { describe, expect, it } from 'vitest';
import { loadFile } from '../load.js';
import { parseTextproto, protoRegistry, type ProtoFile } from './textproto.js';

const PROTOS: ProtoFile[] = [
  {
    path: 'protos/app.proto',
    text: [
      'syntax = "proto3";',
      'package demo.v1;',
      'import "protos/common.proto";',
      'option go_package = "x/y";',
      '/* a block comment */',
      'message Server {',
      '  string name = 1;',
      '  int32 port = 2 [deprecated = true];',
      '  int64 big = 3;',
      '  bool tls = 4;',
      '  repeated string tags = 5;',
      '  map<string, int32> limits = 6;',
      '  Level level = 7;',
      '  common.Owner owner = 8;',
      '  optional int32 retries = 9;',
      '  bytes blob = 10;',
      '  double ratio = 11;',
      '  oneof addr { string host = 12; uint32 ip = 13; }',
      '  repeated Server replicas = 14;',
      '  enum Level { LEVEL_UNSPECIFIED = 0; LOW = 1; HIGH = 2; }',
      '  reserved 20 to 25;',
      '}',
      'service Api { rpc Get (Server) returns (Server) {} }',
    ].join('\n'),
  },
  { path: 'protos/common.proto', text: 'syntax = "proto3";\npackage demo.v1.common;\nmessage Owner { string team = 1; }\n' },
];

describe('textproto', () => {
  it('reads a message as protojson with proto field names', () => {
    const text = [
      '# proto-message: demo.v1.Server',
      'name: "web" "-1"  # adjacent strings concatenate',
      'port: 0x1F90',
      'big: 9007199254740993',
      'tls: true',
      'tags: ["a", "b"]',
      'tags: "c"',
      'limits { key: "cpu" value: 2 }',
      'limits: < key: "mem", value: 4 >',
      'level: HIGH',
      'owner { team: "sre" };',
      'retries: 0',
      'blob: "\\x00\\xffhi"',
      'ratio: -inf',
      'host: "h"',
      'replicas { name: "r1" } replicas { name: "r2" level: 1 }',
    ].join('\n');
    expect(parseTextproto(text, PROTOS)).toEqual({
      name: 'web-1',
      port: 8080,
      big: '9007199254740993',
      tls: true,
      tags: ['a', 'b', 'c'],
      limits: { cpu: 2, mem: 4 },
      level: 'HIGH',
      owner: { team: 'sre' },
      retries: 0,
      blob: 'AP9oaQ==',
      ratio: '-Infinity',
      host: 'h',
      replicas: [{ name: 'r1' }, { name: 'r2', level: 'LOW' }],
    });
  });

  it('leaves proto3 fields at their default value out, as protojson does', () => {
    expect(parseTextproto('# proto-message: demo.v1.Server\nname: ""\nport: 0\ntls: false\nlevel: LEVEL_UNSPECIFIED\n', PROTOS)).toEqual({});
  });

  it('reports unknown fields, bad values and repeated singular fields with their line', () => {
    const err = (body: string) => loadFile('x.textproto', `# proto-message: demo.v1.Server\n${body}`, { protoFiles: PROTOS }).errors[0];
    expect(err('nope: 1')).toMatchObject({ code: 'syntax_error', line: 2, column: 1, message: 'textproto: unknown field nope in message demo.v1.Server' });
    expect(err('name: "a"\nname: "b"')).toMatchObject({ line: 3, message: 'textproto: non-repeated field name is set twice' });
    expect(err('port: 4294967296')).toMatchObject({ line: 2, message: expect.stringContaining('out of range for int32') });
    expect(err('level: MEDIUM')).toMatchObject({ message: expect.stringContaining('"MEDIUM" is not a value of demo.v1.Server.Level') });
    expect(err('[ext.field]: 1')).toMatchObject({ message: expect.stringContaining('extensions and google.protobuf.Any expansions are not supported') });
    expect(err('owner ' + '{ '.repeat(300))).toMatchObject({ code: 'syntax_error' });
    expect(err('name: "a')).toMatchObject({ line: 2, column: 7, message: 'textproto: unterminated string' });
  });

  it('needs the proto-message comment and a declared type (conftest: look up message type)', () => {
    expect(loadFile('x.textproto', 'name: "a"\n', { protoFiles: PROTOS }).errors[0]).toMatchObject({ message: expect.stringContaining('proto-message') });
    expect(loadFile('x.textproto', '# proto-message: demo.v1.Nope\n').errors[0]).toMatchObject({
      code: 'syntax_error',
      line: 1,
      message: 'textproto: look up message type "demo.v1.Nope": not found in any .proto file (pass --proto-file-dirs DIR)',
    });
  });

  it('is picked by extension and reports .proto problems with their file and line', () => {
    expect(loadFile('a.textpb', '# proto-message: demo.v1.common.Owner\nteam: "x"', { protoFiles: PROTOS }).documents[0]?.kind).toBe('textproto');
    expect(() => protoRegistry([{ path: 'bad.proto', text: 'syntax = "proto3";\nmessage A {\n  Missing m = 1;\n}\n' }])).toThrow(/bad\.proto: unknown type Missing of field m/);
  });
});
