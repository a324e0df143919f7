/**
 * Parses one `# METADATA` block (raw YAML, see syntax/annotations.ts) into typed annotations, with
 * OPA's shapes and checks: string fields take any scalar, `authors` / `related_resources` accept
 * strings or maps, `schemas` map a ref to a `schema.…` ref or an inline definition. Keys OPA does
 * not know are ignored by OPA; they are reported here as `unknownKeys` so `palisade check --strict`
 * can point at typos without rejecting policies OPA accepts.
 */
import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { ErrorCodes, type Diagnostic } from '../errors.js';
import { MAX_YAML_ALIASES } from '../limits.js';
import type { Annotation, Term } from '../syntax/ast.js';
import type { Location } from '../syntax/location.js';
import { parseTerm } from '../syntax/parse.js';

/** An entry of METADATA `authors`: a name and an optional e-mail address. */
export interface AuthorAnnotation {
  name: string;
  email?: string;
}

/** An entry of METADATA `related_resources`: a reference (usually a URL) and an optional description. */
export interface RelatedResource {
  ref: string;
  description?: string;
}

/** An entry of METADATA `schemas`: the document path it types and a schema reference or inline definition. */
export interface SchemaAnnotation {
  /** Document path, e.g. `["input", "spec"]`. */
  path: string[];
  /** `schema.…` reference (e.g. `["schema", "input"]`), or absent with an inline definition. */
  schema?: string[];
  definition?: unknown;
}

/** The fields of one METADATA block (OPA's `Annotations`). */
export interface AnnotationFields {
  scope: string;
  title?: string;
  entrypoint?: boolean;
  description?: string;
  organizations?: string[];
  relatedResources?: RelatedResource[];
  authors?: AuthorAnnotation[];
  schemas?: SchemaAnnotation[];
  custom?: Record<string, unknown>;
  labels?: Record<string, unknown>;
  compile?: Record<string, unknown>;
}

/** One METADATA block parsed: OPA's fields, where it is, its text, the keys OPA ignores and the whole block as data. */
export interface ParsedBlock {
  fields: AnnotationFields;
  /** Location of the `# METADATA` line. */
  loc: Location;
  /** The block's YAML text. */
  yaml: string;
  /** Top-level keys OPA does not define (ignored, as OPA does). */
  unknownKeys: { key: string; loc: Location }[];
  /**
   * The whole block as plain data (what a YAML parser gives), unknown keys included, so tools that
   * read their own conventions from METADATA (the stdlib's `custom` layout) need not parse it again.
   */
  value: Record<string, unknown>;
}

export const KNOWN_KEYS = [
  'scope', 'title', 'entrypoint', 'description', 'organizations', 'related_resources', 'authors', 'schemas', 'custom', 'labels', 'compile',
] as const;

class BlockError extends Error {
  constructor(message: string, readonly line?: number) {
    super(message);
  }
}

/** Row (1-based, in the Rego file) of YAML line `line` (0-based) of a block starting at `loc`. */
function rowOf(loc: Location, line: number): Location {
  const row = loc.row + 1 + line;
  return { file: loc.file, row, col: 1, endRow: row, endCol: 2, offset: loc.offset, endOffset: loc.offset };
}

function lineOf(node: YamlNode | null | undefined, lineStarts: number[]): number | undefined {
  const start = node?.range?.[0];
  if (start === undefined) return undefined;
  let line = 0;
  while (line + 1 < lineStarts.length && lineStarts[line + 1] <= start) line++;
  return line;
}

function scalarText(node: YamlNode | null | undefined, field: string, line: number | undefined): string | undefined {
  if (!node) return undefined;
  if (!isScalar(node)) throw new BlockError(`\`${field}\` must be a string`, line);
  if (node.value === null) return undefined;
  return String(node.value);
}

function parseAuthorString(s: string): AuthorAnnotation {
  const parts = s.split(/\s+/).filter(Boolean);
  if (parts.length === 0) throw new BlockError('invalid author definition: author is an empty string');
  const last = parts[parts.length - 1];
  if (last.length >= 2 && last.startsWith('<') && last.endsWith('>')) {
    const name = parts.slice(0, -1).join(' ');
    return { name, email: last.slice(1, -1) };
  }
  return { name: parts.join(' ') };
}

function str(m: Record<string, unknown>, k: string): string {
  const v = m[k];
  return typeof v === 'string' ? v.trim() : '';
}

function isPlainMap(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function refPath(text: string): string[] | undefined {
  const { term } = parseTerm(text);
  if (!term) return undefined;
  const segs = (t: Term): string => (t.type === 'string' ? t.value : t.type === 'var' ? t.name : t.type === 'number' ? t.text : '?');
  if (term.type === 'var') return [term.name];
  if (term.type === 'ref' && term.head.type === 'var') return [term.head.name, ...term.path.map(segs)];
  return undefined;
}

function listOf(node: YamlNode | null | undefined, field: string, line: number | undefined): YamlNode[] {
  if (!node || (isScalar(node) && node.value === null)) return [];
  if (!isSeq(node)) throw new BlockError(`\`${field}\` must be a list`, line);
  return node.items as YamlNode[];
}

function mapOf(node: YamlNode | null | undefined, field: string, line: number | undefined): Record<string, unknown> | undefined {
  if (!node || (isScalar(node) && node.value === null)) return undefined;
  if (!isMap(node)) throw new BlockError(`\`${field}\` must be a map`, line);
  return node.toJSON() as Record<string, unknown>;
}

function boolOf(node: YamlNode | null | undefined, line: number | undefined): boolean {
  if (!node) return false;
  if (isScalar(node)) {
    if (typeof node.value === 'boolean') return node.value;
    if (node.value === null) return false;
    const s = String(node.value).toLowerCase();
    if (['yes', 'on', 'y'].includes(s)) return true;
    if (['no', 'off', 'n'].includes(s)) return false;
  }
  throw new BlockError('`entrypoint` must be a boolean (true or false)', line);
}

/** Parses a block; a problem becomes a `rego_parse_error` located at the offending line. */
export function parseBlock(block: Annotation): { block?: ParsedBlock; error?: Diagnostic } {
  const loc = block.loc;
  const text = block.yaml;
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const fail = (message: string, line?: number): { error: Diagnostic } => ({
    error: { code: ErrorCodes.parse, message, location: line === undefined ? loc : rowOf(loc, line) },
  });
  if (text.trim() === '') return fail('expected METADATA block, found whitespace');
  const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false });
  if (doc.errors.length) {
    const e = doc.errors[0];
    let line = 0;
    while (line + 1 < lineStarts.length && lineStarts[line + 1] <= e.pos[0]) line++;
    // An error at the end of the block belongs to its last line (as OPA reports it).
    line = Math.min(line, Math.max(0, lineStarts.length - 2));
    return fail(`invalid METADATA block: ${e.message.split('\n')[0]}`, line);
  }
  const root = doc.contents as YamlNode | null;
  if (!root || (isScalar(root) && root.value === null)) return { block: { fields: { scope: '' }, loc, yaml: text, unknownKeys: [], value: {} } };
  if (!isMap(root)) return fail('invalid METADATA block: expected a YAML map of annotation keys', 0);
  let value: Record<string, unknown>;
  try {
    value = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }) as Record<string, unknown>;
  } catch (e) {
    // yaml refuses to expand alias bombs; the block is rejected rather than expanded.
    return fail(`invalid METADATA block: ${(e as Error).message.split('\n')[0]}`, 0);
  }
  const get = (k: string): YamlNode | undefined => root.items.find((p) => isScalar(p.key) && p.key.value === k)?.value as YamlNode | undefined;
  const at = (k: string) => lineOf(root.items.find((p) => isScalar(p.key) && p.key.value === k)?.key as YamlNode, lineStarts);
  const unknownKeys: ParsedBlock['unknownKeys'] = [];
  for (const p of root.items) {
    const k = isScalar(p.key) ? String(p.key.value) : String(p.key);
    if (!(KNOWN_KEYS as readonly string[]).includes(k)) unknownKeys.push({ key: k, loc: rowOf(loc, lineOf(p.key as YamlNode, lineStarts) ?? 0) });
  }
  try {
    const fields: AnnotationFields = { scope: scalarText(get('scope'), 'scope', at('scope')) ?? '' };
    const title = scalarText(get('title'), 'title', at('title'));
    if (title) fields.title = title;
    const description = scalarText(get('description'), 'description', at('description'));
    if (description) fields.description = description;
    if (boolOf(get('entrypoint'), at('entrypoint'))) fields.entrypoint = true;
    const orgs = listOf(get('organizations'), 'organizations', at('organizations')).map((n) => scalarText(n, 'organizations', at('organizations')) ?? '');
    if (orgs.length) fields.organizations = orgs;
    const rrs = listOf(get('related_resources'), 'related_resources', at('related_resources')).map((n) => relatedResource(n.toJSON(), at('related_resources')));
    if (rrs.length) fields.relatedResources = rrs;
    const authors = listOf(get('authors'), 'authors', at('authors')).map((n) => author(n.toJSON(), at('authors')));
    if (authors.length) fields.authors = authors;
    const schemas = listOf(get('schemas'), 'schemas', at('schemas')).map((n) => schema(n.toJSON(), at('schemas')));
    if (schemas.length) fields.schemas = schemas;
    const custom = mapOf(get('custom'), 'custom', at('custom'));
    if (custom && Object.keys(custom).length) fields.custom = custom;
    const labels = mapOf(get('labels'), 'labels', at('labels'));
    if (labels) fields.labels = labels;
    const compile = mapOf(get('compile'), 'compile', at('compile'));
    if (compile) fields.compile = compile;
    return { block: { fields, loc, yaml: text, unknownKeys, value } };
  } catch (e) {
    if (e instanceof BlockError) return fail(e.message, e.line);
    throw e;
  }
}

function show(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

function relatedResource(v: unknown, line: number | undefined): RelatedResource {
  if (typeof v === 'string') {
    if (v.length === 0) throw new BlockError(`invalid related-resource definition ${show(v)}: ref URL may not be empty string`, line);
    return { ref: v };
  }
  if (isPlainMap(v)) {
    const ref = str(v, 'ref');
    if (!ref) throw new BlockError(`invalid related-resource definition ${show(v)}: 'ref' value required in object`, line);
    const description = str(v, 'description');
    return description ? { ref, description } : { ref };
  }
  throw new BlockError(`invalid related-resource definition ${show(v)}: invalid value type, must be string or map`, line);
}

function author(v: unknown, line: number | undefined): AuthorAnnotation {
  if (typeof v === 'string') {
    try {
      return parseAuthorString(v);
    } catch {
      throw new BlockError(`invalid author definition ${show(v)}: author is an empty string`, line);
    }
  }
  if (isPlainMap(v)) {
    const name = str(v, 'name');
    const email = str(v, 'email');
    if (!name && !email) throw new BlockError(`invalid author definition ${show(v)}: 'name' and/or 'email' values required in object`, line);
    return email ? { name, email } : { name };
  }
  throw new BlockError(`invalid author definition ${show(v)}: invalid value type, must be string or map`, line);
}

function schema(v: unknown, line: number | undefined): SchemaAnnotation {
  if (!isPlainMap(v)) throw new BlockError('invalid schema declaration: expected `- <path>: <schema ref or definition>`', line);
  const [k, value] = Object.entries(v)[0] ?? ['', undefined];
  const path = refPath(k);
  if (!path) throw new BlockError('invalid document reference', line);
  if (typeof value === 'string') {
    const ref = refPath(value);
    if (!ref || ref[0] !== 'schema') throw new BlockError('invalid schema reference', line);
    return { path, schema: ref };
  }
  if (isPlainMap(value)) return { path, definition: value };
  throw new BlockError(`invalid schema declaration for path ${JSON.stringify(k)}`, line);
}
