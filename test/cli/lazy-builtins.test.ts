/**
 * The bundled CLI declares the builtin families on large libraries (crypto, JWT, X.509, GraphQL,
 * JSON Schema) as data and loads each family's code on its first call (engine
 * src/builtins/lazy-family.ts, packages/cli/scripts/bundle-cli.mjs). Each family's builtins must
 * answer, and be type-checked, exactly as the engine from source does.
 */
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Engine } from '../../packages/engine/src/index.js';
import { ensureBuilt, palisade, ROOT } from './scan-helpers.js';

ensureBuilt();
const home = mkdtempSync(join(tmpdir(), 'palisade-lazy-builtins-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));
const manifest = JSON.parse(readFileSync(join(ROOT, 'packages/cli/dist/command-manifest.json'), 'utf8')) as { commands: { spec: { name: string }; cjs?: string }[] };
const evalBundle = manifest.commands.find((c) => c.spec.name === 'eval')?.cjs;
const noBundle = evalBundle && existsSync(join(ROOT, 'packages/cli/dist', evalBundle)) ? undefined : 'no CommonJS bundle of eval (run pnpm build)';
if (noBundle) console.warn(`lazy builtin families e2e skipped: ${noBundle}`);

const rsaKey = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
const CALLS: Record<string, string> = {
  crypto: 'crypto.hmac.sha256("message", "key")',
  jwt: 'io.jwt.decode("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxIn0.c2ln")',
  x509: `crypto.x509.parse_rsa_private_key(${JSON.stringify(rsaKey)})`,
  graphql: 'graphql.is_valid("{ a }", "type Query { a: Int }")',
  jsonschema: 'json.verify_schema({"type": "object", "properties": {"a": {"type": "string"}}})',
};

function fromSource(expr: string): string {
  const { query, errors } = new Engine().prepare(`x := json.marshal(${expr})`);
  expect(errors).toEqual([]);
  return query!.evaluate().rows[0]!['x'] as string;
}

describe.skipIf(noBundle)('builtin families loaded on first call, in the bundled CLI', () => {
  const env = { XDG_CACHE_HOME: join(home, 'xdg') };
  for (const [family, expr] of Object.entries(CALLS)) {
    it(`${family}: the same answer as the engine from source`, () => {
      const expected = fromSource(expr);
      expect(expected.length).toBeGreaterThan(2);
      const r = palisade(['eval', '--format', 'raw', `json.marshal(${expr})`], { cwd: home, env });
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe(`${expected}\n`);
    });
  }

  it('checks argument types against the declarations before any family loads', () => {
    const r = palisade(['eval', 'graphql.is_valid(1, 2)'], { cwd: home, env });
    expect(r.code).toBe(2);
    const { errors } = JSON.parse(r.stdout) as { errors: { code: string; message: string }[] };
    expect(errors.map((e) => [e.code, e.message.split('\n')[0]])).toEqual([
      ['rego_type_error', 'graphql.is_valid: invalid argument(s)'],
      ['rego_type_error', 'graphql.is_valid: invalid argument(s)'],
    ]);
  });
});
