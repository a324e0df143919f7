/**
 * `providers.aws.sign_req`: AWS Signature Version 4 for an `http.send`-style request object,
 * reproducing OPA's signer (canonical request over Go's escaped URL path and raw query, the
 * `x-amz-content-sha256` header for s3/glacier, request headers overriding the signed values).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { hmac } from '@noble/hashes/hmac.js';
import { typeErrorText, operandError, type BuiltinDecl } from '../define.js';
import { argObject } from '../args.js';
import { T } from '../signature.js';
import { hexEncode, utf8Encode } from '../bytes.js';
import { goMarshal } from '../encoding/encoding-json.js';
import { isInteger } from '../../value/number.js';
import { objectEntries, objectGet, makeObject, isObject, type ObjectValue, type Value } from '../../value/types.js';

const IGNORED_HEADERS = new Set(['authorization', 'user-agent', 'x-amzn-trace-id']);

function missingOrInvalid(o: ObjectValue, keys: string[], pos: number, what: string): void {
  const missing = keys.filter((k) => objectGet(o, k) === undefined);
  if (missing.length > 0) {
    throw typeErrorText(`operand ${pos} missing required ${what} parameters(s): {${missing.map((k) => JSON.stringify(k)).join(', ')}}`);
  }
  const invalid = keys.filter((k) => typeof objectGet(o, k) !== 'string');
  if (invalid.length > 0) {
    throw typeErrorText(`operand ${pos} invalid values for required ${what} parameters(s): {${invalid.map((k) => JSON.stringify(k)).join(', ')}}`);
  }
}

interface ParsedUrl {
  host: string;
  path: string;
  query: string;
}

/** The parts of Go's url.URL the signer uses (host, EscapedPath, RawQuery). */
function parseUrl(u: string): ParsedUrl {
  const m = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/([^/?#]*)([^?#]*)(?:\?([^#]*))?/.exec(u);
  if (!m) {
    const q = u.indexOf('?');
    return { host: '', path: escapePath(q < 0 ? u : u.slice(0, q)), query: q < 0 ? '' : u.slice(q + 1).split('#')[0] };
  }
  const host = m[1].includes('@') ? m[1].slice(m[1].lastIndexOf('@') + 1) : m[1];
  return { host, path: escapePath(m[2]), query: m[3] ?? '' };
}

function escapePath(p: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(p);
  } catch {
    return p;
  }
  let out = '';
  for (const b of utf8Encode(decoded)) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~$&+,/:;=@!*'()]/.test(c)) out += c;
    else out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

const mac = (key: Uint8Array, msg: string): Uint8Array => hmac(sha256, key, utf8Encode(msg));

function two(n: number): string {
  return String(n).padStart(2, '0');
}

function signReq(args: Value[]): Value {
  const req = argObject(args, 0);
  const config = argObject(args, 1);
  missingOrInvalid(req, ['method', 'url'], 1, 'request');
  missingOrInvalid(config, ['aws_access_key', 'aws_region', 'aws_secret_access_key', 'aws_service'], 2, 'AWS config');
  const ts = args[2];
  if (typeof ts !== 'number' && typeof ts !== 'bigint') throw operandError(3, ts, 'number');
  if (!isInteger(ts) || (typeof ts === 'number' ? ts < 0 : ts < 0n)) {
    throw typeErrorText('operand 3 could not convert time_ns value into a unix timestamp');
  }
  let disablePayloadSigning = false;
  const dps = objectGet(config, 'disable_payload_signing');
  if (dps !== undefined) {
    if (typeof dps !== 'boolean') throw typeErrorText("operand 2 invalid value for 'disable_payload_signing' in AWS config");
    disablePayloadSigning = dps;
  }
  const accessKey = objectGet(config, 'aws_access_key') as string;
  const secretKey = objectGet(config, 'aws_secret_access_key') as string;
  const region = objectGet(config, 'aws_region') as string;
  const service = objectGet(config, 'aws_service') as string;
  const token = objectGet(config, 'aws_session_token');
  const method = objectGet(req, 'method') as string;
  const url = parseUrl(objectGet(req, 'url') as string);

  const rawBody = objectGet(req, 'raw_body');
  const body = objectGet(req, 'body');
  let bodyBytes: Uint8Array = new Uint8Array(0);
  if (typeof rawBody === 'string') bodyBytes = utf8Encode(rawBody);
  else if (body !== undefined) bodyBytes = utf8Encode(goMarshal(body));

  const contentSha = disablePayloadSigning ? 'UNSIGNED-PAYLOAD' : hexEncode(sha256(bodyBytes));
  const date = new Date(Number(BigInt(ts) / 1_000_000n));
  const day = `${date.getUTCFullYear()}${two(date.getUTCMonth() + 1)}${two(date.getUTCDate())}`;
  const stamp = `${day}T${two(date.getUTCHours())}${two(date.getUTCMinutes())}${two(date.getUTCSeconds())}Z`;

  const awsHeaders = new Map<string, string>([
    ['host', url.host],
    ['x-amz-date', stamp],
  ]);
  if (service === 's3' || service === 'glacier') awsHeaders.set('x-amz-content-sha256', contentSha);
  if (typeof token === 'string' && token !== '') awsHeaders.set('x-amz-security-token', token);

  const toSign = new Map<string, string>(awsHeaders);
  const reqHeaders = objectGet(req, 'headers');
  if (reqHeaders !== undefined && isObject(reqHeaders)) {
    for (const [k, v] of objectEntries(reqHeaders)) {
      if (typeof k !== 'string') continue;
      const lower = k.toLowerCase();
      if (IGNORED_HEADERS.has(lower)) continue;
      toSign.set(lower, typeof v === 'string' ? v : Array.isArray(v) ? v.filter((x) => typeof x === 'string').join(',') : '');
    }
  }
  const keys = [...toSign.keys()].sort();
  let canonical = `${method}\n${url.path}\n${url.query}\n`;
  for (const k of keys) canonical += `${k}:${toSign.get(k)}\n`;
  canonical += '\n' + keys.join(';') + '\n' + contentSha;

  const scope = `${day}/${region}/${service}/aws4_request`;
  const stringToSign = `AWS4-HMAC-SHA256\n${stamp}\n${scope}\n${hexEncode(sha256(utf8Encode(canonical)))}`;
  let key: Uint8Array = mac(utf8Encode('AWS4' + secretKey), day);
  key = mac(key, region);
  key = mac(key, service);
  key = mac(key, 'aws4_request');
  const signature = hexEncode(mac(key, stringToSign));
  awsHeaders.set('Authorization', `AWS4-HMAC-SHA256 Credential=${accessKey}/${scope},SignedHeaders=${keys.join(';')},Signature=${signature}`);

  const headers: [Value, Value][] = reqHeaders !== undefined && isObject(reqHeaders) ? objectEntries(reqHeaders) : [];
  const merged = new Map<string, [Value, Value]>();
  for (const [k, v] of headers) merged.set(JSON.stringify(k), [k, v]);
  for (const [k, v] of awsHeaders) merged.set(JSON.stringify(k), [k, v]);
  const out = objectEntries(req).filter(([k]) => k !== 'headers');
  out.push(['headers', makeObject([...merged.values()])]);
  return makeObject(out);
}

export const awsBuiltins: BuiltinDecl[] = [
  {
    name: 'providers.aws.sign_req',
    params: [
      { name: 'request', type: T.object(T.any, T.any), description: 'HTTP request object' },
      { name: 'aws_config', type: T.object(T.any, T.any), description: 'AWS configuration object' },
      { name: 'time_ns', type: T.number, description: 'nanoseconds since the epoch' },
    ],
    result: T.object(T.any, T.any),
    category: 'providers.aws',
    description: 'Signs an HTTP request object for Amazon Web Services with AWS Signature Version 4.',
    impl: (args) => signReq(args),
  },
];
