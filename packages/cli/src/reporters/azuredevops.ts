import type { Finding, ScanResult } from '@palisade/stdlib';
import { locationLabel, showControls, relativePath, resourceLabel, sortedFindings } from './common.js';
import type { ReportOptions, Reporter } from './types.js';

export const azureDevopsReporter: Reporter = {
  name: 'azuredevops',
  description: 'Azure Pipelines logging commands (##vso[task.logissue])',
  extension: 'txt',
  render: renderAzure,
};

/**
 * The agent looks for `##vso[` anywhere in a line, so untrusted text could smuggle in a
 * second command; a zero-width space after the first `#` disarms it.
 */
function disarm(s: string): string {
  return showControls(s).replace(/##(?=vso\[|\[)/g, '#\u200b#');
}

/** Message escaping as done by azure-pipelines-task-lib. */
export function escapeData(s: string): string {
  return disarm(s).replace(/%/g, '%AZP25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values also cannot hold the `;` and `]` that delimit properties. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/;/g, '%3B').replace(/]/g, '%5D');
}

type Props = Record<string, string | number | undefined>;

function logIssue(type: 'error' | 'warning', props: Props, message: string): string {
  const p = Object.entries(props)
    .filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== '')
    .map(([k, v]) => `${k}=${escapeProperty(String(v))};`)
    .join('');
  return `##vso[task.logissue type=${type};${p}]${escapeData(message)}`;
}

function renderAzure(result: ScanResult, opts: ReportOptions): string {
  const lines: string[] = [];
  for (const f of sortedFindings(result.findings, opts.cwd)) {
    if (f.status === 'waived') {
      // logissue has no informational level; waived findings are plain log lines.
      const why = f.waiver?.reason ? `: ${f.waiver.reason}` : '';
      lines.push(disarm(`palisade: waived ${f.policyId} (${f.severity}) at ${locationLabel(f, opts.cwd)}${why}`).replace(/[\r\n]+/g, ' '));
      continue;
    }
    lines.push(logIssue(f.status === 'fail' ? 'error' : 'warning', { ...location(f, opts), code: f.policyId }, message(f)));
  }
  for (const e of result.errors) {
    lines.push(
      logIssue(
        'error',
        { sourcepath: relativePath(e.path, opts.cwd), linenumber: e.line, columnnumber: e.line !== undefined ? e.column : undefined, code: e.code },
        `Load error: ${e.message}`,
      ),
    );
  }
  for (const w of result.expiredWaivers) {
    const msg = `Waiver for ${w.id} expired on ${w.expires}${w.reason ? ` (${w.reason})` : ''}`;
    lines.push(logIssue('warning', { sourcepath: w.path ? relativePath(w.path, opts.cwd) : undefined, code: 'expired-waiver' }, msg));
  }
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
}

function location(f: Finding, opts: ReportOptions): Props {
  return { sourcepath: relativePath(f.file, opts.cwd), linenumber: f.startLine >= 1 ? f.startLine : undefined };
}

function message(f: Finding): string {
  const res = resourceLabel(f.resource);
  return `[${f.severity}] ${f.title}: ${f.message}${res ? ` (${res})` : ''}${f.remediation ? ` Remediation: ${f.remediation}` : ''}`;
}
