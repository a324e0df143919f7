/**
 * semver.is_valid and semver.compare with OPA's SemVer reading: an optional leading "v",
 * MAJOR.MINOR.PATCH as int64 decimals, then optional "-prerelease" and "+metadata".
 */
import { builtinError, type BuiltinDecl } from '../define.js';
import { argString } from '../args.js';
import { T } from '../signature.js';
import { compareStrings } from '../../value/types.js';

const IDENTIFIERS = /^[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*$/;
const INT64 = /^[+-]?[0-9]+$/;
const INT64_MAX = (1n << 63n) - 1n;

export interface SemVer {
  major: bigint;
  minor: bigint;
  patch: bigint;
  preRelease: string;
  metadata: string;
}

function cut(s: string, sep: string): [string, string] {
  const i = s.indexOf(sep);
  return i < 0 ? [s, ''] : [s.slice(0, i), s.slice(i + 1)];
}

function parseInt64(s: string): bigint | undefined {
  if (!INT64.test(s)) return undefined;
  const n = BigInt(s);
  return n > INT64_MAX || n < -INT64_MAX - 1n ? undefined : n;
}

export function parseSemVer(text: string): SemVer | undefined {
  const s = text.startsWith('v') ? text.slice(1) : text;
  const [rest1, metadata] = cut(s, '+');
  if (metadata !== '' && !IDENTIFIERS.test(metadata)) return undefined;
  const [core, preRelease] = cut(rest1, '-');
  if (preRelease !== '' && !IDENTIFIERS.test(preRelease)) return undefined;
  const parts = core.split('.');
  if (parts.length !== 3) return undefined;
  const [major, minor, patch] = parts.map(parseInt64);
  if (major === undefined || minor === undefined || patch === undefined) return undefined;
  return { major, minor, patch, preRelease, metadata };
}

/** Go's strconv.Atoi as OPA uses it here: out-of-range values saturate. */
function atoi(s: string): bigint {
  const n = BigInt(s);
  return n > INT64_MAX ? INT64_MAX : n;
}

const allDigits = (s: string): boolean => s !== '' && /^[0-9]+$/.test(s);

function cmp<T>(a: T, b: T): number {
  return a > b ? 1 : a < b ? -1 : 0;
}

/** SemVer 2.0.0 precedence (metadata ignored). */
export function compareSemVer(a: SemVer, b: SemVer): number {
  const core = cmp(a.major, b.major) || cmp(a.minor, b.minor) || cmp(a.patch, b.patch);
  if (core !== 0) return core;
  if (a.preRelease === b.preRelease) return 0;
  if (a.preRelease === '') return 1;
  if (b.preRelease === '') return -1;
  const xs = a.preRelease.split('.');
  const ys = b.preRelease.split('.');
  for (let i = 0; ; i++) {
    if (i >= xs.length || i >= ys.length) return cmp(xs.length, ys.length);
    const [x, y] = [xs[i], ys[i]];
    const xn = allDigits(x);
    const yn = allDigits(y);
    if (xn !== yn) return xn ? -1 : 1;
    const c = xn ? cmp(atoi(x), atoi(y)) : compareStrings(x, y);
    if (c !== 0) return c;
  }
}

export const semverBuiltins: BuiltinDecl[] = [
  {
    name: 'semver.is_valid',
    params: [{ name: 'vsn', type: T.any, description: 'the value to check' }],
    result: T.boolean,
    category: 'semver',
    description: 'Returns true when the value is a string holding a valid semantic version.',
    impl(args) {
      const v = args[0];
      return typeof v === 'string' && parseSemVer(v) !== undefined;
    },
  },
  {
    name: 'semver.compare',
    params: [
      { name: 'a', type: T.string, description: 'the first version' },
      { name: 'b', type: T.string, description: 'the second version' },
    ],
    result: T.number,
    category: 'semver',
    description: 'Compares two semantic versions, returning -1, 0 or 1.',
    impl(args) {
      const a = argString(args, 0);
      const b = argString(args, 1);
      const va = parseSemVer(a);
      if (!va) throw builtinError(`operand 1: string ${JSON.stringify(a)} is not a valid SemVer`);
      const vb = parseSemVer(b);
      if (!vb) throw builtinError(`operand 2: string ${JSON.stringify(b)} is not a valid SemVer`);
      return compareSemVer(va, vb);
    },
  },
];
