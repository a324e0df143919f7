import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_PROTO_BYTES, protoDirsOf, readProtoFiles } from './proto-files.js';

const dir = mkdtempSync(join(tmpdir(), 'protos-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('--proto-file-dirs', () => {
  it('takes repeated and comma-separated directories', () => {
    expect(protoDirsOf(['a,b', 'c'])).toEqual(['a', 'b', 'c']);
    expect(protoDirsOf(undefined)).toEqual([]);
  });

  it('reads the .proto files under the directories, relative to the working directory', () => {
    mkdirSync(join(dir, 'p/sub'), { recursive: true });
    writeFileSync(join(dir, 'p/a.proto'), 'syntax = "proto3";');
    writeFileSync(join(dir, 'p/sub/b.proto'), 'syntax = "proto3";');
    writeFileSync(join(dir, 'p/notes.txt'), 'x');
    const r = readProtoFiles(['p'], dir);
    expect(r.errors).toEqual([]);
    expect(r.files.map((f) => f.path)).toEqual(['p/a.proto', 'p/sub/b.proto']);
  });

  it('checks the declarations up front, naming the .proto file and line of a problem', () => {
    mkdirSync(join(dir, 'bad'), { recursive: true });
    writeFileSync(join(dir, 'bad/x.proto'), 'syntax = "proto3";\nmessage A {\n  Missing m = 1;\n}\n');
    expect(readProtoFiles(['bad'], dir).errors).toEqual(['bad/x.proto:3:3: unknown type Missing of field m']);
  });

  it('reports directories without .proto files and files over the size bound', () => {
    mkdirSync(join(dir, 'empty'), { recursive: true });
    expect(readProtoFiles(['empty'], dir).errors).toEqual(['--proto-file-dirs: no .proto files in empty']);
    mkdirSync(join(dir, 'big'), { recursive: true });
    writeFileSync(join(dir, 'big/x.proto'), ' '.repeat(MAX_PROTO_BYTES + 1));
    expect(readProtoFiles(['big'], dir).errors[0]).toMatch(/^big\/x\.proto: file is larger than the limit/);
  });
});
