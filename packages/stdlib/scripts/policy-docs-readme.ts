/**
 * The generated sections of docs/policies/README.md: profile sizes, the configuration keys (from
 * data/config.yaml), the map from the catalog's seed practices to checks, and the map from each
 * Pod Security Standards control to checks. Sections sit between
 * `<!-- BEGIN GENERATED name -->` and `<!-- END GENERATED name -->`; the rest is hand-written.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isScalar, parseDocument, type Node } from 'yaml';
import { STDLIB_ROOT, stdlibPolicySources } from '../src/policies.js';
import type { PolicyInfo } from './gen-policy-docs.js';

/** A seed practice of the catalog and the checks that implement it. */
export interface Practice {
  practice: string;
  /** Hand-reviewed check ids (ids not shipped are left out of the table). */
  ids: string[];
  /** Also lists shipped checks whose title or description matches (new checks land here first). */
  match?: RegExp;
}

/**
 * The catalog's "Coverage of the source practices" paragraph, one row per practice. The ids were
 * derived from titles, descriptions and `related` anchors and then reviewed by hand; `match`
 * picks up checks that other authors add later (review the README diff when it changes).
 */
export const PRACTICES: readonly Practice[] = [
  { practice: 'Minimal base image', ids: ['RS-008', 'RS-011', 'DF-026', 'DF-027', 'DF-046'], match: /\b(distroless|minimal base)\b/i },
  { practice: 'Pinned base image', ids: ['DF-001', 'DF-002', 'RS-002'] },
  { practice: 'Non-root user', ids: ['DF-004', 'DF-005', 'KW-014', 'KW-015', 'KW-016', 'DC-016', 'DI-026'] },
  // DF-010/011/040 check multi-stage syntax, not what the final stage contains: not listed here.
  { practice: 'Multi-stage build, no build tools or compilers in the final stage', ids: [], match: /\b(build tools?|compilers?|toolchains?)\b/i },
  { practice: 'Pinned versions and digests (packages, images)', ids: ['DF-002', 'DF-028', 'KW-034', 'KW-035', 'DC-028', 'RS-002'] },
  { practice: 'No secrets baked in (ENV/ARG, COPY of .env, *.pem, *.key)', ids: ['DF-032', 'DI-027', 'KW-048', 'DC-029', 'SR-010'] },
  { practice: '`.dockerignore` present and excluding `.env`, `*.pem`, `*.key`, `secrets/`, `.git/`', ids: [], match: /\.?dockerignore/i },
  { practice: 'CVE gating of scan reports', ids: ['SR-001', 'SR-002', 'SR-005', 'SR-006', 'SR-007', 'SR-009', 'SR-017'] },
  { practice: 'Capabilities dropped (only NET_BIND_SERVICE added back)', ids: ['KW-012', 'KW-013', 'KW-010', 'KW-011', 'DC-002', 'DI-002'] },
  { practice: 'Read-only root filesystem with writable tmpfs/emptyDir for temporary files', ids: ['KW-019', 'DC-015', 'DI-015'] },
  { practice: 'no-new-privileges / allowPrivilegeEscalation: false', ids: ['KW-002', 'DC-011', 'DI-011'] },
  { practice: 'Seccomp and AppArmor profiles', ids: ['KW-020', 'KW-021', 'KW-022', 'KW-030', 'DC-012', 'DC-013', 'DI-012', 'DI-013'] },
  { practice: 'CPU and memory limits', ids: ['KW-038', 'KW-039', 'KW-040', 'KW-041', 'DC-017', 'DC-018', 'DI-016', 'DI-017'] },
  { practice: 'No privileged containers', ids: ['KW-001', 'DC-001', 'DI-001'] },
  { practice: 'Explicit/internal networks (no default bridge, no host network)', ids: ['DC-026', 'DI-029', 'DC-003', 'DI-003', 'KW-003'] },
  { practice: 'NetworkPolicy coverage and default deny per namespace', ids: ['KC-020', 'KC-021', 'KC-022', 'KC-023'] },
  { practice: 'mTLS STRICT (Istio/Linkerd)', ids: ['KC-060', 'KC-063', 'KC-061', 'KC-062', 'KW-060'] },
  { practice: 'Private registry allowlist', ids: ['DF-003', 'KW-036', 'RS-003', 'RS-010', 'KC-070'] },
  { practice: 'Image signature verification results', ids: ['RS-001', 'RS-005', 'RS-006', 'RS-007'] },
  {
    practice: 'Admission enforcement (signed image and no open HIGH/CRITICAL vulnerabilities)',
    ids: ['RS-001', 'RS-007', 'SR-001', 'SR-015'],
    match: /\badmission\b[^.]*\b(signed|signature|vulnerabilit)/i,
  },
];

/** A Pod Security Standards control and the anchor name used in `related` (`PSS-B:<anchor>`). */
export interface PssControl {
  level: 'baseline' | 'restricted';
  control: string;
  anchor: string;
  fields: string;
}

/** Every control of the Pod Security Standards (kubernetes.io/docs/concepts/security/pod-security-standards). */
export const PSS_CONTROLS: readonly PssControl[] = [
  { level: 'baseline', control: 'HostProcess', anchor: 'windowsHostProcess', fields: '`windowsOptions.hostProcess`' },
  { level: 'baseline', control: 'Host Namespaces', anchor: 'hostNamespaces', fields: '`hostNetwork`, `hostPID`, `hostIPC`' },
  { level: 'baseline', control: 'Privileged Containers', anchor: 'privileged', fields: '`securityContext.privileged`' },
  { level: 'baseline', control: 'Capabilities', anchor: 'capabilities', fields: '`capabilities.add` beyond the baseline set' },
  { level: 'baseline', control: 'HostPath Volumes', anchor: 'hostPathVolumes', fields: '`volumes[*].hostPath`' },
  { level: 'baseline', control: 'Host Ports', anchor: 'hostPorts', fields: '`ports[*].hostPort`' },
  { level: 'baseline', control: 'Host Probes / Lifecycle Hooks (v1.34+)', anchor: 'hostProbesAndHostLifecycle', fields: 'probe and lifecycle handler `host`' },
  { level: 'baseline', control: 'AppArmor', anchor: 'appArmorProfile', fields: '`appArmorProfile.type`, AppArmor annotations' },
  { level: 'baseline', control: 'SELinux', anchor: 'seLinuxOptions', fields: '`seLinuxOptions.type/user/role`' },
  { level: 'baseline', control: '/proc Mount Type', anchor: 'procMount', fields: '`securityContext.procMount`' },
  { level: 'baseline', control: 'Seccomp', anchor: 'seccompProfile', fields: '`seccompProfile.type` not `Unconfined`' },
  { level: 'baseline', control: 'Sysctls', anchor: 'sysctls', fields: '`securityContext.sysctls[*].name`' },
  { level: 'restricted', control: 'Volume Types', anchor: 'restrictedVolumes', fields: '`volumes[*]` outside the allowed types' },
  { level: 'restricted', control: 'Privilege Escalation (v1.8+)', anchor: 'allowPrivilegeEscalation', fields: '`allowPrivilegeEscalation: false`' },
  { level: 'restricted', control: 'Running as Non-root', anchor: 'runAsNonRoot', fields: '`runAsNonRoot: true`' },
  { level: 'restricted', control: 'Running as Non-root user (v1.23+)', anchor: 'runAsUser', fields: '`runAsUser` not 0' },
  { level: 'restricted', control: 'Seccomp (v1.19+)', anchor: 'seccompProfile', fields: '`seccompProfile.type` RuntimeDefault or Localhost' },
  { level: 'restricted', control: 'Capabilities (v1.22+)', anchor: 'capabilities', fields: 'drop `ALL`, add only `NET_BIND_SERVICE`' },
];

const PREFIX = { baseline: 'PSS-B', restricted: 'PSS-R' } as const;

function link(p: PolicyInfo): string {
  return `[${p.meta.id}](${p.page})`;
}

function byId(policies: readonly PolicyInfo[]): Map<string, PolicyInfo> {
  const m = new Map<string, PolicyInfo>();
  for (const p of policies) if (p.meta.id && !m.has(p.meta.id)) m.set(p.meta.id, p);
  return m;
}

/** Shipped checks of a practice: its reviewed ids plus METADATA matches, sorted. */
export function practiceChecks(practice: Practice, policies: readonly PolicyInfo[]): PolicyInfo[] {
  const ids = byId(policies);
  const out = new Map<string, PolicyInfo>();
  for (const id of practice.ids) {
    const p = ids.get(id);
    if (p) out.set(id, p);
  }
  if (practice.match) {
    for (const p of policies) {
      const text = `${p.meta.title ?? ''}\n${p.meta.description ?? ''}\n${(p.meta.input ?? []).join(' ')}`;
      if (p.meta.id && practice.match.test(text)) out.set(p.meta.id, p);
    }
  }
  return [...out.values()].sort((a, b) => (a.meta.id! < b.meta.id! ? -1 : 1));
}

/** Shipped checks whose `related` names the control's anchor at its level. */
export function pssChecks(control: PssControl, policies: readonly PolicyInfo[]): PolicyInfo[] {
  const anchor = `${PREFIX[control.level]}:${control.anchor}`;
  return policies.filter((p) => p.meta.id && (p.meta.related ?? []).includes(anchor));
}

function renderPractices(policies: readonly PolicyInfo[]): string[] {
  const lines = ['| Practice | Checks |', '|---|---|'];
  for (const pr of PRACTICES) {
    const checks = practiceChecks(pr, policies);
    const text = checks.length ? checks.map((p) => `${link(p)} ${p.meta.title ?? ''}`.trim()).join('<br>') : '**not covered yet**';
    lines.push(`| ${pr.practice} | ${text.replace(/\|/g, '\\|')} |`);
  }
  return lines;
}

function renderPss(policies: readonly PolicyInfo[]): string[] {
  const lines = ['| Level | Control | Fields | Checks |', '|---|---|---|---|'];
  for (const c of PSS_CONTROLS) {
    const checks = pssChecks(c, policies);
    lines.push(`| ${c.level} | ${c.control} | ${c.fields} | ${checks.length ? checks.map(link).join(', ') : '**not covered yet**'} |`);
  }
  const known = new Set(PSS_CONTROLS.map((c) => `${PREFIX[c.level]}:${c.anchor}`));
  const others = new Map<string, string[]>();
  for (const p of policies) {
    for (const r of p.meta.related ?? []) {
      if (!/^PSS-[BR]:/.test(r) || known.has(r) || !p.meta.id) continue;
      others.set(r, [...(others.get(r) ?? []), link(p)]);
    }
  }
  if (others.size) {
    lines.push('', 'Other Pod Security anchors used by checks:', '');
    for (const [a, ids] of [...others].sort((x, y) => (x[0] < y[0] ? -1 : 1))) lines.push(`- \`${a}\`: ${ids.join(', ')}`);
  }
  return lines;
}

const PROFILE_NAMES = ['recommended', 'pss-baseline', 'pss-restricted', 'cis-docker', 'all'] as const;

function renderProfiles(policies: readonly PolicyInfo[]): string[] {
  const lines = ['| Profile | Checks |', '|---|---:|'];
  for (const name of PROFILE_NAMES) {
    // A policy without `custom.profiles` counts as `recommended`; `profiles: []` means `all` only.
    const n = policies.filter((p) => name === 'all' || (p.meta.profiles ?? ['recommended']).includes(name)).length;
    lines.push(`| \`${name}\` | ${n} |`);
  }
  return lines;
}

/** YAML flow text of a default value: `[a, b]`, `{CRITICAL: 15}`; strings quoted only when needed. */
function flow(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(flow).join(', ')}]`;
  if (v !== null && typeof v === 'object') return `{${Object.entries(v).map(([k, x]) => `${flow(k)}: ${flow(x)}`).join(', ')}}`;
  if (typeof v === 'string') return /^[A-Za-z0-9_./@-][A-Za-z0-9_./@ -]*$/.test(v) && v.trim() === v ? v : JSON.stringify(v);
  return String(v);
}

function valueText(v: unknown): string {
  return `\`${flow(v)}\``;
}

function commentOf(node: Node | null | undefined): string {
  const c = (node && (node.comment ?? node.commentBefore)) || '';
  return c.trim().replace(/\s+/g, ' ');
}

/** Config keys read by stdlib modules through `config.get("key", …)`, with the modules' check ids (or lib file). */
function configReaders(policies: readonly PolicyInfo[]): Map<string, Set<string>> {
  const idOf = new Map(policies.map((p) => [p.file, p.meta.id ?? p.file]));
  const out = new Map<string, Set<string>>();
  for (const s of stdlibPolicySources()) {
    for (const m of s.source.matchAll(/\bconfig\.get\(\s*"([A-Za-z0-9_]+)"/g)) {
      const who = idOf.get(s.file) ?? s.file.replace(/^policies\//, '');
      if (!out.has(m[1])) out.set(m[1], new Set());
      out.get(m[1])!.add(who);
    }
  }
  return out;
}

function renderConfig(policies: readonly PolicyInfo[]): string[] {
  const text = readFileSync(join(STDLIB_ROOT, 'data', 'config.yaml'), 'utf8');
  const doc = parseDocument(text);
  const cfg = doc.getIn(['palisade', 'config'], true);
  const readers = configReaders(policies);
  const used = (k: string) => [...(readers.get(k) ?? [])].sort().join(', ') || '—';
  const lines = ['| Key | Default | Read by | Meaning |', '|---|---|---|---|'];
  const declared = new Set<string>();
  if (isMap(cfg)) {
    for (const pair of cfg.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      declared.add(key);
      const node = pair.value as Node | null;
      // Numbers keep their written form (`9.0`, not `9`).
      const shown =
        isScalar(node) && typeof node.value === 'number' && node.range ? `\`${text.slice(node.range[0], node.range[1])}\`` : valueText(node?.toJSON());
      const note = commentOf(node);
      lines.push(`| \`${key}\` | ${shown.replace(/\|/g, '\\|')} | ${used(key)} | ${note.replace(/\|/g, '\\|')} |`);
    }
  }
  const missing = [...readers.keys()].filter((k) => !declared.has(k)).sort();
  if (missing.length) {
    lines.push('', 'Keys read by policies but without an entry in `data/config.yaml` (their default is in the policy code):', '');
    for (const k of missing) lines.push(`- \`${k}\` (${used(k)})`);
  }
  return lines;
}

const SECTIONS: Record<string, (policies: readonly PolicyInfo[]) => string[]> = {
  profiles: renderProfiles,
  config: renderConfig,
  practices: renderPractices,
  pss: renderPss,
};

/** Replaces the content of every `BEGIN GENERATED <name>` … `END GENERATED <name>` section of the README. */
export function renderReadme(current: string, policies: readonly PolicyInfo[]): string {
  return current.replace(
    /(<!-- BEGIN GENERATED ([a-z]+)[^>]*-->\n)[\s\S]*?(<!-- END GENERATED \2 -->)/g,
    (whole, begin: string, name: string, end: string) => {
      const render = SECTIONS[name];
      return render ? `${begin}${render(policies).join('\n')}\n${end}` : whole;
    },
  );
}
