import type { Finding, LoadError, ScanResult } from '@palisade/stdlib';
import { groupBy, locationLabel, relativePath, resourceLabel, sortedFindings } from './common.js';
import type { ReportOptions, Reporter } from './types.js';
import { xmlAttr, xmlText } from './xml.js';

export const junitReporter: Reporter = {
  name: 'junit',
  description: 'JUnit XML: one testsuite per file, one testcase per policy and resource',
  extension: 'xml',
  render: renderJunit,
};

interface Case {
  xml: string[];
  failed: boolean;
  skipped: boolean;
  errored: boolean;
}

function renderJunit(result: ScanResult, opts: ReportOptions): string {
  const findingsByFile = groupBy(sortedFindings(result.findings, opts.cwd), (f) => relativePath(f.file, opts.cwd));
  const errorsByFile = groupBy(result.errors, (e) => relativePath(e.path, opts.cwd));
  const files = [...new Set([...findingsByFile.keys(), ...errorsByFile.keys()])].sort();

  const suites: string[] = [];
  const total = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  for (const file of files) {
    const cases: Case[] = [
      ...(errorsByFile.get(file) ?? []).map((e) => loadErrorCase(e, file)),
      ...[...groupBy(findingsByFile.get(file) ?? [], (f) => `${f.policyId}\u0000${resourceLabel(f.resource)}`).values()].map(
        (group) => findingCase(group, file, opts),
      ),
    ];
    const counts = {
      tests: cases.length,
      failures: cases.filter((c) => c.failed).length,
      errors: cases.filter((c) => c.errored).length,
      skipped: cases.filter((c) => c.skipped).length,
    };
    total.tests += counts.tests;
    total.failures += counts.failures;
    total.errors += counts.errors;
    total.skipped += counts.skipped;
    suites.push(
      `  <testsuite name="${xmlAttr(file)}" tests="${counts.tests}" failures="${counts.failures}" ` +
        `errors="${counts.errors}" skipped="${counts.skipped}">`,
      ...cases.flatMap((c) => c.xml),
      '  </testsuite>',
    );
  }

  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="palisade" tests="${total.tests}" failures="${total.failures}" errors="${total.errors}" skipped="${total.skipped}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

/**
 * Several findings of one policy on one resource are one test: it fails if any of them is a
 * failure, is skipped if all are waived, and otherwise passes with the warnings as output.
 */
function findingCase(group: Finding[], file: string, opts: ReportOptions): Case {
  const f = group[0]!;
  const res = resourceLabel(f.resource);
  const name = `${f.policyId}: ${f.title}${res ? ` [${res}]` : ''}`;
  const open = `    <testcase name="${xmlAttr(name)}" classname="${xmlAttr(file)}">`;
  const fails = group.filter((g) => g.status === 'fail');
  const warns = group.filter((g) => g.status === 'warn');
  const waived = group.filter((g) => g.status === 'waived');

  if (fails.length > 0) {
    const first = fails[0]!;
    const message = fails.length === 1 ? first.message : `${first.message} (and ${fails.length - 1} more)`;
    const body = [...fails, ...warns, ...waived].map((g) => details(g, opts)).join('\n\n');
    return {
      xml: [open, `      <failure message="${xmlAttr(message)}" type="${xmlAttr(first.severity)}">${xmlText(body)}</failure>`, '    </testcase>'],
      failed: true,
      skipped: false,
      errored: false,
    };
  }
  if (warns.length > 0) {
    const body = [...warns, ...waived].map((g) => details(g, opts)).join('\n\n');
    return { xml: [open, `      <system-out>${xmlText(body)}</system-out>`, '    </testcase>'], failed: false, skipped: false, errored: false };
  }
  const reason = waived.map((g) => g.waiver?.reason).find(Boolean);
  return {
    xml: [open, `      <skipped message="${xmlAttr(`waived${reason ? `: ${reason}` : ''}`)}"/>`, '    </testcase>'],
    failed: false,
    skipped: true,
    errored: false,
  };
}

function details(f: Finding, opts: ReportOptions): string {
  const status = f.status === 'fail' ? 'FAIL' : f.status === 'warn' ? 'WARN' : 'WAIVED';
  const lines = [`${status} [${f.severity}] ${f.policyId}: ${f.title}`, `Location: ${locationLabel(f, opts.cwd)}`];
  const res = resourceLabel(f.resource);
  if (res) lines.push(`Resource: ${res}`);
  lines.push(`Message: ${f.message}`);
  if (f.status === 'waived' && f.waiver) {
    lines.push(`Waiver: ${f.waiver.source}${f.waiver.reason ? ` (${f.waiver.reason})` : ''}${f.waiver.expires ? `, expires ${f.waiver.expires}` : ''}`);
  }
  if (f.remediation) lines.push(`Remediation: ${f.remediation}`);
  if (f.references.length > 0) lines.push(`References: ${f.references.join(' ')}`);
  return lines.join('\n');
}

function loadErrorCase(e: LoadError, file: string): Case {
  const where = e.line !== undefined ? `${file}:${e.line}${e.column !== undefined ? `:${e.column}` : ''}` : file;
  return {
    xml: [
      `    <testcase name="${xmlAttr(`load ${file}`)}" classname="${xmlAttr(file)}">`,
      `      <error message="${xmlAttr(e.message)}" type="${xmlAttr(e.code)}">${xmlText(`${where}: ${e.message}`)}</error>`,
      '    </testcase>',
    ],
    failed: false,
    skipped: false,
    errored: true,
  };
}
