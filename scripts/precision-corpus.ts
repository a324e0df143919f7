/**
 * The real-world precision corpus (docs/precision.md): public repositories' Dockerfiles, Kubernetes
 * manifests, compose files, .dockerignore files and scan reports, kept OUTSIDE this repository
 * (their files are other projects' work; only provenance and reviewed expectations are committed).
 *
 *   tsx scripts/precision-corpus.ts extract --mirrors DIR [--corpus DIR]   # git mirrors → corpus files + manifest
 *   tsx scripts/precision-corpus.ts scan [--corpus DIR] [--out FILE]          # palisade scan → findings JSON
 *   tsx scripts/precision-corpus.ts sample N [--seed S] [--findings FILE]     # N random findings to review
 *   tsx scripts/precision-corpus.ts expect [--corpus DIR] [--files N]         # writes test/precision/expected.json
 *   tsx scripts/precision-corpus.ts commit-sample [--corpus DIR] [--mirrors DIR] # reviewed files → test/precision/sample
 *
 * The corpus directory defaults to $PALISADE_CORPUS, else ../corpus beside the repository. Each
 * repository is `<corpus>/<owner>+<name>/…` with the file paths of the repository; `manifest.json`
 * records repository, commit, path and sha256 of every file (committed as test/precision/corpus.json).
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const MANIFEST = join(ROOT, 'test/precision/corpus.json');
export const EXPECTED = join(ROOT, 'test/precision/expected.json');
/** The committed copy of the reviewed files whose licence allows it (see SAMPLE_LICENSES). */
export const SAMPLE = join(ROOT, 'test/precision/sample');

/**
 * Repositories whose reviewed files may be committed as test data: permissive licences only
 * (checked by hand from each repository's licence file at the recorded commit). A repository not
 * listed here (no licence, or copyleft: argocd-example-apps, docker-library/haproxy and
 * wordpress) stays corpus-only. The licence file is committed beside the sample (sample/LICENSES/).
 */
export const SAMPLE_LICENSES: Record<string, { spdx: string; file: string }> = {
  'Azure-Samples/aks-store-demo': { spdx: 'MIT', file: 'LICENSE.md' },
  'GoogleCloudPlatform/kubernetes-engine-samples': { spdx: 'Apache-2.0', file: 'LICENSE' },
  'GoogleCloudPlatform/microservices-demo': { spdx: 'Apache-2.0', file: 'LICENSE' },
  'GoogleContainerTools/distroless': { spdx: 'Apache-2.0', file: 'LICENSE' },
  'anchore/grype': { spdx: 'Apache-2.0', file: 'LICENSE' },
  'aquasecurity/trivy': { spdx: 'Apache-2.0', file: 'LICENSE' },
  'argoproj/argo-cd': { spdx: 'Apache-2.0', file: 'LICENSE' },
  'cert-manager/cert-manager': { spdx: 'Apache-2.0', file: 'LICENSE' },
  'docker/awesome-compose': { spdx: 'CC0-1.0', file: 'LICENSE' },
  'docker-library/golang': { spdx: 'BSD-3-Clause', file: 'LICENSE' },
  'docker-library/mongo': { spdx: 'Apache-2.0', file: 'LICENSE' },
  'docker-library/php': { spdx: 'MIT', file: 'LICENSE' },
  'docker-library/postgres': { spdx: 'MIT', file: 'LICENSE' },
  'docker-library/python': { spdx: 'MIT', file: 'LICENSE' },
  'docker-library/rabbitmq': { spdx: 'MIT', file: 'LICENSE' },
  'docker-library/redis': { spdx: 'BSD-3-Clause', file: 'LICENSE' },
  'dockersamples/example-voting-app': { spdx: 'Apache-2.0', file: 'LICENSE' },
  'fluxcd/flux2-kustomize-helm-example': { spdx: 'Apache-2.0', file: 'LICENSE' },
  'istio/istio': { spdx: 'Apache-2.0', file: 'LICENSE' },
  'kubernetes/dashboard': { spdx: 'Apache-2.0', file: 'LICENSE' },
  'kubernetes/examples': { spdx: 'Apache-2.0', file: 'LICENSE' },
  'kubernetes-sigs/kustomize': { spdx: 'Apache-2.0', file: 'LICENSE' },
  'kubernetes-sigs/metrics-server': { spdx: 'Apache-2.0', file: 'LICENSE' },
  'nginxinc/docker-nginx': { spdx: 'BSD-2-Clause', file: 'LICENSE' },
  'nodejs/docker-node': { spdx: 'MIT', file: 'LICENSE' },
  'open-telemetry/opentelemetry-demo': { spdx: 'Apache-2.0', file: 'LICENSE' },
  'prometheus-operator/kube-prometheus': { spdx: 'Apache-2.0', file: 'LICENSE' },
  'stefanprodan/podinfo': { spdx: 'Apache-2.0', file: 'LICENSE' },
};

/** `owner+name/path` of a corpus file → `owner/name`. */
export function repoOf(file: string): string {
  return file.slice(0, file.indexOf('/')).replace('+', '/');
}

export function corpusDir(arg?: string): string {
  return resolve(arg ?? process.env.PALISADE_CORPUS ?? join(ROOT, '..', 'corpus'));
}

export interface CorpusFile {
  path: string;
  sha256: string;
}
export interface CorpusRepo {
  repo: string;
  commit: string;
  files: CorpusFile[];
}
/** The committed provenance (test/precision/corpus.json): paths only, to keep it small. */
export interface Provenance {
  description: string;
  repos: { repo: string; commit: string; files: string[] }[];
}
export interface Manifest {
  description: string;
  repos: CorpusRepo[];
}

/** Files a container-security scanner is meant for, by name (content decides for YAML/JSON). */
const BY_NAME = /(^|\/)(Dockerfile[^/]*|Containerfile[^/]*|[^/]+\.dockerfile|\.dockerignore|[^/]*\.dockerignore|(docker-)?compose[^/]*\.ya?ml|kustomization\.ya?ml)$/i;
const TREE = /\.(ya?ml|json)$/i;
const SKIP_DIR = /(^|\/)(node_modules|vendor|third_party|\.git|charts?\/[^/]+\/templates)\//;
/** Per-repository cap, so that one huge repository does not drown the others. */
const MAX_PER_REPO = 250;
const MAX_BYTES = 512 * 1024;

function isCandidate(path: string, text: string): boolean {
  if (/\.(md|txt|go|ts|js|py|sh|tpl|golden|template|tmpl|j2)$/i.test(path)) return false;
  if (BY_NAME.test(path)) return !/\{\{/.test(text) || /\.dockerignore$/i.test(path);
  if (!TREE.test(path)) return false;
  // Helm templates and other templated YAML are not valid input until rendered.
  if (/\{\{/.test(text)) return false;
  if (/^\s*apiVersion:\s*\S+/m.test(text) && /^\s*kind:\s*\S+/m.test(text)) return true;
  if (/"SchemaVersion"\s*:\s*2/.test(text) && /"Results"/.test(text)) return true;
  if (/"matches"\s*:/.test(text) && /"descriptor"\s*:/.test(text)) return true;
  return false;
}

function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A stable pseudo-random order (by hash of the path), so caps pick the same files every time. */
function stableOrder(paths: string[], salt: string): string[] {
  return [...paths].sort((a, b) => sha256(salt + a).localeCompare(sha256(salt + b)));
}

function git(dir: string, args: string[]): Buffer {
  return execFileSync('git', ['-C', dir, ...args], { maxBuffer: 1 << 30 });
}

function extract(mirrors: string, out: string): void {
  const repos: CorpusRepo[] = [];
  for (const name of readdirSync(mirrors).sort()) {
    const gitDir = join(mirrors, name, 'repo');
    if (!existsSync(gitDir) || !name.includes('+')) continue;
    const repo = name.replace('+', '/');
    const commit = git(gitDir, ['rev-parse', 'HEAD']).toString().trim();
    const listing = git(gitDir, ['ls-tree', '-r', '-l', 'HEAD']).toString().split('\n').filter(Boolean);
    const blobs = new Map<string, string>();
    for (const line of listing) {
      const m = /^\d+ blob ([0-9a-f]+)\s+(\d+|-)\t(.+)$/.exec(line);
      if (!m || m[2] === '-' || Number(m[2]) > MAX_BYTES) continue;
      if (SKIP_DIR.test(m[3])) continue;
      if (!BY_NAME.test(m[3]) && !TREE.test(m[3])) continue;
      blobs.set(m[3], m[1]);
    }
    const picked: CorpusFile[] = [];
    for (const path of stableOrder([...blobs.keys()], repo)) {
      if (picked.length >= MAX_PER_REPO) break;
      const text = git(gitDir, ['cat-file', 'blob', blobs.get(path)!]);
      if (text.includes(0)) continue;
      if (!isCandidate(path, text.toString('utf8'))) continue;
      const dest = join(out, name, path);
      mkdirSync(dirname(dest), { recursive: true });
      writeFileSync(dest, text);
      picked.push({ path, sha256: sha256(text) });
    }
    if (picked.length === 0) continue;
    picked.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    repos.push({ repo, commit, files: picked });
    console.log(`${repo}@${commit.slice(0, 12)}: ${picked.length} files`);
  }
  const manifest: Manifest = {
    description: 'Provenance of the precision corpus (docs/precision.md): files of public repositories at these commits, kept outside this repository.',
    repos,
  };
  writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest, null, 1) + '\n');
  const provenance: Provenance = { description: manifest.description, repos: repos.map((r) => ({ repo: r.repo, commit: r.commit, files: r.files.map((f) => f.path) })) };
  mkdirSync(dirname(MANIFEST), { recursive: true });
  writeFileSync(MANIFEST, '{"description": ' + JSON.stringify(provenance.description) + ',\n "repos": [\n' + provenance.repos.map((r) => ' ' + JSON.stringify(r)).join(',\n') + '\n]}\n');
  console.log(`${repos.reduce((n, r) => n + r.files.length, 0)} files from ${repos.length} repositories → ${out}`);
}

/**
 * Copies the reviewed files (test/precision/expected.json) of the repositories in SAMPLE_LICENSES
 * from the corpus into test/precision/sample, with each repository's licence file read from its
 * git mirror at the recorded commit, so that the regression test runs on every clone.
 */
function commitSample(dir: string, mirrors: string): void {
  const expected = JSON.parse(readFileSync(EXPECTED, 'utf8')) as { files: { file: string; sha256: string }[] };
  const provenance = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Provenance;
  const commits = new Map(provenance.repos.map((r) => [r.repo, r.commit]));
  rmSync(SAMPLE, { recursive: true, force: true });
  const repos = new Set<string>();
  let n = 0;
  for (const f of expected.files) {
    const repo = repoOf(f.file);
    if (!SAMPLE_LICENSES[repo]) continue;
    const text = readFileSync(join(dir, f.file));
    if (sha256(text) !== f.sha256) throw new Error(`${f.file}: not the reviewed version (sha256 differs)`);
    mkdirSync(dirname(join(SAMPLE, f.file)), { recursive: true });
    writeFileSync(join(SAMPLE, f.file), text);
    repos.add(repo);
    n++;
  }
  mkdirSync(join(SAMPLE, 'LICENSES'), { recursive: true });
  const rows: string[] = [];
  for (const repo of [...repos].sort()) {
    const { spdx, file } = SAMPLE_LICENSES[repo]!;
    const name = repo.replace('/', '+');
    writeFileSync(join(SAMPLE, 'LICENSES', name), git(join(mirrors, name, 'repo'), ['show', `${commits.get(repo)}:${file}`]));
    rows.push(`| ${repo} | \`${commits.get(repo)}\` | ${spdx} | LICENSES/${name} |`);
  }
  writeFileSync(
    join(SAMPLE, 'README.txt'),
    [
      'Files of public repositories, unmodified, at the commits below: the reviewed regression sample of',
      'docs/precision.md (expected findings in ../expected.json). Each file stays under the licence of its',
      'repository, whose text is in LICENSES/. Regenerate with `tsx scripts/precision-corpus.ts commit-sample`.',
      '',
      '| repository | commit | licence | licence text |',
      '|---|---|---|---|',
      ...rows,
      '',
    ].join('\n'),
  );
  console.log(`${n} files from ${repos.size} repositories → ${relative(ROOT, SAMPLE)}`);
}

export interface CorpusFinding {
  file: string;
  line: number;
  id: string;
  severity: string;
  status: string;
  message: string;
}

/** Runs the built CLI over the corpus (JSON report), as a user would. */
export function scanCorpus(dir: string, files?: string[]): { findings: CorpusFinding[]; errors: { path: string; message: string; code: string }[]; summary: unknown } {
  const cli = join(ROOT, 'packages/cli/dist/main.js');
  const args = [cli, 'scan', '--format', 'json', '--no-fail', ...(files ?? ['.'])];
  let stdout: string;
  try {
    stdout = execFileSync(process.execPath, args, { cwd: dir, maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'] }).toString();
  } catch (e) {
    const err = e as { stdout?: Buffer; status?: number };
    // Exit 1 = errors in the report: the JSON is still printed and says which.
    if (!err.stdout?.length) throw e;
    stdout = err.stdout.toString();
  }
  const report = JSON.parse(stdout) as { findings: Record<string, unknown>[]; errors: { path: string; message: string; code: string }[]; summary: unknown };
  const findings = report.findings.map((f) => ({
    file: String(f.file),
    line: Number(f.startLine),
    id: String(f.policyId),
    severity: String(f.severity),
    status: String(f.status),
    message: String(f.message),
  }));
  findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
  return { findings, errors: report.errors, summary: report.summary };
}

/** Mulberry32: a small seeded generator, so a sample can be drawn again from its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function sampleFindings<T>(findings: readonly T[], n: number, seed: number): T[] {
  const rnd = random(seed);
  const pool = [...findings];
  const out: T[] = [];
  while (out.length < n && pool.length) out.push(pool.splice(Math.floor(rnd() * pool.length), 1)[0]);
  return out;
}

/** Rough input kind of a corpus file by name, for stratified selections. */
export function kindOf(path: string): string {
  const base = path.split('/').pop()!;
  if (/\.dockerignore$/i.test(base)) return 'dockerignore';
  if (/^(Dockerfile|Containerfile)|\.dockerfile$/i.test(base)) return 'dockerfile';
  if (/^(docker-)?compose([.\-_][^/]*)?\.ya?ml$/i.test(base)) return 'compose';
  if (/^kustomization\.ya?ml$/i.test(base)) return 'kustomization';
  if (/\.json$/i.test(base)) return 'report';
  return 'kubernetes';
}

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function main(argv: string[]): void {
  const [cmd, ...args] = argv;
  const dir = corpusDir(flag(args, '--corpus'));
  if (cmd === 'extract') {
    const mirrors = flag(args, '--mirrors');
    if (!mirrors) throw new Error('extract needs --mirrors DIR (git mirrors as <owner>+<name>/repo)');
    extract(resolve(mirrors), dir);
  } else if (cmd === 'scan') {
    const r = scanCorpus(dir);
    const out = flag(args, '--out') ?? join(dir, 'findings.json');
    writeFileSync(out, JSON.stringify(r, null, 1) + '\n');
    console.log(`${r.findings.length} findings, ${r.errors.length} errors → ${out}`);
    for (const e of r.errors.slice(0, 20)) console.log(`  error ${e.code} ${e.path}: ${e.message}`);
  } else if (cmd === 'sample') {
    const n = Number(args[0] ?? 50);
    const seed = Number(flag(args, '--seed') ?? Date.now() % 100000);
    const file = flag(args, '--findings') ?? join(dir, 'findings.json');
    const { findings } = JSON.parse(readFileSync(file, 'utf8')) as { findings: CorpusFinding[] };
    console.log(`Sample of ${n} of ${findings.length} findings, seed ${seed}\n`);
    console.log('| # | check | severity | file:line | message | verdict | reason |\n|---|---|---|---|---|---|---|');
    sampleFindings(findings.filter((f) => f.status !== 'waived'), n, seed).forEach((f, i) => {
      console.log(`| ${i + 1} | ${f.id} | ${f.severity} | \`${f.file}:${f.line}\` | ${f.message.replace(/\|/g, '\\|')} | | |`);
    });
  } else if (cmd === 'expect') {
    // The corpus's own manifest carries the hashes; the committed provenance only the paths.
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
    const count = Number(flag(args, '--files') ?? 120);
    // A fixed selection (seed 19) stratified by input kind, so every kind is in the reviewed set.
    const all = manifest.repos.flatMap((r) => r.files.map((f) => ({ ...f, file: `${r.repo.replace('/', '+')}/${f.path}` })));
    const share: Record<string, number> = { dockerfile: 0.3, kubernetes: 0.35, compose: 0.12, kustomization: 0.1, dockerignore: 0.08, report: 0.05 };
    const chosen = Object.entries(share)
      .flatMap(([kind, part]) => sampleFindings(all.filter((f) => kindOf(f.path) === kind), Math.round(count * part), 19))
      .sort((a, b) => (a.file < b.file ? -1 : 1));
    const r = scanCorpus(dir, chosen.map((c) => c.file));
    const expected = chosen.map((c) => ({
      file: c.file,
      sha256: c.sha256,
      findings: r.findings.filter((f) => f.file === c.file).map((f) => `${f.id} ${f.line} ${f.status}`),
    }));
    writeFileSync(EXPECTED, JSON.stringify({ description: 'Reviewed expected findings (check line status) on corpus files; regenerate with `tsx scripts/precision-corpus.ts expect` and review the diff (docs/precision.md).', errors: r.errors.map((e) => `${e.path}: ${e.code}`), files: expected }, null, 1) + '\n');
    console.log(`${expected.length} files, ${r.findings.length} findings → ${relative(ROOT, EXPECTED)}`);
  } else if (cmd === 'commit-sample') {
    commitSample(dir, resolve(flag(args, '--mirrors') ?? join(dir, '..', 'mirrors')));
  } else {
    throw new Error('usage: precision-corpus.ts extract|scan|sample|expect|commit-sample');
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
