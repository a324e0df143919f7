import {
  Composer,
  LineCounter,
  Parser,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  visit,
  type CST,
  type Document,
  type Node as YamlNode,
  type Range as YamlRange,
  type Tags,
} from 'yaml';
import type { LineRange, LoadError } from '../model.js';
import { LoadErrorCode, loadError, setOwn, sizeError } from './common.js';
import { TreeSourceMap } from './source-map.js';

/**
 * YAML handling shared by the Kubernetes, compose and plain-YAML loaders.
 *
 * Choices (documented for users in docs/inputs.md):
 * - YAML 1.1 resolution, as Kubernetes (go-yaml v2 via sigs.k8s.io/yaml) and docker compose read
 *   files: `yes/no/on/off/y/n` are booleans, `0755` is octal, and merge keys `<<: *base` work.
 *   Users' manifests rely on both (e.g. `hostNetwork: yes`, compose `x-defaults` anchors), and a
 *   policy must see the value the cluster will apply.
 * - Timestamps and sexagesimal numbers (`1:20`) stay strings, as they do in go-yaml v2's JSON view.
 * - Duplicate keys do not fail the file: the last one wins, which is what Kubernetes applies.
 * - Alias expansion is bounded (`maxAliasNodes`): an alias bomb ends with a LoadError instead of
 *   exhausting memory. Every expansion yields fresh objects, so source maps stay exact.
 * - Empty documents (only comments, or `---` followed by nothing/null) are skipped.
 */
export interface YamlOptions {
  /** Nodes that alias expansion may create per file. */
  maxAliasNodes?: number;
}

export const DEFAULT_MAX_ALIAS_NODES = 100_000;

/**
 * Deepest nesting of collections a YAML document may have. yaml's parser is iterative, but its
 * composer recurses several frames per level and overflows the default stack near 800 levels
 * (JSON's own parser allows 1,000); a deeper document is refused with its position instead. Real
 * manifests stay below 50 levels, so 256 leaves room for callers that start deep in the stack.
 */
export const MAX_YAML_DEPTH = 256;

/** One non-empty YAML document with its value and source map. */
export interface ParsedDoc {
  /** Index among the file's documents (counting skipped empty ones, so it matches `---` order). */
  index: number;
  value: unknown;
  sourceMap: TreeSourceMap;
  range: LineRange;
  /** Comment lines before the document (Helm writes `# Source: chart/templates/x.yaml`). */
  commentBefore: string | undefined;
}

export interface ParsedFile {
  docs: ParsedDoc[];
  errors: LoadError[];
}

const DROPPED_TAGS = new Set(['tag:yaml.org,2002:timestamp']);

function customTags(tags: Tags): Tags {
  // intTime/floatTime share the int/float tag names; they are recognised by their format.
  return tags.filter((t) => {
    if (typeof t !== 'object' || t === null) return true;
    const tag = t as { tag?: string; format?: string };
    return !(DROPPED_TAGS.has(tag.tag ?? '') || tag.format === 'TIME');
  });
}

export function parseYamlText(path: string, text: string, opts: YamlOptions = {}): ParsedFile {
  const tooLarge = sizeError(path, text);
  if (tooLarge) return { docs: [], errors: [tooLarge] };
  const lineCounter = new LineCounter();
  // parseAllDocuments(), with each document's syntax tree checked for depth before it is composed.
  const composer = new Composer({ version: '1.1', merge: true, intAsBigInt: true, uniqueKeys: false, customTags, keepSourceTokens: false });
  let tooDeep: number | undefined;
  function* depthChecked(tokens: Generator<CST.Token>): Generator<CST.Token> {
    for (const t of tokens) {
      tooDeep = offsetBeyondDepth(t, MAX_YAML_DEPTH);
      if (tooDeep !== undefined) return;
      yield t;
    }
  }
  const docs = Array.from(composer.compose(depthChecked(new Parser(lineCounter.addNewLine).parse(text)))) as Document[];
  const out: ParsedFile = { docs: [], errors: [] };
  if (tooDeep !== undefined) {
    const pos = lineCounter.linePos(tooDeep);
    out.errors.push(loadError(path, LoadErrorCode.Syntax, `YAML: nesting deeper than ${MAX_YAML_DEPTH} levels`, pos.line, pos.col));
    return out;
  }
  if (docs.length === 0) {
    // A stream of only comments/directives.
    const info = composer.streamInfo();
    if (info.errors.length) out.errors.push(firstYamlError(path, info.errors, lineCounter));
    return out;
  }
  for (let i = 0; i < docs.length; i++) {
    const doc = docs[i]!;
    if (doc.errors.length > 0) {
      out.errors.push(firstYamlError(path, doc.errors, lineCounter));
      continue;
    }
    if (doc.contents === null) continue;
    const conv = new Converter(doc, lineCounter, opts.maxAliasNodes ?? DEFAULT_MAX_ALIAS_NODES);
    const result = conv.convertRoot();
    if ('error' in result) {
      out.errors.push(loadError(path, result.error.code, result.error.message, result.error.line, result.error.column));
      continue;
    }
    if (result.value === null) continue;
    out.docs.push({
      index: i,
      value: result.value,
      sourceMap: result.sourceMap,
      range: result.sourceMap.rootRange,
      commentBefore: doc.commentBefore ?? (doc.contents as { commentBefore?: string | null }).commentBefore ?? undefined,
    });
  }
  return out;
}

/** Offset of the first collection nested deeper than `max` in a syntax-tree token (iteratively), if any. */
function offsetBeyondDepth(root: CST.Token, max: number): number | undefined {
  const stack: [CST.Token, number][] = [[root, 0]];
  while (stack.length) {
    const [t, depth] = stack.pop()!;
    switch (t.type) {
      case 'document':
        if (t.value) stack.push([t.value, depth]);
        break;
      case 'block-map':
      case 'block-seq':
      case 'flow-collection':
        if (depth + 1 > max) return t.offset;
        for (const item of t.items) {
          if (item.value) stack.push([item.value, depth + 1]);
          if (item.key) stack.push([item.key, depth + 1]);
        }
        break;
      default:
        break;
    }
  }
  return undefined;
}

type YamlErr = { message: string; pos: [number, number]; code?: string };

/**
 * One error per document: the earliest. After the first syntax error the parser's further errors
 * are mostly its consequences (an unrendered template line yields four or five), so they are only
 * counted, not listed.
 */
function firstYamlError(path: string, errors: readonly YamlErr[], lc: LineCounter): LoadError {
  const e = errors.reduce((a, b) => (b.pos[0] < a.pos[0] ? b : a));
  const pos = lc.linePos(e.pos[0]);
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more error${errors.length > 2 ? 's' : ''} after it)` : '';
  const message = e.message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '');
  return loadError(path, LoadErrorCode.Syntax, `YAML: ${message}${more}`, pos.line, pos.col);
}

interface ConvError {
  code: string;
  message: string;
  line?: number;
  column?: number;
}

interface Entry {
  keyNode: YamlNode | null;
  valueNode: YamlNode | null;
  merged: boolean;
}

class ConversionAbort {
  constructor(readonly error: ConvError) {}
}

/**
 * Converts a yaml AST into plain JSON-like values (numbers, bigint only beyond 2^53, strings,
 * booleans, null, arrays, objects with string keys), registering positions as it goes.
 */
class Converter {
  /** Anchored nodes by name, in document order (an alias uses the last one before it). */
  private readonly anchors = new Map<string, YamlNode[]>();
  private readonly active = new Set<YamlNode>();
  private aliasNodes = 0;
  private aliasDepth = 0;
  /** Nesting of the value being built; aliases can make it deeper than the text's nesting. */
  private depth = 0;
  private map!: TreeSourceMap;

  constructor(
    private readonly doc: Document,
    private readonly lc: LineCounter,
    private readonly maxAliasNodes: number,
  ) {}

  convertRoot(): { value: unknown; sourceMap: TreeSourceMap } | { error: ConvError } {
    const root = this.doc.contents as YamlNode;
    visit(this.doc, {
      Node: (_key, node) => {
        if (!isAlias(node) && node.anchor) {
          const list = this.anchors.get(node.anchor) ?? [];
          list.push(node);
          this.anchors.set(node.anchor, list);
        }
      },
    });
    try {
      const range = this.lines(root.range);
      this.map = new TreeSourceMap(undefined, range);
      // The root value exists only after conversion; registrations below it do not need it.
      this.map.root = this.convert(root, undefined, undefined, range);
      return { value: this.map.root, sourceMap: this.map };
    } catch (e) {
      if (e instanceof ConversionAbort) return { error: e.error };
      throw e;
    }
  }

  private lines(r: YamlRange | null | undefined): LineRange {
    if (!r) return { startLine: 1, endLine: 1 };
    const start = this.lc.linePos(r[0]).line;
    const endOffset = Math.max(r[0], r[1] - 1);
    return { startLine: start, endLine: Math.max(start, this.lc.linePos(endOffset).line) };
  }

  private fail(code: string, message: string, node: YamlNode | null | undefined): never {
    const pos = node?.range ? this.lc.linePos(node.range[0]) : undefined;
    throw new ConversionAbort({ code, message, line: pos?.line, column: pos?.col });
  }

  private convert(node: YamlNode | null, parent: object | undefined, key: string | number | undefined, slot: LineRange): unknown {
    if (node === null) return null;
    if (this.aliasDepth > 0 && ++this.aliasNodes > this.maxAliasNodes) {
      this.fail(LoadErrorCode.AliasLimit, `YAML alias expansion exceeds ${this.maxAliasNodes} nodes (alias bomb?)`, node);
    }
    if (isAlias(node)) {
      const target = this.deref(node)!;
      if (this.active.has(target)) this.fail(LoadErrorCode.Syntax, `YAML: alias *${node.source} refers to itself`, node);
      this.aliasDepth++;
      try {
        return this.convert(target, parent, key, slot);
      } finally {
        this.aliasDepth--;
      }
    }
    if (isScalar(node)) return scalarValue(node.value, node.source);
    if (this.depth >= MAX_YAML_DEPTH) this.fail(LoadErrorCode.Syntax, `YAML: nesting deeper than ${MAX_YAML_DEPTH} levels (through aliases)`, node);
    this.active.add(node);
    this.depth++;
    try {
      if (isSeq(node)) {
        const arr: unknown[] = [];
        this.map.addContainer(arr, parent, key, slot);
        node.items.forEach((item, i) => {
          const itemNode = item as YamlNode | null;
          const r = itemNode && 'range' in itemNode && itemNode.range ? this.lines(itemNode.range) : slot;
          arr.push(this.convert(itemNode, arr, i, r));
          this.map.addChild(arr, i, r);
        });
        return arr;
      }
      if (isMap(node)) {
        const obj: Record<string, unknown> = {};
        this.map.addContainer(obj, parent, key, slot);
        this.fillMap(obj, node, slot);
        return obj;
      }
    } finally {
      this.active.delete(node);
      this.depth--;
    }
    this.fail(LoadErrorCode.Syntax, 'YAML: unsupported node', node);
  }

  private fillMap(obj: Record<string, unknown>, mapNode: YamlNode, slot: LineRange): void {
    for (const [k, e] of this.entries(mapNode)) {
      const start = e.keyNode?.range ? this.lines(e.keyNode.range).startLine : slot.startLine;
      const end = e.valueNode?.range ? this.lines(e.valueNode.range).endLine : start;
      const r = { startLine: start, endLine: Math.max(start, end) };
      if (e.merged) this.aliasDepth++;
      try {
        setOwn(obj, k, this.convert(e.valueNode, obj, k, r));
      } finally {
        if (e.merged) this.aliasDepth--;
      }
      this.map.addChild(obj, k, r);
    }
  }

  /**
   * Entries of a mapping with merge keys applied: keys written in the mapping win (the last
   * duplicate wins, as Kubernetes applies it); among merged sources the first one wins.
   */
  private entries(mapNode: YamlNode): Map<string, Entry> {
    if (!isMap(mapNode)) this.fail(LoadErrorCode.Syntax, 'YAML: merge key << needs a mapping or a list of mappings', mapNode);
    const own = new Map<string, Entry>();
    const merged = new Map<string, Entry>();
    this.active.add(mapNode);
    try {
      for (const pair of mapNode.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key as YamlNode | null;
        const valueNode = pair.value as YamlNode | null;
        if (!isMergeKey(keyNode)) {
          own.set(this.keyString(keyNode), { keyNode, valueNode, merged: false });
          continue;
        }
        const resolved = this.deref(valueNode);
        const sources = resolved && isSeq(resolved) ? (resolved.items as (YamlNode | null)[]) : [resolved];
        for (const src of sources) {
          const target = this.deref(src);
          if (!target || !isMap(target)) {
            this.fail(LoadErrorCode.Syntax, 'YAML: merge key << needs a mapping or a list of mappings', src ?? valueNode);
          }
          if (this.active.has(target)) this.fail(LoadErrorCode.Syntax, 'YAML: merge key refers to its own mapping', src);
          for (const [k, e] of this.entries(target)) {
            if (!merged.has(k)) merged.set(k, { ...e, merged: true });
          }
        }
      }
    } finally {
      this.active.delete(mapNode);
    }
    for (const [k, e] of merged) if (!own.has(k)) own.set(k, e);
    return own;
  }

  private deref(node: YamlNode | null): YamlNode | null {
    if (!node || !isAlias(node)) return node;
    const at = node.range?.[0] ?? Number.MAX_SAFE_INTEGER;
    let found: YamlNode | undefined;
    for (const cand of this.anchors.get(node.source) ?? []) {
      if ((cand.range?.[0] ?? 0) < at) found = cand;
    }
    if (!found) this.fail(LoadErrorCode.Syntax, `YAML: unresolved alias *${node.source}`, node);
    return found;
  }

  private keyString(node: YamlNode | null): string {
    if (node === null) return '';
    if (isScalar(node)) {
      // Plain keys keep their text: `on:` or `y:` as a key is meant as a name, not a boolean.
      if (typeof node.value === 'boolean' && node.source !== undefined) return node.source;
      const v = scalarValue(node.value, node.source);
      if (v === null) return 'null';
      return typeof v === 'string' ? v : String(v);
    }
    if (isAlias(node)) return this.keyString(this.deref(node));
    // Complex keys have no JSON equivalent; their JSON text is the most useful stand-in.
    this.aliasDepth++;
    try {
      return JSON.stringify(this.convert(node, undefined, undefined, { startLine: 1, endLine: 1 }), (_k, v) =>
        typeof v === 'bigint' ? v.toString() : v,
      );
    } finally {
      this.aliasDepth--;
    }
  }
}

function isMergeKey(node: YamlNode | null): boolean {
  if (!node || !isScalar(node)) return false;
  if (typeof node.value === 'symbol') return true;
  return node.value === '<<' && (!node.type || node.type === 'PLAIN');
}

const SAFE_MIN = BigInt(Number.MIN_SAFE_INTEGER);
const SAFE_MAX = BigInt(Number.MAX_SAFE_INTEGER);

function scalarValue(v: unknown, source: string | undefined): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return v >= SAFE_MIN && v <= SAFE_MAX ? Number(v) : v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : (source ?? String(v));
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Uint8Array) return bytesToBase64(v);
  if (v instanceof Date) return source ?? v.toISOString();
  if (typeof v === 'symbol') return v.description ?? '';
  return source ?? String(v);
}

function bytesToBase64(b: Uint8Array): string {
  let s = '';
  for (const x of b) s += String.fromCharCode(x);
  return btoa(s);
}
