import type { JsonPath, LineRange, SourceMap } from '../model.js';

/**
 * Source maps for tree-shaped documents (YAML and JSON).
 *
 * Converters register every object/array they create together with the lines of its "slot"
 * (for a mapping entry: from the key to the end of the value, so a finding on
 * `securityContext` points at the key line) and the lines of each primitive child. Paths are
 * resolved by walking the value itself, so no per-node path strings are built: a 20 MB report
 * costs one small record per container.
 */
interface NodeInfo {
  parent: object | undefined;
  key: string | number | undefined;
  range: LineRange;
  /** Lines of primitive (and container) children by key. */
  children: Map<string | number, LineRange> | undefined;
}

export class TreeSourceMap implements SourceMap {
  private readonly info = new WeakMap<object, NodeInfo>();

  constructor(
    public root: unknown,
    public rootRange: LineRange,
  ) {}

  /** Records a container value; call before its children are added. */
  addContainer(value: object, parent: object | undefined, key: string | number | undefined, range: LineRange): void {
    this.info.set(value, { parent, key, range, children: undefined });
  }

  /** Records the lines of the child `key` of a registered container. */
  addChild(container: object, key: string | number, range: LineRange): void {
    const info = this.info.get(container);
    if (!info) return;
    (info.children ??= new Map()).set(key, range);
  }

  rangeOfPath(path: JsonPath): LineRange | undefined {
    let cur: unknown = this.root;
    let best: LineRange | undefined = this.rootRange;
    for (const seg of path) {
      if (cur === null || typeof cur !== 'object') break;
      const next = childOf(cur, seg);
      const own = next !== null && typeof next === 'object' ? this.info.get(next)?.range : undefined;
      const r = own ?? this.info.get(cur)?.children?.get(seg);
      if (next === undefined && r === undefined) break;
      if (r) best = r;
      cur = next;
    }
    return best;
  }

  rangeOfValue(value: unknown): LineRange | undefined {
    if (value === this.root) return this.rootRange;
    if (value === null || typeof value !== 'object') return undefined;
    return this.info.get(value)?.range;
  }

  pathOfValue(value: unknown): JsonPath | undefined {
    if (value === this.root) return [];
    if (value === null || typeof value !== 'object') return undefined;
    const path: JsonPath = [];
    let cur: object | undefined = value;
    while (cur !== undefined && cur !== this.root) {
      const info = this.info.get(cur);
      if (!info || info.parent === undefined || info.key === undefined) return undefined;
      path.push(info.key);
      cur = info.parent;
    }
    return cur === this.root ? path.reverse() : undefined;
  }

  /** A source map for a sub-value (e.g. one item of a `kind: List`) with paths relative to it. */
  view(subRoot: unknown): SourceMap {
    const prefix = this.pathOfValue(subRoot) ?? [];
    const range = this.rangeOfValue(subRoot) ?? this.rootRange;
    return new SubTreeSourceMap(this, subRoot, prefix, range);
  }
}

class SubTreeSourceMap implements SourceMap {
  constructor(
    private readonly base: TreeSourceMap,
    private readonly subRoot: unknown,
    private readonly prefix: JsonPath,
    private readonly range: LineRange,
  ) {}

  rangeOfPath(path: JsonPath): LineRange | undefined {
    return this.base.rangeOfPath([...this.prefix, ...path]) ?? this.range;
  }

  rangeOfValue(value: unknown): LineRange | undefined {
    return this.pathOfValue(value) === undefined ? undefined : this.base.rangeOfValue(value);
  }

  pathOfValue(value: unknown): JsonPath | undefined {
    if (value === this.subRoot) return [];
    const full = this.base.pathOfValue(value);
    if (!full || full.length < this.prefix.length) return undefined;
    for (let i = 0; i < this.prefix.length; i++) if (full[i] !== this.prefix[i]) return undefined;
    return full.slice(this.prefix.length);
  }
}

function childOf(container: object, seg: string | number): unknown {
  if (Array.isArray(container)) {
    const i = typeof seg === 'number' ? seg : /^(0|[1-9][0-9]*)$/.test(seg) ? Number(seg) : -1;
    return i >= 0 && i < container.length ? container[i] : undefined;
  }
  const key = String(seg);
  return Object.prototype.hasOwnProperty.call(container, key) ? (container as Record<string, unknown>)[key] : undefined;
}

/** Minimal description of one Dockerfile command as the source map needs it. */
export interface CommandLines {
  StartLine: number;
  EndLine: number;
}

/**
 * Source map of a Dockerfile document. It understands both shapes:
 * Trivy's (`["Stages", s, "Commands", c, …]`) and conftest's flat array (`[i, …]`), and maps any
 * command object (or its `Value`/`Flags` arrays) back to the command's lines by identity.
 */
export class DockerfileSourceMap implements SourceMap {
  private readonly owner = new WeakMap<object, { range: LineRange; path: JsonPath }>();

  constructor(
    private readonly trivy: { Stages: { Commands: CommandLines[] }[] },
    private readonly whole: LineRange,
    private readonly conftest: readonly (CommandLines | { Cmd: string })[] = [],
    conftestLines: readonly (LineRange | undefined)[] = [],
  ) {
    this.owner.set(trivy.Stages, { range: whole, path: ['Stages'] });
    trivy.Stages.forEach((stage, s) => {
      const first = stage.Commands[0];
      const last = stage.Commands[stage.Commands.length - 1];
      if (first && last) this.owner.set(stage, { range: { startLine: first.StartLine, endLine: last.EndLine }, path: ['Stages', s] });
      this.owner.set(stage.Commands, { range: this.stageRange(s), path: ['Stages', s, 'Commands'] });
      stage.Commands.forEach((cmd, c) => this.register(cmd, lines(cmd), ['Stages', s, 'Commands', c]));
    });
    conftest.forEach((cmd, i) => {
      const r = conftestLines[i];
      if (r) this.register(cmd, r, [i]);
    });
  }

  private register(cmd: object, range: LineRange, path: JsonPath): void {
    this.owner.set(cmd, { range, path });
    for (const [k, v] of Object.entries(cmd)) {
      if (v !== null && typeof v === 'object') this.owner.set(v, { range, path: [...path, k] });
    }
  }

  private stageRange(s: number): LineRange {
    const cmds = this.trivy.Stages[s]?.Commands ?? [];
    const first = cmds[0];
    const last = cmds[cmds.length - 1];
    return first && last ? { startLine: first.StartLine, endLine: last.EndLine } : this.whole;
  }

  rangeOfPath(path: JsonPath): LineRange | undefined {
    if (path.length === 0) return this.whole;
    if (typeof path[0] === 'number' || /^[0-9]+$/.test(String(path[0]))) {
      const cmd = this.conftest[Number(path[0])];
      return (cmd && this.owner.get(cmd)?.range) ?? this.whole;
    }
    if (path[0] !== 'Stages') return this.whole;
    if (path.length < 2) return this.whole;
    const s = Number(path[1]);
    const stage = this.trivy.Stages[s];
    if (!stage) return this.whole;
    if (path.length < 4 || path[2] !== 'Commands') return this.stageRange(s);
    const cmd = stage.Commands[Number(path[3])];
    return cmd ? lines(cmd) : this.stageRange(s);
  }

  rangeOfValue(value: unknown): LineRange | undefined {
    if (value === this.trivy || value === this.conftest) return this.whole;
    if (value === null || typeof value !== 'object') return undefined;
    return this.owner.get(value)?.range;
  }

  pathOfValue(value: unknown): JsonPath | undefined {
    if (value === this.trivy || value === this.conftest) return [];
    if (value === null || typeof value !== 'object') return undefined;
    const p = this.owner.get(value)?.path;
    return p ? [...p] : undefined;
  }
}

function lines(cmd: CommandLines): LineRange {
  return { startLine: cmd.StartLine, endLine: cmd.EndLine };
}
