/**
 * `palisade build` and `-b/--bundle` end to end: bundles Palisade builds load in the reference OPA
 * (`opa eval -d` on the extracted bundle gives the same answer), bundles laid out as OPA writes
 * them load in Palisade, signatures are checked before anything in a bundle is used.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureBuilt, palisade, ROOT } from './scan-helpers.js';

ensureBuilt();
const OPA = join(ROOT, '../shared/bin/opa');
const noOpa = existsSync(OPA) ? undefined : `${OPA} is absent`;
if (noOpa) console.warn(`bundle.test: OPA comparisons skipped, ${noOpa}`);

const work = mkdtempSync(join(tmpdir(), 'palisade-bundle-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function tree(dir: string, files: Record<string, string>): string {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const POLICY = {
  'main/deny.rego': 'package main\n\nimport data.lib.util\n\ndeny contains msg if {\n\tsome c in input.spec.containers\n\tutil.privileged(c)\n\tmsg := sprintf("%s is privileged (team %s)", [c.name, data.main.team])\n}\n',
  'main/deny_test.rego': 'package main_test\n\nimport data.main\n\ntest_privileged if {\n\tcount(main.deny) == 1 with input as {"spec": {"containers": [{"name": "a", "securityContext": {"privileged": true}}]}}\n}\n',
  'lib/util.rego': 'package lib.util\n\nprivileged(c) if c.securityContext.privileged\n',
  'main/data.json': '{"team": "platform"}',
};
const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx\n      securityContext:\n        privileged: true\n';

tree(join(work, 'src'), POLICY);
writeFileSync(join(work, 'pod.yaml'), POD);
writeFileSync(join(work, 'pod.json'), JSON.stringify({ spec: { containers: [{ name: 'web', securityContext: { privileged: true } }] } }));
const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
writeFileSync(join(work, 'private.pem'), keys.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string);
writeFileSync(join(work, 'public.pem'), keys.publicKey.export({ type: 'spki', format: 'pem' }) as string);
const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
writeFileSync(join(work, 'other.pem'), other.publicKey.export({ type: 'spki', format: 'pem' }) as string);

const run = (args: string[]) => palisade(args, { cwd: work });
const extract = (tgz: string, into: string) => {
  mkdirSync(into, { recursive: true });
  execFileSync('tar', ['-xzf', tgz, '-C', into]);
  return into;
};
const opaEval = (dir: string, query: string, input: string) => {
  const r = spawnSync(OPA, ['eval', '-d', dir, '-i', input, '--format', 'raw', query], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as unknown;
};
const evalValue = (args: string[]) => {
  const r = run(['eval', ...args, '--format', 'values']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as unknown;
};

describe('palisade build', () => {
  it('writes an OPA bundle: .manifest, one merged data.json, every module at its path', () => {
    const r = run(['build', '-o', 'b.tar.gz', '--revision', 'abc123', 'src']);
    expect(r.code, r.stderr).toBe(0);
    const names = execFileSync('tar', ['-tzf', join(work, 'b.tar.gz')], { encoding: 'utf8' }).trim().split('\n').sort();
    expect(names).toEqual(['/.manifest', '/data.json', '/lib/util.rego', '/main/deny.rego', '/main/deny_test.rego']);
    const x = extract(join(work, 'b.tar.gz'), join(work, 'x'));
    expect(JSON.parse(readFileSync(join(x, '.manifest'), 'utf8'))).toEqual({ revision: 'abc123', roots: [''], rego_version: 1 });
    expect(JSON.parse(readFileSync(join(x, 'data.json'), 'utf8'))).toEqual({ main: { team: 'platform' } });
    expect(readFileSync(join(x, 'main/deny.rego'), 'utf8')).toBe(POLICY['main/deny.rego']);
  });

  it.skipIf(!!noOpa)('loads in OPA with the same answers as in Palisade', () => {
    const x = join(work, 'x');
    for (const q of ['data.main.deny', 'data.main.team', 'data.lib.util']) {
      expect(evalValue(['-b', 'b.tar.gz', '-i', 'pod.json', q]), q).toEqual(opaEval(x, q, join(work, 'pod.json')));
    }
  });

  it('refuses what would not load: compile errors, modules outside the roots, duplicate paths', () => {
    tree(join(work, 'bad'), { 'p.rego': 'package p\n\nallow if unknown_fn(input)\n' });
    const bad = run(['build', '-o', 'bad.tar.gz', 'bad']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/bad\/p\.rego:3.*undefined function unknown_fn/);
    expect(existsSync(join(work, 'bad.tar.gz'))).toBe(false);
    const roots = run(['build', '-o', 'r.tar.gz', '--root', 'main', 'src']);
    expect(roots.code).toBe(2);
    expect(roots.stderr).toMatch(/package lib\.util is outside the manifest's roots/);
    tree(join(work, 'dup'), { 'lib/util.rego': 'package lib.util2\n' });
    const dup = run(['build', '-o', 'd.tar.gz', 'src', 'dup']);
    expect(dup.code).toBe(2);
    expect(dup.stderr).toMatch(/lib\/util\.rego is also in/);
    // A bundle of nothing is not a success.
    mkdirSync(join(work, 'empty'));
    writeFileSync(join(work, 'empty', 'notes.txt'), 'not policy');
    const empty = run(['build', '-o', 'e.tar.gz', 'empty']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/no \.rego or data files in empty/);
    expect(existsSync(join(work, 'e.tar.gz'))).toBe(false);
  });
});

describe('-b/--bundle', () => {
  it('scan runs the bundle policies (not the stdlib) with their data', () => {
    const r = run(['scan', '-b', 'b.tar.gz', '-n', 'main', '--no-color', 'pod.yaml']);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toContain('web is privileged (team platform)');
    expect(r.stdout).not.toMatch(/KC-\d+|KW-\d+/);
  });

  it('test runs the tests inside a bundle', () => {
    const r = run(['test', '-b', 'b.tar.gz']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/PASS: 1\/1/);
  });

  it('loads a bundle laid out as OPA writes it (nested data, roots, leading slashes) with the same answers as OPA', () => {
    const dir = tree(join(work, 'opa-layout'), {
      '.manifest': JSON.stringify({ revision: 'v7', roots: ['authz', 'roles'], rego_version: 1 }),
      'authz/policy.rego': 'package authz\n\ndefault allow := false\n\nallow if "admin" in data.roles.bindings[input.user]\n',
      'roles/bindings/data.json': '{"ada": ["admin"], "bob": ["viewer"]}',
      'data.json': '{}',
    });
    const tgz = join(work, 'opa-layout.tar.gz');
    // GNU tar writes the archive, not Palisade: entries as `/path`, the layout OPA's writer uses.
    execFileSync('tar', ['-czf', tgz, '--transform', 's,^\\./,/,', '-C', dir, './.manifest', './authz/policy.rego', './roles/bindings/data.json', './data.json']);
    writeFileSync(join(work, 'ada.json'), '{"user": "ada"}');
    writeFileSync(join(work, 'bob.json'), '{"user": "bob"}');
    for (const who of ['ada', 'bob']) {
      const mine = evalValue(['-b', 'opa-layout.tar.gz', '-i', `${who}.json`, 'data.authz.allow']);
      expect(mine).toEqual(who === 'ada');
      if (!noOpa) expect(mine).toEqual((opaEval(dir, 'data.authz.allow', join(work, `${who}.json`))));
    }
    // Data outside the roots is refused, as OPA refuses it.
    tree(join(work, 'opa-layout'), { 'other/data.json': '{"x": 1}' });
    const bad = run(['eval', '-b', 'opa-layout', 'data']);
    expect(bad.code).toBe(2);
    expect(bad.stdout + bad.stderr).toMatch(/data at \/other is outside the manifest's roots/);
  });
});

describe('rego_version in the manifest', () => {
  const V0 = 'package ex\n\ndeny[msg] {\n\tinput.user == "eve"\n\tmsg := "v0 rule"\n}\n';
  const V1 = 'package ex\n\nwarn contains "v1 rule" if input.user == "eve"\n';
  writeFileSync(join(work, 'eve.json'), '{"user": "eve"}');

  it('reads modules as v0 or v1 as the manifest says (rego_version, then file_rego_versions globs), with the answers OPA gives', () => {
    const dir = tree(join(work, 'mixed'), {
      '.manifest': JSON.stringify({ revision: '1', roots: ['ex'], rego_version: 0, file_rego_versions: { '*/v1_*.rego': 1 } }),
      'ex/a.rego': V0,
      'ex/v1_b.rego': V1,
    });
    const tgz = join(work, 'mixed.tar.gz');
    execFileSync('tar', ['-czf', tgz, '--transform', 's,^\\./,/,', '-C', dir, './.manifest', './ex/a.rego', './ex/v1_b.rego']);
    for (const b of ['mixed.tar.gz', 'mixed']) {
      expect(evalValue(['-b', b, '-i', 'eve.json', 'data.ex.deny'])).toEqual(['v0 rule']);
      expect(evalValue(['-b', b, '-i', 'eve.json', 'data.ex.warn'])).toEqual(['v1 rule']);
    }
    if (!noOpa) {
      const v0 = spawnSync(OPA, ['eval', '--v0-compatible', '-d', join(dir, 'ex/a.rego'), '-i', join(work, 'eve.json'), '--format', 'raw', 'data.ex.deny'], { encoding: 'utf8' });
      expect(JSON.parse(v0.stdout)).toEqual(['v0 rule']);
      expect(opaEval(join(dir, 'ex/v1_b.rego'), 'data.ex.warn', join(work, 'eve.json'))).toEqual(['v1 rule']);
    }
    // scan takes the same per-file versions: the v0 deny fires.
    const scan = run(['scan', '-b', 'mixed.tar.gz', '-n', 'ex', '--no-color', 'eve.json']);
    expect(scan.code, scan.stdout + scan.stderr).toBe(1);
    expect(scan.stdout).toContain('v0 rule');
    // build keeps the versions: its bundle loads the same way.
    const built = run(['build', '-o', 'mixed-built.tar.gz', 'mixed']);
    expect(built.code, built.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(extract(join(work, 'mixed-built.tar.gz'), join(work, 'mixed-x')), '.manifest'), 'utf8')) as Record<string, unknown>;
    expect(manifest.rego_version).toBe(0);
    expect(manifest.file_rego_versions).toEqual({ '*/v1_*.rego': 1 });
    expect(evalValue(['-b', 'mixed-built.tar.gz', '-i', 'eve.json', 'data.ex.deny'])).toEqual(['v0 rule']);
  });

  it('a v0 module without a manifest version is a parse error (v1 is the default), and unknown versions are refused', () => {
    tree(join(work, 'plain'), { 'ex/a.rego': V0 });
    const r = run(['eval', '-b', 'plain', 'data.ex']);
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).toContain('rego_parse_error');
    tree(join(work, 'v2'), { '.manifest': JSON.stringify({ revision: '1', rego_version: 2 }), 'ex/a.rego': V1 });
    const v2 = run(['eval', '-b', 'v2', 'data.ex']);
    expect(v2.code).toBe(2);
    expect(v2.stdout + v2.stderr).toMatch(/unknown bundle rego-version 2/);
  });
});

describe('signed bundles', () => {
  it('build --signing-key writes .signatures.json; the bundle loads only with the right key', () => {
    const b = run(['build', '-o', 'signed.tar.gz', '--signing-key', 'private.pem', 'src']);
    expect(b.code, b.stderr).toBe(0);
    const names = execFileSync('tar', ['-tzf', join(work, 'signed.tar.gz')], { encoding: 'utf8' });
    expect(names).toContain('/.signatures.json');
    const x = extract(join(work, 'signed.tar.gz'), join(work, 'sx'));
    const jwt = (JSON.parse(readFileSync(join(x, '.signatures.json'), 'utf8')) as { signatures: string[] }).signatures;
    expect(jwt).toHaveLength(1);
    const payload = JSON.parse(Buffer.from(jwt[0]!.split('.')[1]!, 'base64url').toString('utf8')) as { files: { name: string; algorithm: string }[] };
    expect(payload.files.map((f) => f.name).sort()).toEqual(['.manifest', 'data.json', 'lib/util.rego', 'main/deny.rego', 'main/deny_test.rego']);
    expect(new Set(payload.files.map((f) => f.algorithm))).toEqual(new Set(['SHA-256']));

    expect(evalValue(['-b', 'signed.tar.gz', '--verification-key', 'public.pem', '-i', 'pod.json', 'data.main.deny'])).toEqual(['web is privileged (team platform)']);
    const unverified = run(['eval', '-b', 'signed.tar.gz', 'data.main.deny']);
    expect(unverified.code).toBe(2);
    expect(unverified.stdout + unverified.stderr).toMatch(/the bundle is signed; pass --verification-key/);
    const wrong = run(['scan', '-b', 'signed.tar.gz', '--verification-key', 'other.pem', 'pod.yaml']);
    expect(wrong.code).toBe(2);
    expect(wrong.stdout + wrong.stderr).toMatch(/signature verification failed/);
    const unsigned = run(['test', '-b', 'b.tar.gz', '--verification-key', 'public.pem']);
    expect(unsigned.code).toBe(2);
    expect(unsigned.stdout + unsigned.stderr).toMatch(/not signed/);
  });

  it('a bundle changed after signing is refused, naming the file', () => {
    const x = join(work, 'sx');
    writeFileSync(join(x, 'main/deny.rego'), POLICY['main/deny.rego'].replace('privileged (team', 'fine (team'));
    const tampered = join(work, 'tampered.tar.gz');
    execFileSync('tar', ['-czf', tampered, '-C', x, ...readdirSync(x)]);
    const r = run(['eval', '-b', 'tampered.tar.gz', '--verification-key', 'public.pem', 'data.main.deny']);
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).toMatch(/main\/deny\.rego: digest mismatch/);
    // A directory bundle is verified the same way.
    const d = run(['eval', '-b', 'sx', '--verification-key', 'public.pem', 'data.main.deny']);
    expect(d.code).toBe(2);
    expect(d.stdout + d.stderr).toMatch(/digest mismatch/);
  });

  it('HMAC signing with claims (scope) must match the verifier', () => {
    writeFileSync(join(work, 'claims.json'), '{"scope": "prod", "iss": "ci"}');
    expect(run(['build', '-o', 'hs.tar.gz', '--signing-key', 's3cret', '--signing-alg', 'HS256', '--claims-file', 'claims.json', 'src']).code).toBe(0);
    expect(evalValue(['-b', 'hs.tar.gz', '--verification-key', 's3cret', '--signing-alg', 'HS256', '--scope', 'prod', 'data.main.team'])).toEqual('platform');
    const noScope = run(['eval', '-b', 'hs.tar.gz', '--verification-key', 's3cret', '--signing-alg', 'HS256', 'data.main.team']);
    expect(noScope.code).toBe(2);
    expect(noScope.stdout + noScope.stderr).toMatch(/scope mismatch/);
  });
});
