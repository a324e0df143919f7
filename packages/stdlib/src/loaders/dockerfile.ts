import type { ConftestDockerfileCommand } from '../generated/dockerfile-conftest.js';
import type { DockerfileCommand, DockerfileStage, TrivyDockerfileDocument } from '../generated/dockerfile.js';
import type { InputDocument, LineRange, LoadError, LoadResult } from '../model.js';
import { LoadErrorCode, errorResult, internalError, lineCount, loadError, makeDocument, sizeError } from './common.js';
import { scanDockerfile, type Directives } from './dockerfile-scan.js';
import { isHeredocWord, type DfNode } from './dockerfile-syntax.js';
import { DockerfileSourceMap } from './source-map.js';

/**
 * Dockerfile loader. It produces the two document shapes existing policies read (see
 * docs/inputs.md and the catalog appendix):
 * - Trivy's `{Stages: [{Name, Commands: [...]}]}` — the InputDocument value;
 * - conftest's flat command array — through `dockerfileConftestInput(doc)`.
 */
export type TrivyDockerfile = TrivyDockerfileDocument;
export type TrivyStage = DockerfileStage;
export type TrivyCommand = DockerfileCommand;
export type ConftestCommand = ConftestDockerfileCommand;

export interface ParsedDockerfile {
  trivy: TrivyDockerfile | undefined;
  conftest: ConftestCommand[] | undefined;
  directives: Directives | undefined;
  errors: LoadError[];
  /** Lines of each conftest entry (comments get the line of the instruction they precede). */
  conftestLines: LineRange[];
}

/** Flags buildkit accepts per instruction; Trivy drops any other flag from `Flags`. */
const KNOWN_FLAGS: Record<string, readonly string[]> = {
  from: ['platform'],
  run: ['mount', 'network', 'security', 'device'],
  copy: ['from', 'chown', 'chmod', 'link', 'parents', 'exclude'],
  add: ['chown', 'chmod', 'link', 'keep-git-dir', 'checksum', 'exclude', 'unpack'],
  healthcheck: ['interval', 'timeout', 'start-period', 'start-interval', 'retries'],
};

const INSTRUCTIONS = new Set([
  'add', 'arg', 'cmd', 'copy', 'entrypoint', 'env', 'expose', 'from', 'healthcheck', 'label',
  'maintainer', 'onbuild', 'run', 'shell', 'stopsignal', 'user', 'volume', 'workdir',
]);

function flagName(flag: string): string {
  const s = flag.startsWith('--') ? flag.slice(2) : flag;
  const eq = s.indexOf('=');
  return eq === -1 ? s : s.slice(0, eq);
}

/** The checks buildkit's instruction parser makes; a failing one makes the file unloadable. */
function validate(node: DfNode, nested = false): string | undefined {
  const name = node.cmd.toUpperCase();
  const lc = node.cmd.toLowerCase();
  if (!INSTRUCTIONS.has(lc)) return `unknown instruction: ${name}`;
  const args = node.args ?? [];
  switch (lc) {
    case 'from':
      if (!(args.length === 1 || (args.length === 3 && args[1]!.toLowerCase() === 'as'))) {
        return 'FROM requires either one or three arguments';
      }
      break;
    case 'copy':
    case 'add':
      if (args.length < 2) {
        return `${name} requires at least two arguments, but only ${args.length === 1 ? 'one was' : 'none were'} provided. Destination could not be determined.`;
      }
      break;
    case 'workdir':
    case 'user':
    case 'maintainer':
    case 'stopsignal':
      if (args.length === 0) return `${name} requires exactly one argument`;
      break;
    case 'arg':
    case 'env':
    case 'label':
    case 'expose':
    case 'volume':
      if (args.length === 0) return `${name} requires at least one argument`;
      break;
    case 'shell':
      if (args.length === 0) return 'SHELL requires at least one argument';
      if (!node.json) return 'SHELL requires the arguments to be in JSON form';
      break;
    case 'healthcheck': {
      const typ = args[0]?.toUpperCase();
      if (typ === undefined) return 'HEALTHCHECK requires an argument';
      if (typ === 'NONE' && args.length > 1) return 'HEALTHCHECK NONE takes no arguments';
      if (typ !== 'NONE' && typ !== 'CMD') return `Unknown type ${JSON.stringify(args[0])} in HEALTHCHECK (try CMD)`;
      if (typ === 'CMD' && args.length < 2) return 'Missing command after HEALTHCHECK CMD';
      break;
    }
    case 'onbuild': {
      if (nested) return "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed";
      if (!node.sub) return 'ONBUILD requires at least one argument';
      const inner = node.sub.cmd.toLowerCase();
      if (inner === 'onbuild') return "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed";
      if (inner === 'from' || inner === 'maintainer') return `${inner.toUpperCase()} isn't allowed as an ONBUILD trigger`;
      return validate(node.sub, true);
    }
  }
  return undefined;
}

/** Trivy's heredoc handling: a plain `<<EOF` script becomes its lines joined with " ; ". */
function heredocValue(node: DfNode): string {
  const first = node.args![0]!;
  const doc = node.heredocs[0]!;
  if (!isHeredocWord(first) || doc.content.startsWith('#!')) {
    let s = first;
    for (const h of node.heredocs) s += '\n' + h.content + h.name;
    return s;
  }
  let content = doc.content;
  if (doc.chomp) content = content.replace(/^\t+/gm, '');
  content = content.replace(/\r\n/g, '\n');
  return content.replace(/\n$/, '').split('\n').join(' ; ');
}

function heredocOriginal(node: DfNode): string {
  return node.original + '\n' + node.heredocs.map((h) => h.content + h.name).join('\n');
}

export function parseDockerfile(path: string, text: string): ParsedDockerfile {
  const none = { trivy: undefined, conftest: undefined, directives: undefined, conftestLines: [] };
  const tooLarge = sizeError(path, text);
  if (tooLarge) return { ...none, errors: [tooLarge] };
  const scan = scanDockerfile(text);
  if (scan.error) {
    return { ...none, errors: [loadError(path, LoadErrorCode.Dockerfile, `Dockerfile: ${scan.error.message}`, scan.error.line, 1)] };
  }
  for (const node of scan.nodes) {
    const msg = validate(node);
    if (msg) return { ...none, errors: [loadError(path, LoadErrorCode.Dockerfile, `Dockerfile: ${msg}`, node.startLine, 1)] };
  }

  const trivy: TrivyDockerfile = { Stages: [] };
  const conftest: ConftestCommand[] = [];
  const conftestLines: LineRange[] = [];
  let stage: TrivyStage = { Name: '', Commands: [] };
  let stageIndex = 0;
  let seenFrom = false;
  let conftestStage = -1;
  for (const node of scan.nodes) {
    const lc = node.cmd.toLowerCase();
    if (lc === 'from') {
      if (stage.Commands.length > 0) trivy.Stages.push(stage);
      if (seenFrom) stageIndex++;
      seenFrom = true;
      conftestStage++;
      // Trivy trims a literal, case-sensitive "FROM " prefix (so `from x` keeps its keyword).
      const name = node.original.startsWith('FROM ') ? node.original.slice(5) : node.original;
      stage = { Name: name.trim(), Commands: [] };
    }
    const inner = node.sub ?? node;
    const subCmd = node.sub ? node.sub.cmd : '';
    const known = KNOWN_FLAGS[lc] ?? [];
    const lines = { startLine: node.startLine, endLine: node.endLine };
    const heredoc = node.heredocs.length > 0 && inner === node && node.args !== null;
    stage.Commands.push({
      Cmd: lc,
      SubCmd: subCmd,
      Flags: node.flags === null ? null : node.flags.filter((f) => known.includes(flagName(f))),
      Value: heredoc ? [heredocValue(node)] : inner.args === null ? null : [...inner.args],
      Original: heredoc ? heredocOriginal(node) : node.original,
      JSON: inner.json,
      Stage: stageIndex,
      Path: path,
      StartLine: node.startLine,
      EndLine: node.endLine,
    });
    const cStage = Math.max(0, conftestStage);
    for (const comment of node.comments) {
      conftest.push({ Cmd: 'comment', SubCmd: '', JSON: false, Flags: null, Value: [comment], Stage: cStage });
      conftestLines.push(lines);
    }
    conftest.push({
      Cmd: lc,
      SubCmd: subCmd,
      JSON: inner.json,
      Flags: node.flags === null ? null : [...node.flags],
      Value: inner.args === null ? null : [...inner.args],
      Stage: cStage,
    });
    conftestLines.push(lines);
  }
  if (stage.Commands.length > 0) trivy.Stages.push(stage);
  return { trivy, conftest, directives: scan.directives, errors: [], conftestLines };
}

const conftestShapes = new WeakMap<object, ConftestCommand[]>();

export function loadDockerfile(path: string, text: string): LoadResult {
  try {
    const parsed = parseDockerfile(path, text);
    if (!parsed.trivy || !parsed.conftest) return { documents: [], errors: parsed.errors };
    const whole = { startLine: 1, endLine: lineCount(text) };
    const sm = new DockerfileSourceMap(parsed.trivy, whole, parsed.conftest, parsed.conftestLines);
    conftestShapes.set(parsed.trivy, parsed.conftest);
    return { documents: [makeDocument('dockerfile', path, 0, parsed.trivy, sm, whole)], errors: [] };
  } catch (e) {
    return errorResult(internalError(path, e));
  }
}

/**
 * conftest's view of a loaded Dockerfile document: the flat command array (with comment
 * entries). The document's source map resolves paths `[i, …]` and these objects too.
 * For a value not produced by `loadDockerfile`, the array is derived from the Trivy shape
 * (without comment entries, which Trivy does not keep).
 */
export function dockerfileConftestInput(doc: InputDocument | TrivyDockerfile): ConftestCommand[] {
  const value = 'Stages' in doc ? doc : (doc.value as TrivyDockerfile);
  const cached = conftestShapes.get(value);
  if (cached) return cached;
  const out: ConftestCommand[] = [];
  for (const st of value.Stages ?? []) {
    for (const c of st.Commands ?? []) {
      out.push({ Cmd: c.Cmd, SubCmd: c.SubCmd, JSON: c.JSON, Flags: c.Flags, Value: c.Value, Stage: c.Stage });
    }
  }
  return out;
}
