import type { Finding, Severity } from '@palisade/stdlib';
import { severityRank } from '@palisade/stdlib';
import { isWebUrl } from './common.js';

export type SarifLevel = 'error' | 'warning' | 'note';

/** CVSS-like scores GitHub code scanning buckets into critical/high/medium/low. */
export const SECURITY_SEVERITY: Record<Severity, string> = {
  CRITICAL: '9.5',
  HIGH: '8.0',
  MEDIUM: '5.5',
  LOW: '3.0',
  INFO: '0.0',
};

export function severityLevel(s: Severity): SarifLevel {
  return s === 'CRITICAL' || s === 'HIGH' ? 'error' : s === 'MEDIUM' ? 'warning' : 'note';
}

/** `warn` rules never outrank a warning, whatever the policy's severity. */
export function findingLevel(f: Finding): SarifLevel {
  const level = severityLevel(f.severity);
  return f.status === 'warn' && level === 'error' ? 'warning' : level;
}

export interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri?: string;
  defaultConfiguration: { level: SarifLevel };
  properties: { 'security-severity': string; tags: string[]; precision: string; severity: Severity; namespace: string };
}

/**
 * One rule per policy id. Metadata comes from the findings themselves (they carry the
 * policy's METADATA); when findings of one policy disagree on severity the worst wins.
 */
export function buildRules(findings: readonly Finding[]): SarifRule[] {
  const byId = new Map<string, Finding[]>();
  for (const f of findings) {
    const l = byId.get(f.policyId);
    if (l) l.push(f);
    else byId.set(f.policyId, [f]);
  }
  return [...byId.keys()].sort().map((id) => buildRule(id, byId.get(id)!));
}

function buildRule(id: string, group: Finding[]): SarifRule {
  const f = group[0]!;
  const severity = group.map((g) => g.severity).reduce((a, b) => (severityRank(b) > severityRank(a) ? b : a));
  const references = unique(group.flatMap((g) => g.references));
  const related = unique(group.flatMap((g) => g.related));
  const title = f.title || id;
  const description = f.description || title;
  const remediation = group.find((g) => g.remediation)?.remediation;
  const helpUri = references.find(isWebUrl);
  const rule: SarifRule = {
    id,
    name: pascalName(title) || id.replace(/[^A-Za-z0-9]/g, ''),
    shortDescription: { text: title },
    fullDescription: { text: description },
    help: helpText(id, title, severity, description, remediation, references, related),
    ...(helpUri ? { helpUri } : {}),
    defaultConfiguration: { level: severityLevel(severity) },
    properties: {
      'security-severity': SECURITY_SEVERITY[severity] ?? '0.0',
      tags: ['security', ...related],
      precision: 'very-high',
      severity,
      namespace: f.namespace,
    },
  };
  return rule;
}

function helpText(
  id: string,
  title: string,
  severity: Severity,
  description: string,
  remediation: string | undefined,
  references: string[],
  related: string[],
): { text: string; markdown: string } {
  const text = [`${id}: ${title} (${severity})`, '', description];
  const md = [`**${mdEscape(id)}: ${mdEscape(title)}** (${severity})`, '', mdEscape(description)];
  if (remediation) {
    text.push('', 'Remediation:', remediation);
    md.push('', '**Remediation**', '', mdEscape(remediation));
  }
  if (references.length > 0) {
    text.push('', 'References:', ...references.map((r) => `- ${r}`));
    md.push('', '**References**', '', ...references.map((r) => `- ${mdLink(r)}`));
  }
  if (related.length > 0) {
    text.push('', `Related checks: ${related.join(', ')}`);
    md.push('', `Related checks: ${related.map((r) => '`' + r.replace(/`/g, "'") + '`').join(', ')}`);
  }
  return { text: text.join('\n'), markdown: md.join('\n') };
}

/** Escapes the characters that would turn plain policy text into markup or HTML. */
function mdEscape(s: string): string {
  return s.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`);
}

function mdLink(r: string): string {
  return isWebUrl(r) && !/[\s<>]/.test(r) ? `<${r}>` : mdEscape(r);
}

function pascalName(s: string): string {
  return s
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}
