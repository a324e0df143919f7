/**
 * Resource bounds of the real CLI: `--max-memory` turns a policy that allocates without end into
 * an `eval_memory_error` of that policy (exit 2, the rest of the report still written) instead of
 * a V8 abort, and `--timeout` bounds `http.send` waits against a server that never answers.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, baseEnv, ensureBuilt, palisade } from './scan-helpers.js';

ensureBuilt();

const dir = mkdtempSync(join(tmpdir(), 'palisade-limits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

describe('--max-memory', () => {
  const hog = write(
    'hog.rego',
    `package main

import rego.v1

# 10^8 distinct strings of 1,000 characters: far beyond any heap, if nothing stops it.
deny contains msg if {
	input.kind == "Hog"
	xs := [x | some i in numbers.range(1, 10000); some j in numbers.range(1, 10000); x := sprintf("%01000d", [(i * 10000) + j])]
	msg := sprintf("%d strings", [count(xs)])
}

deny contains msg if {
	input.kind == "Plain"
	msg := "plain finding"
}
`,
  );
  const docs = write('docs.json', JSON.stringify({ kind: 'Plain' }));
  const hogDoc = write('hog.json', JSON.stringify({ kind: 'Hog' }));

  it('reports eval_memory_error for the policy and document, keeps the other findings, exits 2', () => {
    const r = palisade(['scan', '-p', hog, '--max-memory', '64', '-o', 'json', docs, hogDoc], { cwd: dir });
    expect(r.code, r.stderr).toBe(2);
    const report = JSON.parse(r.stdout) as { findings: { message: string; file: string }[]; errors: { path: string; code: string; message: string }[] };
    expect(report.findings.map((f) => f.message)).toEqual(['plain finding']);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatchObject({ code: 'eval_memory_error' });
    expect(report.errors[0]!.message).toMatch(/^main\.deny in \S+\.rego(:\d+:\d+)?: evaluation exceeded the memory limit \(64 MB\); no deny results of main\.deny are reported for this input$/);
    expect(report.errors[0]!.path).toContain('hog.json');
  });

  it('is a usage error when not a positive number of megabytes', () => {
    for (const bad of ['abc', '1.5']) {
      const r = palisade(['scan', '-p', hog, '--max-memory', bad, docs], { cwd: dir });
      expect(r.code, bad).toBe(2);
      expect(r.stderr, bad).toMatch(/max-memory/);
    }
    const e = palisade(['eval', '--max-memory', 'lots', '1 == 1'], { cwd: dir });
    expect(e.code).toBe(2);
    expect(e.stderr).toContain('error: --max-memory must be a positive number of megabytes, got "lots"');
  });

  it('eval: the same bound, exit 2 with the code', () => {
    const r = palisade(['eval', '--max-memory', '64', 'count([x | some i in numbers.range(1, 10000); some j in numbers.range(1, 10000); x := sprintf("%01000d", [(i * 10000) + j])])'], { cwd: dir });
    expect(r.code).toBe(2);
    // eval prints errors in OPA's JSON shape on stdout.
    expect(r.stdout + r.stderr).toMatch(/"code": "eval_memory_error"[^}]*evaluation exceeded the memory limit \(64 MB\)|eval_memory_error: evaluation exceeded the memory limit \(64 MB\)/s);
  });
});

// Async spawn: the test's own server must keep accepting while the CLI waits on it.
function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [BIN, ...args], { cwd: dir, env: baseEnv() });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    p.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('--timeout bounds http.send', () => {
  let server: Server;
  let url = '';
  beforeAll(async () => {
    // Accepts the request and never answers it.
    server = createServer(() => {});
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it('eval: a request longer than the budget ends the evaluation with eval_cancel_error', async () => {
    // The request's own timeout (60 s) is far above the budget: the budget must win.
    const r = await run(['eval', '--allow-network', '--timeout', '300', `http.send({"method": "GET", "url": "${url}", "timeout": "60s"})`]);
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).toMatch(/"code": "eval_cancel_error"[^}]*the time budget ran out during http\.send|eval_cancel_error: evaluation timed out \(the time budget ran out during http\.send\)/s);
  });

  it('scan: the error names the policy and the others still run', async () => {
    const p = write(
      'net.rego',
      `package main

import rego.v1

deny contains msg if {
	r := http.send({"method": "GET", "url": "${url}", "timeout": "60s"})
	msg := sprintf("status %v", [r.status_code])
}

warn contains "still evaluated"
`,
    );
    const doc = write('net.json', '{}');
    const r = await run(['scan', '-p', p, '--allow-network', '--timeout', '300', '-o', 'json', doc]);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout) as { findings: { message: string }[]; errors: { code: string; message: string }[] };
    expect(report.findings.map((f) => f.message)).toEqual(['still evaluated']);
    expect(report.errors).toMatchObject([{ code: 'eval_cancel_error' }]);
    expect(report.errors[0]!.message).toMatch(/^main\.deny in \S+\.rego(:\d+:\d+)?: evaluation timed out \(the time budget ran out during http\.send\); no deny results/);
  });
});
