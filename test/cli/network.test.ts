/**
 * Policies reach the network only when the user opts in: `http.send` fails with a clear error by
 * default and works against a loopback server with `--allow-network`.
 */
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const CLI = join(ROOT, 'packages/cli/dist/main.js');
const skip = existsSync(CLI) ? undefined : `${CLI} not built (run pnpm build)`;
if (skip) console.warn(`network.test: skipped, ${skip}`);

// Async spawn: the test's own server must keep serving while the CLI waits on it.
function palisade(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [CLI, ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    p.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe.skipIf(!!skip)('network access is opt-in', () => {
  let server: Server;
  let url = '';
  const dir = mkdtempSync(join(tmpdir(), 'palisade-net-'));
  const policy = join(dir, 'p.rego');

  beforeAll(async () => {
    server = createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ path: req.url, method: req.method }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hello`;
    writeFileSync(policy, `package h\n\nimport rego.v1\n\nr := http.send({"method": "GET", "url": "${url}"})\n`);
  });
  afterAll(() => {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses http.send by default with a clear error', async () => {
    const r = await palisade(['eval', '-d', policy, '--strict-builtin-errors', 'data.h.r']);
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).toContain('http.send: network access is disabled (opt in with --allow-network');
  });

  it('sends the request with --allow-network', async () => {
    const r = await palisade(['eval', '-d', policy, '--allow-network', '--format', 'values', 'data.h.r']);
    expect(r.code, r.stderr).toBe(0);
    const res = JSON.parse(r.stdout);
    expect(res).toMatchObject({ status_code: 200, body: { path: '/hello', method: 'GET' } });
  });
});
