import type { Finding, FindingOrigin, ScanResult } from '@palisade/stdlib';
import { relativePath, showControls, resourceLabel, sortedFindings } from './common.js';
import type { ReportOptions, Reporter } from './types.js';

export const githubReporter: Reporter = {
  name: 'github',
  description: 'GitHub Actions workflow commands (annotations on the changed files)',
  extension: 'txt',
  render: renderGithub,
};

/** Message part of a workflow command: line breaks must not end the command. */
export function escapeData(s: string): string {
  return showControls(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values additionally cannot contain the `:` and `,` that delimit properties. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

type Props = Record<string, string | number | undefined>;

function command(name: 'error' | 'warning' | 'notice', props: Props, message: string): string {
  const p = Object.entries(props)
    .filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== '')
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  return `::${name}${p ? ` ${p}` : ''}::${escapeData(message)}`;
}

function renderGithub(result: ScanResult, opts: ReportOptions): string {
  const lines: string[] = [];
  for (const f of sortedFindings(result.findings, opts.cwd)) {
    const name = f.status === 'fail' ? 'error' : f.status === 'warn' ? 'warning' : 'notice';
    if (f.origin) {
      lines.push(...originCommands(name, f, f.origin, opts));
      continue;
    }
    const title = `${f.status === 'waived' ? '[waived] ' : ''}${f.policyId} (${f.severity}): ${f.title}`;
    lines.push(command(name, { ...location(f, opts), title }, body(f)));
  }
  for (const e of result.errors) {
    lines.push(
      command('error', { file: relativePath(e.path, opts.cwd), line: e.line, col: e.line !== undefined ? e.column : undefined, title: `Load error ${e.code}` }, e.message),
    );
  }
  for (const w of result.expiredWaivers) {
    const msg = `Waiver for ${w.id} expired on ${w.expires}${w.reason ? ` (${w.reason})` : ''}`;
    lines.push(command('warning', { file: w.path ? relativePath(w.path, opts.cwd) : undefined, title: 'Expired waiver' }, msg));
  }
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
}

/**
 * A result that names its own location (`_loc`) is annotated as conftest annotates it, so the
 * annotations land where such policies expect: at that location when it is in the input file,
 * else at both that location and the input file, the latter saying where the result came from.
 */
function originCommands(name: 'error' | 'warning' | 'notice', f: Finding, origin: FindingOrigin, opts: ReportOptions): string[] {
  const file = relativePath(f.file, opts.cwd);
  const inputLine = f.startLine >= 1 ? f.startLine : 1;
  const originFile = origin.file === undefined ? file : relativePath(origin.file, opts.cwd);
  if (originFile === file) return [command(name, { file, line: origin.line ?? inputLine }, f.message)];
  const at = command(name, { file: originFile, line: origin.line }, f.message);
  return [at, command(name, { file, line: inputLine }, `(ORIGINATING FROM ${originFile} L${origin.line ?? ''}) ${f.message}`)];
}

function location(f: Finding, opts: ReportOptions): Props {
  if (!(f.startLine >= 1)) return { file: relativePath(f.file, opts.cwd) };
  return { file: relativePath(f.file, opts.cwd), line: f.startLine, endLine: Math.max(f.startLine, f.endLine) };
}

function body(f: Finding): string {
  const parts = [f.message];
  const res = resourceLabel(f.resource);
  if (res) parts.push(`Resource: ${res}`);
  if (f.status === 'waived') parts.push(`Waived (${f.waiver?.source ?? 'inline'})${f.waiver?.reason ? `: ${f.waiver.reason}` : ''}`);
  if (f.remediation) parts.push(`Remediation: ${f.remediation}`);
  if (f.references.length > 0) parts.push(`See: ${f.references.join(' ')}`);
  return parts.join('\n');
}
