/**
 * Input discovery for `palisade scan`: explicit files are always read (when regular files);
 * directories are walked (walk-tree.ts: links never lead out of the directory, unreadable
 * directories are errors for their path), keeping files whose name a loader recognises and
 * dropping paths excluded by `.gitignore` / `.palisadeignore` files (gitignore rules, nested files
 * included), `--ignore` globs, `node_modules` and `.git`.
 */
import { statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { compileGlob, loaders, type GlobMatcher } from '@palisade/stdlib';
import { readInputFile, readStreamBounded } from '../read-input.js';
import { walkTree, type WalkedFile } from '../walk-tree.js';

export interface InputFile {
  /** Path shown in reports: relative to cwd (forward slashes) when inside it. */
  path: string;
  text: string;
}

export interface DiscoveryError {
  path: string;
  message: string;
  code: string;
}

/** A Helm chart whose unrendered templates discovery left out (see `helmTemplateOf`). */
export interface SkippedChart {
  /** Chart directory as shown in reports ('.' for the walk root). */
  chart: string;
  files: string[];
}

export interface Discovery {
  files: InputFile[];
  errors: DiscoveryError[];
  /** Unrendered Helm templates found while walking directories; not loaded. */
  skippedCharts: SkippedChart[];
  /** Files found while walking that are of no kind a loader reads (not ignored ones), in walk order. */
  skippedUnknown: string[];
  /** Links not followed, FIFOs, devices…: `path: why`, in walk order. */
  skippedOther: string[];
}

/** Tool files that match the loaders' name rules but are never container configuration. */
const SKIPPED_NAMES = /^(package(-lock)?\.json|pnpm-lock\.ya?ml|tsconfig(\..*)?\.json|jsconfig\.json|\.?palisade\.ya?ml|conftest\.toml)$/i;

const IGNORE_FILES = ['.gitignore', '.palisadeignore'];

interface IgnoreRule {
  /** Directory of the ignore file, relative to the walk root ('' = root). */
  base: string;
  glob: GlobMatcher;
  negate: boolean;
  dirOnly: boolean;
}

/** Parses one ignore file (gitignore syntax) whose directory is `base`. */
export function parseIgnoreFile(text: string, base: string): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  for (let line of text.split(/\r?\n/)) {
    if (line === '' || line.startsWith('#')) continue;
    line = line.replace(/(?<!\\)\s+$/, '');
    let negate = false;
    if (line.startsWith('!')) {
      negate = true;
      line = line.slice(1);
    } else if (line.startsWith('\\!') || line.startsWith('\\#')) line = line.slice(1);
    let dirOnly = false;
    if (line.endsWith('/')) {
      dirOnly = true;
      line = line.slice(0, -1);
    }
    if (line === '') continue;
    const anchored = line.includes('/');
    if (line.startsWith('/')) line = line.slice(1);
    rules.push({ base, glob: compileGlob(anchored ? line : `**/${line}`, 'path'), negate, dirOnly });
  }
  return rules;
}

function verdict(rel: string, isDir: boolean, rules: readonly IgnoreRule[]): boolean | undefined {
  let out: boolean | undefined;
  for (const r of rules) {
    if (r.dirOnly && !isDir) continue;
    let sub = rel;
    if (r.base) {
      if (!rel.startsWith(r.base + '/')) continue;
      sub = rel.slice(r.base.length + 1);
    }
    if (r.glob.test(sub)) out = !r.negate;
  }
  return out;
}

/** gitignore semantics: a file inside an ignored directory stays ignored. */
export function isIgnored(rel: string, rules: readonly IgnoreRule[]): boolean {
  if (rules.length === 0) return false;
  const parts = rel.split('/');
  for (let i = 1; i < parts.length; i++) {
    if (verdict(parts.slice(0, i).join('/'), true, rules) === true) return true;
  }
  return verdict(rel, false, rules) === true;
}

function displayPath(abs: string, cwd: string): string {
  const rel = relative(cwd, abs);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return abs.split(sep).join('/');
  return rel.split(sep).join('/');
}

/** `--ignore` globs: a glob without `/` applies at any depth; `dir/` ignores what is under it. */
function ignoreMatchers(globs: readonly string[]): GlobMatcher[] {
  return globs.map((g) => {
    const p = g.replace(/^\.\//, '').replace(/\/$/, '/**');
    return compileGlob(p.includes('/') ? p : `**/${p}`, 'path');
  });
}

/** Rules of every ignore file in the walk; shallow files first, so deeper files' rules come later and win (as in git). */
function readIgnoreRules(files: readonly WalkedFile[]): IgnoreRule[] {
  const found = files.filter((f) => IGNORE_FILES.includes(f.rel.slice(f.rel.lastIndexOf('/') + 1)));
  found.sort((a, b) => a.rel.split('/').length - b.rel.split('/').length || (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  const rules: IgnoreRule[] = [];
  for (const f of found) {
    const slash = f.rel.lastIndexOf('/');
    const r = readInputFile(f.abs);
    // An unreadable ignore file ignores nothing (the walk goes on).
    if (r.text !== undefined) rules.push(...parseIgnoreFile(r.text, slash < 0 ? '' : f.rel.slice(0, slash)));
  }
  return rules;
}

/** Whether a discovered file is worth loading (explicit files are always loaded). */
export function isCandidate(name: string): boolean {
  const base = name.slice(name.lastIndexOf('/') + 1);
  if (SKIPPED_NAMES.test(base)) return false;
  return loaders.detectByName(name) !== 'unknown';
}

/**
 * Like isCandidate, also taking the configuration formats conftest parses (`.tf`, `.toml`,
 * `.ini`, `.xml`…): walked into only when user policies are given, since the standard library
 * has no policy for them.
 */
export function isConfigCandidate(name: string): boolean {
  const base = name.slice(name.lastIndexOf('/') + 1);
  // The walk's own ignore files configure it; they are inputs only when named explicitly.
  if (SKIPPED_NAMES.test(base) || IGNORE_FILES.includes(base)) return false;
  return isCandidate(name) || loaders.configKindByName(name) !== undefined;
}

const TEMPLATE_ACTION = /\{\{/;

/**
 * The chart directory (relative to the walk root) when `rel` is a Go-templated file of a Helm chart:
 * it sits under `<chart>/templates/` next to `<chart>/Chart.yaml` and contains a `{{ … }}` action.
 * Such files are not YAML until `helm template` renders them, so parsing them only yields
 * cascading syntax errors; plain manifests in `templates/` are still scanned.
 */
export function helmTemplateOf(rel: string, text: string, walked: ReadonlySet<string>): string | undefined {
  const parts = rel.split('/');
  for (let i = parts.length - 2; i >= 0; i--) {
    if (parts[i] !== 'templates') continue;
    const chart = parts.slice(0, i).join('/');
    if (!walked.has(chart === '' ? 'Chart.yaml' : `${chart}/Chart.yaml`)) continue;
    return TEMPLATE_ACTION.test(text) ? chart : undefined;
  }
  return undefined;
}

/** Walks the given paths (files or directories) in a deterministic order. */
export function discoverFiles(paths: readonly string[], cwd: string, ignore: readonly string[] = [], opts: { configKinds?: boolean } = {}): Discovery {
  const out: Discovery = { files: [], errors: [], skippedCharts: [], skippedUnknown: [], skippedOther: [] };
  const ignored = ignoreMatchers(ignore);
  const seen = new Set<string>();
  const charts = new Map<string, SkippedChart>();
  /** Reads `abs`; a file found by walking (`walk` set) may instead be skipped as a Helm template. */
  const add = (abs: string, walk?: { root: string; rel: string; found: ReadonlySet<string> }): void => {
    if (seen.has(abs)) return;
    seen.add(abs);
    const path = displayPath(abs, cwd);
    const r = readInputFile(abs);
    if (r.error) {
      out.errors.push({ path, ...r.error });
      return;
    }
    const text = r.text;
    const chart = walk && helmTemplateOf(walk.rel, text, walk.found);
    if (chart === undefined) {
      out.files.push({ path, text });
      return;
    }
    const chartAbs = resolve(walk!.root, chart);
    const chartPath = chartAbs === resolve(cwd) ? '.' : displayPath(chartAbs, cwd);
    let entry = charts.get(chartPath);
    if (!entry) charts.set(chartPath, (entry = { chart: chartPath, files: [] }));
    entry.files.push(path);
  };
  for (const p of paths.length ? paths : ['.']) {
    const abs = resolve(cwd, p);
    let st;
    try {
      st = statSync(abs);
    } catch {
      out.errors.push({ path: p, code: 'not_found', message: 'no such file or directory' });
      continue;
    }
    if (!st.isDirectory()) {
      add(abs);
      continue;
    }
    const walk = walkTree(abs, { exclude: (rel) => ignored.some((m) => m.test(rel)) });
    for (const e of walk.errors) out.errors.push({ path: displayPath(e.abs, cwd), code: 'read_error', message: e.message });
    const rules = readIgnoreRules(walk.files);
    for (const s of walk.skipped) if (!isIgnored(s.rel, rules)) out.skippedOther.push(`${displayPath(s.abs, cwd)}: ${s.reason}`);
    const found = walk.files.map((f) => f.rel);
    const walked = new Set(found);
    for (const rel of found) {
      if (isIgnored(rel, rules)) continue;
      if (!(opts.configKinds ? isConfigCandidate(rel) : isCandidate(rel))) {
        out.skippedUnknown.push(displayPath(resolve(abs, rel), cwd));
        continue;
      }
      add(resolve(abs, rel), { root: abs, rel, found: walked });
    }
  }
  out.skippedCharts = [...charts.values()];
  return out;
}

/** Standard input as the input file `stdin`, read up to the input size limit. */
export async function readStdin(stdin: NodeJS.ReadableStream): Promise<InputFile | DiscoveryError> {
  const r = await readStreamBounded(stdin);
  return r.error ? { path: 'stdin', ...r.error } : { path: 'stdin', text: r.text };
}
