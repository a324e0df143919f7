import { SEVERITIES } from '@palisade/stdlib';
import type { ScanResult } from '@palisade/stdlib';
import type { Reporter } from './types.js';

/**
 * Key order of every object in the canonical document. Keys not listed (fields added by a
 * newer scanner) follow in alphabetical order, so output stays byte-stable either way.
 */
const ORDER = {
  result: ['schemaVersion', 'findings', 'errors', 'expiredWaivers', 'summary'],
  finding: [
    'policyId', 'title', 'severity', 'status', 'message', 'description', 'file', 'startLine', 'endLine',
    'resource', 'snippet', 'remediation', 'references', 'related', 'namespace', 'rule', 'origin', 'waiver',
  ],
  origin: ['file', 'line'],
  resource: ['kind', 'namespace', 'name', 'stage'],
  snippet: ['startLine', 'lines', 'highlightStart', 'highlightEnd'],
  waiver: ['source', 'reason', 'expires'],
  loadError: ['path', 'line', 'column', 'message', 'code'],
  expiredWaiver: ['id', 'path', 'expires', 'reason'],
  summary: ['files', 'documents', 'policies', 'failures', 'warnings', 'waived', 'errors', 'bySeverity'],
  bySeverity: SEVERITIES,
} as const;

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function ordered(v: unknown, keys: readonly string[], child: (key: string, value: unknown) => unknown = (_, x) => x): unknown {
  if (!isObj(v)) return v;
  const out: Obj = {};
  const known = new Set(keys);
  const extra = Object.keys(v).filter((k) => !known.has(k)).sort();
  for (const k of [...keys, ...extra]) {
    const value = v[k];
    if (value !== undefined) out[k] = known.has(k) ? child(k, value) : sortDeep(value);
  }
  return out;
}

/** Canonical order for data of unknown shape: object keys sorted, arrays kept. */
function sortDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortDeep);
  if (!isObj(v)) return v;
  return ordered(v, [], () => undefined);
}

function list(v: unknown, each: (x: unknown) => unknown): unknown {
  return Array.isArray(v) ? v.map(each) : v;
}

const finding = (f: unknown) =>
  ordered(f, ORDER.finding, (k, v) =>
    k === 'resource' ? ordered(v, ORDER.resource) : k === 'snippet' ? ordered(v, ORDER.snippet) : k === 'waiver' ? ordered(v, ORDER.waiver) : k === 'origin' ? ordered(v, ORDER.origin) : v,
  );

/** The ScanResult with every object's keys in the documented order (`schemaVersion` first). */
export function canonicalScanResult(result: ScanResult): unknown {
  // conftest tallies and print() output feed the conftest reporters only; Palisade's JSON keeps its schema.
  const { checks: _checks, prints: _prints, printsOmitted: _omitted, ...rest } = result;
  void _checks;
  void _prints;
  void _omitted;
  return ordered(rest, ORDER.result, (k, v) => {
    switch (k) {
      case 'findings':
        return list(v, finding);
      case 'errors':
        return list(v, (e) => ordered(e, ORDER.loadError));
      case 'expiredWaivers':
        return list(v, (e) => ordered(e, ORDER.expiredWaiver));
      case 'summary':
        return ordered(v, ORDER.summary, (sk, sv) => (sk === 'bySeverity' ? ordered(sv, ORDER.bySeverity) : sv));
      default:
        return v;
    }
  });
}

export const jsonReporter: Reporter = {
  name: 'json',
  description: 'Canonical machine-readable result (versioned; docs/schemas/scan-result.schema.json)',
  extension: 'json',
  render: (result) => JSON.stringify(canonicalScanResult(result), null, 2) + '\n',
};
