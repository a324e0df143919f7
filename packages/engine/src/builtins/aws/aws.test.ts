import { describe, expect, it } from 'vitest';
import { createHash, createHmac } from 'node:crypto';
import { awsBuiltins } from './aws.js';
import type { BuiltinContext } from '../define.js';
import type { Value } from '../../value/types.js';

const sign = (req: Value, cfg: Value, t: Value) => awsBuiltins[0].impl([req, cfg, t], {} as BuiltinContext) as Record<string, Value>;
const errorOf = (req: Value, cfg: Value, t: Value) => {
  try {
    sign(req, cfg, t);
  } catch (e) {
    return (e as Error).message;
  }
  return '';
};
const cfg = { aws_access_key: 'AKID', aws_secret_access_key: 'SECRET', aws_service: 's3', aws_region: 'us-east-1' };
const T0 = 1451311705000000000n;

/** SigV4 computed independently with Node's crypto. */
function expectedSignature(canonical: string): string {
  const sts = `AWS4-HMAC-SHA256\n20151228T140825Z\n20151228/us-east-1/s3/aws4_request\n${createHash('sha256').update(canonical).digest('hex')}`;
  let k = createHmac('sha256', 'AWS4SECRET').update('20151228').digest();
  for (const part of ['us-east-1', 's3', 'aws4_request']) k = createHmac('sha256', k).update(part).digest();
  return createHmac('sha256', k).update(sts).digest('hex');
}

describe('providers.aws.sign_req', () => {
  it('signs a request with a JSON body', () => {
    const out = sign({ method: 'post', url: 'https://example.com/a%20b/c?x=1', headers: { 'X-Foo': 'bar', 'User-Agent': 'ua' }, body: { a: [1] } }, cfg, T0);
    const bodyHash = createHash('sha256').update('{"a":[1]}').digest('hex');
    const canonical = [
      'post',
      '/a%20b/c',
      'x=1',
      'host:example.com',
      `x-amz-content-sha256:${bodyHash}`,
      'x-amz-date:20151228T140825Z',
      'x-foo:bar',
      '',
      'host;x-amz-content-sha256;x-amz-date;x-foo',
      bodyHash,
    ].join('\n');
    const headers = out.headers as Record<string, Value>;
    expect(headers.Authorization).toBe(
      `AWS4-HMAC-SHA256 Credential=AKID/20151228/us-east-1/s3/aws4_request,SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-foo,Signature=${expectedSignature(canonical)}`,
    );
    expect(headers['User-Agent']).toBe('ua');
    expect(out.method).toBe('post');
  });
  it('validates its operands with OPA texts', () => {
    expect(errorOf({}, cfg, T0)).toBe('operand 1 missing required request parameters(s): {"method", "url"}');
    expect(errorOf({ method: 'get', url: 'http://x' }, { aws_region: 1 }, T0)).toBe(
      'operand 2 missing required AWS config parameters(s): {"aws_access_key", "aws_secret_access_key", "aws_service"}',
    );
    expect(errorOf({ method: 'get', url: 'http://x' }, { ...cfg, disable_payload_signing: 'no' }, T0)).toBe(
      "operand 2 invalid value for 'disable_payload_signing' in AWS config",
    );
    expect(errorOf({ method: 'get', url: 'http://x' }, cfg, 1.5)).toBe('operand 3 could not convert time_ns value into a unix timestamp');
  });
});
