import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sign, SIGNATURES_FILE, verify, verifyToken } from './signature.js';

/**
 * Tokens and key from OPA's own bundle verification tests (v1/bundle/verify_test.go): JWTs its
 * signing code produced, so these check that Palisade accepts OPA's signatures.
 */
const OPA_RS256 =
  'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6ImZvbyJ9.eyJmaWxlcyI6W3sibmFtZSI6ImRiL3VhbTIvZW50aXRsZW1lbnRzL2RhdGEuanNvbiIsImhhc2giOiJjMjEzMTU0NGM3MTZhMjVhNWUzMWY1MDQzMDBmNTI0MGU4MjM1Y2FkYjlhNTdmMGJkMWI2ZjRiZDc0YjI2NjEyIiwiYWxnb3JpdGhtIjoic2hhMjU2In0seyJuYW1lIjoiZGIvdWFtMi9wb2xpY3kvb3BhLXBvbGljeS5yZWdvIiwiaGFzaCI6IjQyY2ZlNjc2OGI1N2JiNWY3NTAzYzE2NWMyOGRkMDdhYzViODEzNTU0ZWJjODUwZjJjYzM1ODQzZTcxMzdiMWQifV0sImlhdCI6MTU5MjI1MTQwNiwiaXNzIjoiSldUU2VydmljZSIsInNjb3BlIjoid3JpdGUifQ.UZcX_Qj29o213nwZ5mysiyNcgAp1AOqCkDLkj1KGZ7Cw3l17TbkF8t3FJd654sf762NGcABA0WQ2zxq-labXl_d5TKQmq23lurO3qLHI1cKQPyoxPbddGo78sJpMwWsiMyEYcyyKC9FpNUpa8cT81GPo4q9Zui8TAD0wtHh2YxBL7E8QYLJxcLMJTJxVBgrQGLXFT7vYRc6hJz9Vu-i0SWuLBGxOCmYoHr4DWFfy0IhAbhiUFyLRpukfBPjCJNYY5LgaZdN6LaYivtIEUms5jUuXubBimLJm7KOT5-bgJMXTcUsbrbl2Ma7PwG5IOKjjgyEvH8KVfGFZSzNrpuxKmA';
const OPA_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA9KaakMv1XKKDaSch3PFR
3a27oaHp1GNTTNqvb1ZaHZXp+wuhYDwc/MTE67x9GCifvQBWzEGorgTq7aisiOyl
vKifwz6/wQ+62WHKG/sqKn2Xikp3P63aBIPlZcHbkyyRmL62yeyuzYoGvLEYel+m
z5SiKGBwviSY0Th2L4e5sGJuk2HOut6emxDi+E2Fuuj5zokFJvIT6Urlq8f3h6+l
GeR6HUOXqoYVf7ff126GP7dticTVBgibxkkuJFmpvQSW6xmxruT4k6iwjzbZHY7P
ypZ/TdlnuGC1cOpAVyU7k32IJ9CRbt3nwEf5U54LRXLLQjFixWZHwKdDiMTF4ws0
+wIDAQAB
-----END PUBLIC KEY-----`;
const OPA_HS256 =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6ImZvbyJ9.eyJmaWxlcyI6W3sibmFtZSI6ImRiL3VhbTIvZW50aXRsZW1lbnRzL2RhdGEuanNvbiIsImhhc2giOiJjMjEzMTU0NGM3MTZhMjVhNWUzMWY1MDQzMDBmNTI0MGU4MjM1Y2FkYjlhNTdmMGJkMWI2ZjRiZDc0YjI2NjEyIiwiYWxnb3JpdGhtIjoic2hhMjU2In0seyJuYW1lIjoiZGIvdWFtMi9wb2xpY3kvb3BhLXBvbGljeS5yZWdvIiwiaGFzaCI6IjQyY2ZlNjc2OGI1N2JiNWY3NTAzYzE2NWMyOGRkMDdhYzViODEzNTU0ZWJjODUwZjJjYzM1ODQzZTcxMzdiMWQifV0sImlhdCI6MTU5MjI0ODAyNywiaXNzIjoiSldUU2VydmljZSIsInNjb3BlIjoid3JpdGUifQ.u7b_h88osJpU6VQLhIUmZjblsPNCO_kTqsVtpEAHavs';

const dir = mkdtempSync(join(tmpdir(), 'palisade-sig-'));
const opaKey = join(dir, 'opa.pem');
writeFileSync(opaKey, OPA_PUBLIC_KEY);

describe('signature JWTs', () => {
  it('accepts the RS256 and HS256 signatures OPA produced, with their scope', async () => {
    const p = await verifyToken(OPA_RS256, { key: opaKey, algorithm: 'RS256', scope: 'write' });
    expect(p.files?.map((f) => f.name)).toEqual(['db/uam2/entitlements/data.json', 'db/uam2/policy/opa-policy.rego']);
    await expect(verifyToken(OPA_HS256, { key: 'secret', algorithm: 'HS256', scope: 'write' })).resolves.toMatchObject({ iss: 'JWTService' });
  });

  it('rejects a wrong key, a wrong secret, a scope mismatch and an algorithm mismatch', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }) as string;
    writeFileSync(join(dir, 'other.pem'), other);
    await expect(verifyToken(OPA_RS256, { key: join(dir, 'other.pem'), scope: 'write' })).rejects.toThrow(/signature verification failed/);
    await expect(verifyToken(OPA_HS256, { key: 'bad_secret', algorithm: 'HS256', scope: 'write' })).rejects.toThrow(/signature verification failed/);
    await expect(verifyToken(OPA_RS256, { key: opaKey, scope: 'bad_scope' })).rejects.toThrow(/scope mismatch/);
    await expect(verifyToken(OPA_HS256, { key: opaKey, scope: 'write' })).rejects.toThrow(/signed with HS256/);
    await expect(verifyToken('not.a.jwt', { key: opaKey })).rejects.toThrow(/not a JWT|verification failed/);
  });

  it('signs files so that verification checks every digest, both ways (ES256 and RS256)', async () => {
    for (const type of ['rsa', 'ec'] as const) {
      const pair = type === 'rsa' ? generateKeyPairSync('rsa', { modulusLength: 2048 }) : generateKeyPairSync('ec', { namedCurve: 'P-256' });
      const priv = join(dir, `${type}.key`);
      const pub = join(dir, `${type}.pub`);
      writeFileSync(priv, pair.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string);
      writeFileSync(pub, pair.publicKey.export({ type: 'spki', format: 'pem' }) as string);
      const algorithm = type === 'rsa' ? 'RS256' : 'ES256';
      const files = [
        { path: 'data.json', data: Buffer.from('{"a": 1}') },
        { path: 'p/q.rego', data: Buffer.from('package p\n') },
      ];
      const sig = { path: SIGNATURES_FILE, data: Buffer.from(await sign(files, { key: priv, algorithm, claims: { scope: 'ci' } })) };
      await expect(verify([...files, sig], { key: pub, algorithm, scope: 'ci' })).resolves.toBeUndefined();
      // The same data, reformatted, still verifies: structured files hash by content.
      await expect(verify([{ path: 'data.json', data: Buffer.from('{ "a" : 1 }\n') }, files[1]!, sig], { key: pub, algorithm, scope: 'ci' })).resolves.toBeUndefined();
      await expect(verify([files[0]!, { path: 'p/q.rego', data: Buffer.from('package p\nallow := true\n') }, sig], { key: pub, algorithm, scope: 'ci' })).rejects.toThrow(/p\/q\.rego: digest mismatch/);
      await expect(verify([...files, { path: 'extra.rego', data: Buffer.from('package x\n') }, sig], { key: pub, algorithm, scope: 'ci' })).rejects.toThrow(/extra\.rego: file not included/);
      await expect(verify([files[0]!, sig], { key: pub, algorithm, scope: 'ci' })).rejects.toThrow(/listed in the bundle signature but not in the bundle/);
      await expect(verify(files, { key: pub, algorithm })).rejects.toThrow(/not signed/);
    }
  });
});
