import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { pack } from 'tar-stream';
import { entryPath, readTarGz, writeTarGz } from './archive.js';

async function tarGz(entries: { name: string; type?: 'file' | 'symlink' | 'directory'; body?: string; linkname?: string }[]): Promise<Buffer> {
  const p = pack();
  const chunks: Buffer[] = [];
  p.on('data', (c) => chunks.push(c as Buffer));
  const done = new Promise<void>((r) => p.on('end', () => r()));
  for (const e of entries) p.entry({ name: e.name, type: e.type ?? 'file', linkname: e.linkname }, e.body ?? '');
  p.finalize();
  await done;
  return gzipSync(Buffer.concat(chunks));
}

describe('tar.gz archives', () => {
  it('round-trips files with OPA-style leading slashes, deterministically', async () => {
    const files = [
      { path: 'data.json', data: Buffer.from('{}') },
      { path: 'a/b.rego', data: Buffer.from('package a\n') },
    ];
    const one = await writeTarGz(files);
    expect(one.equals(await writeTarGz(files))).toBe(true);
    expect(await readTarGz(one)).toEqual(files);
  });

  it('normalises entry names and refuses names that escape', () => {
    expect(entryPath('/a//./b.rego')).toBe('a/b.rego');
    expect(entryPath('../../etc/passwd')).toBeUndefined();
    expect(entryPath('a/../../b')).toBeUndefined();
    expect(entryPath('/')).toBeUndefined();
  });

  it('rejects links, escaping names, oversized and corrupt archives', async () => {
    await expect(readTarGz(await tarGz([{ name: 'x', type: 'symlink', linkname: '/etc/passwd' }]))).rejects.toThrow(/symlink entries are not allowed/);
    await expect(readTarGz(await tarGz([{ name: '../evil.rego', body: 'package x' }]))).rejects.toThrow(/escapes the archive/);
    await expect(readTarGz(await tarGz([{ name: 'big', body: 'x'.repeat(5000) }]), 1000)).rejects.toThrow(/more than 1000 bytes/);
    await expect(readTarGz(Buffer.from('not gzip at all'))).rejects.toThrow(/not a valid gzip stream/);
    await expect(readTarGz(gzipSync(Buffer.from('not a tar archive, just some bytes that are long enough'.repeat(20))))).rejects.toThrow(/not a valid tar archive|Unexpected end/);
    expect(await readTarGz(await tarGz([{ name: 'd/', type: 'directory' }, { name: 'd/f', body: 'ok' }]))).toEqual([{ path: 'd/f', data: Buffer.from('ok') }]);
  });
});
