/**
 * A minimal npm registry on 127.0.0.1 serving packed tarballs, so the install tests run the real
 * npm client the way a user's `npm install -g @palisade/cli` does, without publishing anywhere.
 * Only the `@palisade` scope is pointed at it (`--@palisade:registry=…`); every other dependency
 * comes from the usual registry. Hand-written because the protocol needed here is two GET routes
 * (packument and tarball) and a full registry server (verdaccio) would add hundreds of packages.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename } from 'node:path';

export interface LocalRegistry {
  url: string;
  /** Request paths served, in order (the test checks npm really came here). */
  served: string[];
  close(): Promise<void>;
}

interface Published {
  manifest: Record<string, unknown>;
  file: string;
  data: Buffer;
}

/** Starts a registry that serves each tarball (an `npm pack`/`pnpm pack` output) as its package. */
export async function startRegistry(tarballs: string[]): Promise<LocalRegistry> {
  const byName = new Map<string, Published>();
  for (const file of tarballs) {
    const manifest = JSON.parse(execFileSync('tar', ['-xzOf', file, 'package/package.json'], { encoding: 'utf8' })) as Record<string, unknown>;
    byName.set(String(manifest.name), { manifest, file: basename(file), data: readFileSync(file) });
  }
  const served: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    served.push(path);
    const tarball = [...byName.values()].find((p) => path === `/-/${p.file}`);
    if (tarball) {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': tarball.data.length });
      res.end(tarball.data);
      return;
    }
    const pkg = byName.get(path.slice(1));
    if (!pkg) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'not found' }));
      return;
    }
    const version = String(pkg.manifest.version);
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const body = JSON.stringify({
      name: pkg.manifest.name,
      'dist-tags': { latest: version },
      versions: {
        [version]: {
          ...pkg.manifest,
          dist: {
            tarball: `${base}/-/${pkg.file}`,
            shasum: createHash('sha1').update(pkg.data).digest('hex'),
            integrity: `sha512-${createHash('sha512').update(pkg.data).digest('base64')}`,
          },
        },
      },
    });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    served,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
