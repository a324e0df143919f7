/**
 * Generates docs/policies/ from the stdlib policies: index.md (every check, sorted by id), one
 * page per check (METADATA + a failing and a passing example taken from its `_test.rego`), and
 * the generated sections of README.md (see policy-docs-readme.ts). Run with `pnpm docs:policies`.
 *
 * Output depends only on the files (no dates, sorted everywhere), so the stdlib quality test can
 * render afresh and compare with what is committed.
 */
import { existsSync, readFileSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseModule, type Module, type Rule } from '@palisade/engine';
import { STDLIB_ROOT, stdlibPolicySources } from '../src/policies.js';
import { checkPolicyMeta, readPolicyMeta, type PolicyMetaRead, type StdlibPolicyMeta } from '../src/policy-meta.js';
import { SEVERITIES } from '../src/model.js';
import { renderReadme } from './policy-docs-readme.js';

/** docs/policies/ of the repository. */
export const DOCS_DIR = fileURLToPath(new URL('../../../docs/policies/', import.meta.url));
/** First line of every generated file; files starting with it may be overwritten or removed. */
export const GENERATED_MARK = '<!-- Generated from the stdlib policies by `pnpm docs:policies`; do not edit. -->';

/** One stdlib policy file (lib/ helpers excluded) with its parsed module, METADATA and test file. */
export interface PolicyInfo {
  /** Relative to the stdlib package root: `policies/dockerfile/image_tag_pinned.rego`. */
  file: string;
  /** Folder under policies/: dockerfile, kubernetes, compose, inspect, scanreport, supplychain. */
  kind: string;
  slug: string;
  source: string;
  module?: Module;
  parseErrors: string[];
  read: PolicyMetaRead;
  meta: StdlibPolicyMeta;
  /** `_test.rego` beside the policy, when present. */
  test?: { file: string; source: string; module?: Module; parseErrors: string[] };
  /** Page file name in docs/policies/ (`DF-001.md`). */
  page: string;
}

/** A test rule shown on a check's page. */
export interface TestExample {
  name: string;
  text: string;
}

const POLICY_FILE = /^policies\/([^/]+)\/([^/]+)\.rego$/;

function parse(file: string, source: string): { module?: Module; parseErrors: string[] } {
  const { module, errors } = parseModule(file, source);
  return { module: errors.length ? undefined : module, parseErrors: errors.map((e) => `${e.location?.row ?? '?'}: ${e.message}`) };
}

/** Every non-test policy of the stdlib outside policies/lib/, sorted by id (policies without a usable id last, by file). */
export function collectPolicies(): PolicyInfo[] {
  const sources = stdlibPolicySources({ tests: true });
  const byFile = new Map(sources.map((s) => [s.file, s.source]));
  const out: PolicyInfo[] = [];
  for (const { file, source } of sources) {
    const m = POLICY_FILE.exec(file);
    if (!m || m[1] === 'lib' || file.endsWith('_test.rego')) continue;
    const { module, parseErrors } = parse(file, source);
    const read: PolicyMetaRead = module ? readPolicyMeta(module) : { error: 'module does not parse' };
    const testFile = file.replace(/\.rego$/, '_test.rego');
    const testSource = byFile.get(testFile);
    out.push({
      file,
      kind: m[1],
      slug: m[2],
      source,
      module,
      parseErrors,
      read,
      meta: read.meta ?? {},
      test: testSource === undefined ? undefined : { file: testFile, source: testSource, ...parse(testFile, testSource) },
      page: '',
    });
  }
  out.sort(comparePolicies);
  const used = new Set<string>();
  for (const p of out) {
    // A unique id names the page; duplicates and policies without an id fall back to the file.
    const byId = p.meta.id && /^[A-Za-z0-9_-]+$/.test(p.meta.id) ? `${p.meta.id}.md` : undefined;
    p.page = byId && !used.has(byId) ? byId : `${p.kind}.${p.slug}.md`;
    used.add(p.page);
  }
  return out;
}

function comparePolicies(a: PolicyInfo, b: PolicyInfo): number {
  const ka = a.meta.id ?? '\uffff';
  const kb = b.meta.id ?? '\uffff';
  if (ka !== kb) return ka < kb ? -1 : 1;
  return a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
}

// ---- test examples ----------------------------------------------------------------------------

const FAIL_WORDS = new Set(['deny', 'denies', 'denied', 'fail', 'fails', 'failing', 'failed', 'bad', 'violation', 'violations', 'reported', 'flagged']);
const PASS_WORDS = new Set(['pass', 'passes', 'passing', 'passed', 'ok', 'good', 'allow', 'allows', 'allowed', 'compliant']);
const NEGATIONS = new Set(['not', 'no', 'never']);

/** Which side a test's name claims: `fail`, `pass`, or undefined when it names neither or both. */
export function testSide(name: string): 'fail' | 'pass' | undefined {
  const words = name.replace(/^test_/, '').toLowerCase().split(/_+/);
  const sides = new Set<'fail' | 'pass'>();
  words.forEach((w, i) => {
    const negated = i > 0 && NEGATIONS.has(words[i - 1]);
    if (FAIL_WORDS.has(w)) sides.add(negated ? 'pass' : 'fail');
    else if (PASS_WORDS.has(w)) sides.add(negated ? 'fail' : 'pass');
  });
  return sides.size === 1 ? [...sides][0] : undefined;
}

/*
 * Assertions that findings exist / that there are none, recognised in Rego test text (comments
 * removed). Used to classify a test by its body when its name says nothing, and by the quality
 * test to require both sides in every test file:
 *   findings exist: `count(…) > 0`, `count(…) >= N` (N >= 1), `count(…) == N` (N >= 1),
 *                   `some r in ….deny|warn|violation…`, `… in ….deny…`, `r.msg == …`,
 *                   `contains|startswith|endswith(r.msg, …)`, `regex.match(…, r.msg)`,
 *                   `r == {{"msg": …}}` (equality with a set of result objects);
 *   no findings:    `count(…) == 0`, `count(…) < 1`, `not ….deny|warn|violation…`, `… == set()`.
 */
const COUNT = String.raw`\bcount\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)`;
const FINDINGS_EXIST = [
  new RegExp(`${COUNT}\\s*(?:>\\s*0|>=\\s*[1-9]|==\\s*[1-9]\\d*)`),
  /\bin\s+[\w.]*\b(?:deny|warn|violation)\w*/,
  /\.msg\s*==|\b(?:contains|startswith|endswith)\(\s*[\w.[\]"]*\.msg\b|\bregex\.match\([^\n]*\.msg\s*\)/,
  /==\s*\{\s*\{/,
];
const NO_FINDINGS = [new RegExp(`${COUNT}\\s*(?:==\\s*0\\b|<\\s*1\\b)`), /\bnot\s+[\w.]*\b(?:deny|warn|violation)\w*/, /==\s*set\(\)|\bset\(\)\s*==/];

function stripComments(source: string): string {
  return source.replace(/^\s*#.*$/gm, '').replace(/\s#[^"`\n]*$/gm, '');
}

/** Which sides a piece of Rego test text asserts (see the patterns above). */
export function assertedSides(source: string): { fail: boolean; pass: boolean } {
  const text = stripComments(source);
  return { fail: FINDINGS_EXIST.some((r) => r.test(text)), pass: NO_FINDINGS.some((r) => r.test(text)) };
}

function testRuleName(rule: Rule): string | undefined {
  const ref = rule.head.ref;
  const name = ref.type === 'var' ? ref.name : undefined;
  return name && name.startsWith('test_') && !rule.head.args ? name : undefined;
}

/**
 * The failing and the passing example of a test module: the first test (in file order) whose
 * name says so; failing that, the first whose body asserts only that side.
 */
export function pickExamples(module: Module): { failing?: TestExample; passing?: TestExample } {
  const byName: { failing?: TestExample; passing?: TestExample } = {};
  const byBody: { failing?: TestExample; passing?: TestExample } = {};
  for (const rule of module.rules) {
    const name = testRuleName(rule);
    if (!name) continue;
    const text = module.source.slice(rule.loc.offset, rule.loc.endOffset);
    const side = testSide(name);
    if (side === 'fail') byName.failing ??= { name, text };
    else if (side === 'pass') byName.passing ??= { name, text };
    else {
      const a = assertedSides(text);
      if (a.fail && !a.pass) byBody.failing ??= { name, text };
      else if (a.pass && !a.fail) byBody.passing ??= { name, text };
    }
  }
  return { failing: byName.failing ?? byBody.failing, passing: byName.passing ?? byBody.passing };
}

// ---- rendering --------------------------------------------------------------------------------

/** Table-cell text: one line, pipes escaped. */
export function cell(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|').trim();
}

function list(xs: readonly string[] | undefined): string {
  return xs && xs.length ? xs.join(', ') : '—';
}

const FENCE = '```';

function exampleBlock(p: PolicyInfo, side: 'failing' | 'passing', ex: TestExample | undefined): string[] {
  const words = side === 'failing' ? 'deny, fail, bad or denied' : 'pass, ok, good, allowed or compliant';
  if (!p.test) return [`No ${side} example: the policy has no \`_test.rego\`.`, ''];
  if (!p.test.module) return [`No ${side} example: \`${p.test.file}\` does not parse.`, ''];
  if (!ex) return [`No test in \`${p.test.file}\` is named as a ${side} case (${words}) or asserts only that side; see the test file for the cases it covers.`, ''];
  return [`\`${ex.name}\` in \`${p.test.file}\`:`, '', `${FENCE}rego`, ex.text.replace(/\t/g, '    '), FENCE, ''];
}

/** The page of one check. */
export function renderPage(p: PolicyInfo, narrowed: ReadonlySet<string> = new Set()): string {
  const m = p.meta;
  const src = `packages/stdlib/${p.file}`;
  const title = m.title ?? p.slug;
  const lines = [GENERATED_MARK, `# ${m.id ? `${m.id}: ` : ''}${title}`, ''];
  lines.push('| | |', '|---|---|');
  lines.push(`| ID | ${m.id ?? '— (missing `custom.id`)'} |`);
  lines.push(`| Severity | ${m.severity ?? '— (missing)'} |`);
  lines.push(`| Inputs | ${cell(list(m.input))} |`);
  lines.push(`| Profiles | ${cell(list(m.profiles))} |`);
  lines.push(`| Related | ${cell(list(m.related))} |`);
  lines.push(`| Source | [${src}](../../${src}) |`);
  if (p.test) lines.push(`| Tests | [packages/stdlib/${p.test.file}](../../packages/stdlib/${p.test.file}) |`);
  if (p.module) lines.push(`| Package | \`${packageName(p.module)}\` |`);
  lines.push('');
  if (m.id && narrowed.has(m.id)) lines.push(`Parts of the catalog row are deliberately left out; see [excluded.md](excluded.md).`, '');
  const problems = checkPolicyMeta(p.read);
  if (problems.length) lines.push(`> METADATA problems: ${cell(problems.join('; '))}`, '');
  lines.push('## Description', '', m.description ?? '(missing)', '');
  lines.push('## Remediation', '', m.remediation ?? '(missing)', '');
  lines.push('## References', '');
  if (m.references && m.references.length) for (const r of m.references) lines.push(`- <${r}>`);
  else lines.push('None.');
  lines.push('');
  const ex = p.test?.module ? pickExamples(p.test.module) : {};
  lines.push('## Failing example', '', ...exampleBlock(p, 'failing', ex.failing));
  lines.push('## Passing example', '', ...exampleBlock(p, 'passing', ex.passing));
  lines.push('[All checks](index.md)', '');
  return lines.join('\n');
}

function packageName(module: Module): string {
  return module.package.path.path.map((t) => (t.type === 'string' ? t.value : '?')).join('.');
}

/** Rows of the tables in docs/policies/excluded.md: the ids of the first cell and the second cell. */
export function excludedRows(): { ids: string[]; text: string }[] {
  const file = join(DOCS_DIR, 'excluded.md');
  if (!existsSync(file)) return [];
  const out: { ids: string[]; text: string }[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^\|\s*([A-Z]{2}-[0-9x]{3}(?:\s*,\s*[A-Z]{2}-[0-9x]{3})*)\s*\|\s*([^|]*)\|/.exec(line);
    if (m) out.push({ ids: m[1].split(/\s*,\s*/), text: m[2].trim() });
  }
  return out;
}

/** Catalog ids in excluded.md that no shipped policy carries (`notShipped`), and shipped ids with scope notes there (`narrowed`). */
export function excludedChecks(policies: readonly PolicyInfo[]): { notShipped: { id: string; concept: string }[]; narrowed: string[] } {
  const shipped = new Set(policies.map((p) => p.meta.id).filter((x): x is string => !!x));
  const notShipped = new Map<string, string>();
  const narrowed = new Set<string>();
  for (const row of excludedRows()) {
    for (const id of row.ids) {
      if (shipped.has(id)) narrowed.add(id);
      else if (!notShipped.has(id)) notShipped.set(id, row.text);
    }
  }
  return {
    notShipped: [...notShipped].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([id, concept]) => ({ id, concept })),
    narrowed: [...narrowed].sort(),
  };
}

/** docs/policies/index.md. */
export function renderIndex(policies: readonly PolicyInfo[]): string {
  const kinds = [...new Set(policies.map((p) => p.kind))].sort();
  const lines = [GENERATED_MARK, '# Stdlib checks', ''];
  lines.push(`**${policies.length} checks** ship with the standard library. How profiles select them and how to configure them: [README](README.md).`, '');
  lines.push(`| Kind | ${SEVERITIES.join(' | ')} | Total |`, `|---|${SEVERITIES.map(() => '---:').join('|')}|---:|`);
  const row = (label: string, ps: readonly PolicyInfo[]) =>
    `| ${label} | ${SEVERITIES.map((s) => ps.filter((p) => p.meta.severity === s).length).join(' | ')} | ${ps.length} |`;
  for (const k of kinds) lines.push(row(k, policies.filter((p) => p.kind === k)));
  lines.push(row('**all**', policies), '');
  const noSeverity = policies.filter((p) => !p.meta.severity).length;
  if (noSeverity) lines.push(`${noSeverity} check(s) have no valid severity.`, '');
  lines.push('| ID | Title | Severity | Inputs | Profiles | Related |', '|---|---|---|---|---|---|');
  for (const p of policies) {
    const m = p.meta;
    lines.push(`| [${m.id ?? p.file}](${p.page}) | ${cell(m.title ?? '')} | ${m.severity ?? ''} | ${cell(list(m.input))} | ${cell(list(m.profiles))} | ${cell(list(m.related))} |`);
  }
  lines.push('');
  const { notShipped, narrowed } = excludedChecks(policies);
  if (notShipped.length || narrowed.length) lines.push('## Not shipped', '');
  if (notShipped.length) {
    lines.push('Catalog checks left out on purpose; the reasons are in [excluded.md](excluded.md).', '');
    for (const e of notShipped) lines.push(`- ${e.id} (${cell(e.concept)})`);
    lines.push('');
  }
  if (narrowed.length) lines.push(`Shipped checks narrower than their catalog row (details in [excluded.md](excluded.md)): ${narrowed.join(', ')}.`, '');
  const broken = policies.filter((p) => p.parseErrors.length || checkPolicyMeta(p.read).length);
  if (broken.length) {
    lines.push('## Incomplete', '', 'Policies whose source or METADATA does not meet docs/policies/authoring.md:', '');
    for (const p of broken) {
      const why = p.parseErrors.length ? `parse errors (${p.parseErrors[0]})` : checkPolicyMeta(p.read).join('; ');
      lines.push(`- \`${p.file}\`: ${cell(why)}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

/**
 * Every generated file: name in docs/policies/ → content. README.md is included only when it
 * exists (its hand-written parts are kept; only the marked sections are replaced).
 */
export function renderPolicyDocs(policies: readonly PolicyInfo[] = collectPolicies()): Map<string, string> {
  const out = new Map<string, string>();
  out.set('index.md', renderIndex(policies));
  const narrowed = new Set(excludedChecks(policies).narrowed);
  for (const p of policies) out.set(p.page, renderPage(p, narrowed));
  const readmeFile = join(DOCS_DIR, 'README.md');
  if (existsSync(readmeFile)) out.set('README.md', renderReadme(readFileSync(readmeFile, 'utf8'), policies));
  return out;
}

/** Generated files now in docs/policies/ (first line is GENERATED_MARK). */
export function generatedFilesOnDisk(): string[] {
  if (!existsSync(DOCS_DIR)) return [];
  return readdirSync(DOCS_DIR)
    .filter((f) => f.endsWith('.md') && readFileSync(join(DOCS_DIR, f), 'utf8').startsWith(GENERATED_MARK))
    .sort();
}

/** Writes the docs and removes generated pages of checks that no longer exist. */
export function writePolicyDocs(): { written: number; removed: string[] } {
  const files = renderPolicyDocs();
  const removed = generatedFilesOnDisk().filter((f) => !files.has(f));
  for (const f of removed) unlinkSync(join(DOCS_DIR, f));
  let written = 0;
  for (const [name, text] of files) {
    const path = join(DOCS_DIR, name);
    if (existsSync(path) && readFileSync(path, 'utf8') === text) continue;
    writeFileSync(path, text);
    written++;
  }
  return { written, removed };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { written, removed } = writePolicyDocs();
  console.log(`docs/policies: ${written} file(s) written, ${removed.length} removed${removed.length ? ` (${removed.join(', ')})` : ''} (stdlib at ${STDLIB_ROOT})`);
}
