import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import type { Finding, LoadError, ScanResult } from '@palisade/stdlib';
import {
  DEFAULT_INFORMATION_URI,
  findingFingerprint,
  isInsideRoot,
  relativePath,
  resourceLabel,
  sortedFindings,
  wellFormed,
} from './common.js';
import { codeFrame, highlightedText } from './frame.js';
import { buildRules, findingLevel } from './sarif-rules.js';
import type { ReportOptions, Reporter } from './types.js';

const SRCROOT = '%SRCROOT%';
/** Versioned so a future change of the hashed fields does not collide with old baselines. */
const FINGERPRINT_KEY = 'palisadeFindingHash/v1';

export const sarifReporter: Reporter = {
  name: 'sarif',
  description: 'SARIF 2.1.0 for GitHub code scanning and other SARIF viewers',
  extension: 'sarif',
  render: (result, opts) => JSON.stringify(buildSarif(result, opts), null, 2) + '\n',
};

export function buildSarif(result: ScanResult, opts: ReportOptions): Record<string, unknown> {
  const rules = buildRules(result.findings);
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const notifications = [
    ...result.errors.map((e) => loadErrorNotification(e, opts)),
    ...result.expiredWaivers.map((w) => ({
      level: 'warning',
      message: { text: `Waiver for ${w.id} expired on ${w.expires}${w.reason ? ` (${w.reason})` : ''}` },
      descriptor: { id: 'expired-waiver' },
      ...(w.path ? { locations: [{ physicalLocation: { artifactLocation: artifact(w.path, opts.cwd) } }] } : {}),
    })),
  ];
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'palisade',
            version: opts.toolVersion,
            semanticVersion: /^\d+\.\d+\.\d+/.test(opts.toolVersion) ? opts.toolVersion : undefined,
            informationUri: opts.informationUri ?? DEFAULT_INFORMATION_URI,
            rules,
          },
        },
        // Lets viewers resolve the relative URIs; ends in '/' as SARIF requires for base URIs.
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(path.resolve(opts.cwd) + path.sep).href } },
        invocations: [
          {
            // Unloadable inputs do not stop a scan: they are reported, and the run still succeeded.
            executionSuccessful: true,
            ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}),
          },
        ],
        results: sortedFindings(result.findings, opts.cwd).map((f) => sarifResult(f, ruleIndex.get(f.policyId)!, opts)),
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
}

function sarifResult(f: Finding, ruleIndex: number, opts: ReportOptions): Record<string, unknown> {
  const physicalLocation: Record<string, unknown> = { artifactLocation: artifact(f.file, opts.cwd) };
  if (f.startLine >= 1) {
    const region: Record<string, unknown> = { startLine: f.startLine, endLine: Math.max(f.startLine, f.endLine) };
    const frame = codeFrame(f, opts.sources, opts.cwd);
    const snippet = highlightedText(frame);
    if (snippet !== undefined) region.snippet = { text: snippet };
    physicalLocation.region = region;
    const lines = frame?.filter((r) => r.kind === 'line');
    if (frame && lines && lines.length === frame.length && lines.length > 0) {
      const first = lines[0]!;
      const last = lines[lines.length - 1]!;
      if (first.kind === 'line' && last.kind === 'line') {
        physicalLocation.contextRegion = {
          startLine: first.number,
          endLine: last.number,
          snippet: { text: lines.map((l) => (l.kind === 'line' ? l.text : '')).join('\n') },
        };
      }
    }
  }
  const location: Record<string, unknown> = { physicalLocation };
  const res = resourceLabel(f.resource);
  if (res) location.logicalLocations = [{ name: f.resource?.name ?? res, fullyQualifiedName: res, kind: 'resource' }];

  const out: Record<string, unknown> = {
    ruleId: f.policyId,
    ruleIndex,
    level: findingLevel(f),
    message: { text: f.message || f.title },
    locations: [location],
    partialFingerprints: { [FINGERPRINT_KEY]: findingFingerprint(f, opts.cwd) },
    properties: {
      severity: f.severity,
      status: f.status,
      namespace: f.namespace,
      rule: f.rule,
      ...(f.related.length > 0 ? { related: f.related } : {}),
    },
  };
  if (f.status === 'waived') {
    out.suppressions = [
      {
        kind: f.waiver?.source === 'config' || f.waiver?.source === 'baseline' ? 'external' : 'inSource',
        status: 'accepted',
        ...(f.waiver?.reason ? { justification: f.waiver.reason } : {}),
        ...(f.waiver?.expires ? { properties: { expires: f.waiver.expires } } : {}),
      },
    ];
  }
  return out;
}

function loadErrorNotification(e: LoadError, opts: ReportOptions): Record<string, unknown> {
  const physicalLocation: Record<string, unknown> = { artifactLocation: artifact(e.path, opts.cwd) };
  if (e.line !== undefined && e.line >= 1) {
    physicalLocation.region = { startLine: e.line, ...(e.column !== undefined && e.column >= 1 ? { startColumn: e.column } : {}) };
  }
  return {
    level: 'error',
    message: { text: e.message },
    descriptor: { id: e.code },
    locations: [{ physicalLocation }],
  };
}

/** Repository-relative URI under %SRCROOT%, or an absolute file URI for paths outside it. */
function artifact(file: string, cwd: string): Record<string, unknown> {
  if (!isInsideRoot(file, cwd)) return { uri: pathToFileURL(path.resolve(cwd, file)).href };
  const uri = relativePath(file, cwd).split('/').map(encodeSegment).join('/');
  return { uri, uriBaseId: SRCROOT };
}

/** Percent-encodes what a URI path segment cannot hold (spaces, `#`, `?`, `%`, non-ASCII). */
function encodeSegment(s: string): string {
  return encodeURIComponent(wellFormed(s));
}
