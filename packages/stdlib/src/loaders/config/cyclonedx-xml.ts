import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { setOwn } from '../common.js';
import { ConfigSyntaxError } from './plain.js';

/**
 * CycloneDX's XML encoding read into the field names of its JSON encoding, which is what conftest
 * gives policies (it decodes the BOM with cyclonedx-go and marshals it to JSON): list elements
 * (`<components><component>…`) become arrays, attributes become fields (`type`, `bom-ref`),
 * `<hash alg="…">x</hash>` becomes `{alg, content}`, `<property name="…">v</property>`
 * `{name, value}`, a license choice `{license: {…}}` or `{expression}`, nested `<dependency>`
 * elements `dependsOn`, and the root carries `bomFormat` and `specVersion` (from the schema
 * namespace). Elements the table below does not know keep the generic shape (child elements by
 * name, an array when repeated; text-only elements are their text).
 */
interface El {
  name: string;
  attrs: Record<string, string>;
  children: El[];
  text: string;
}

type Ordered = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  removeNSPrefix: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  processEntities: true,
});

/** Wrapper element → its item element(s), per the CycloneDX 1.x schemas. */
const LISTS: Record<string, readonly string[]> = {
  components: ['component'],
  services: ['service'],
  externalReferences: ['reference'],
  hashes: ['hash'],
  licenses: ['license', 'expression'],
  dependencies: ['dependency'],
  properties: ['property'],
  vulnerabilities: ['vulnerability'],
  authors: ['author'],
  contact: ['contact'],
  compositions: ['composition'],
  assemblies: ['assembly'],
  affects: ['target'],
  ratings: ['rating'],
  cwes: ['cwe'],
  advisories: ['advisory'],
  references: ['reference'],
  annotations: ['annotation'],
  subjects: ['subject'],
  endpoints: ['endpoint'],
  data: ['classification', 'dataflow'],
  commits: ['commit'],
  patches: ['patch'],
  resolves: ['issue'],
  versions: ['version'],
  credits: ['organization', 'individual'],
  organizations: ['organization'],
  individuals: ['individual'],
  lifecycles: ['lifecycle'],
  occurrences: ['occurrence'],
  tags: ['tag'],
  urls: ['url'],
  aliases: ['alias'],
};

/** `<tools>` holds `<tool>` items (1.4) or `{components, services}` (1.5+). */
const TOOLS_ITEM = 'tool';

/** Elements whose text, beside attributes, is a named field. */
const TEXT_FIELD: Record<string, string> = { hash: 'content', property: 'value', text: 'content', attachment: 'content', licenseText: 'content' };

const NUMBERS = new Set(['score', 'depth', 'line', 'offset', 'confidence', 'ordinal']);
const BOOLEANS = new Set(['modified', 'authenticated', 'x-trust-boundary', 'trustZone', 'flow']);

function toEl(items: Ordered[], depth: number): El[] {
  if (depth > 256) throw new ConfigSyntaxError('XML nests deeper than 256 elements');
  const out: El[] = [];
  for (const item of items) {
    for (const [k, v] of Object.entries(item)) {
      if (k === ':@' || k === '#text') continue;
      const kids = v as Ordered[];
      const attrs: Record<string, string> = {};
      for (const [a, x] of Object.entries((item[':@'] as Record<string, unknown> | undefined) ?? {})) if (a !== 'xmlns' && !a.startsWith('xmlns:')) attrs[a] = String(x);
      const text = kids.filter((c) => '#text' in c).map((c) => String(c['#text'])).join('');
      out.push({ name: k, attrs, children: toEl(kids, depth + 1), text });
    }
  }
  return out;
}

/** A text-only element: numbers and booleans where the schema types them so, else the text. */
function scalar(el: El): unknown {
  if (NUMBERS.has(el.name) && /^-?\d+(\.\d+)?$/.test(el.text)) return Number(el.text);
  if (BOOLEANS.has(el.name) && (el.text === 'true' || el.text === 'false')) return el.text === 'true';
  return el.text;
}

function value(el: El): unknown {
  if (el.name === 'dependency') {
    const out: Record<string, unknown> = { ...el.attrs };
    if (el.children.length) out['dependsOn'] = el.children.filter((c) => c.name === 'dependency').map((c) => c.attrs['ref'] ?? '');
    return out;
  }
  if (Object.prototype.hasOwnProperty.call(LISTS, el.name) && Object.keys(el.attrs).length === 0 && (el.children.length === 0 || el.children.every((c) => LISTS[el.name]!.includes(c.name)))) {
    if (el.children.length === 0 && el.text !== '') return el.text;
    return el.children.map((c) => (el.name === 'licenses' ? { [c.name]: c.name === 'expression' ? c.text : value(c) } : value(c)));
  }
  if (el.name === 'tools' && el.children.every((c) => c.name === TOOLS_ITEM)) return el.children.map((c) => value(c));
  if (el.children.length === 0 && Object.keys(el.attrs).length === 0) return scalar(el);
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(el.attrs)) setOwn(out, k, k === 'version' && el.name === 'bom' && /^\d+$/.test(x) ? Number(x) : x);
  if (el.text !== '' && el.children.length === 0) setOwn(out, TEXT_FIELD[el.name] ?? 'content', el.text);
  const groups = new Map<string, El[]>();
  for (const c of el.children) {
    let g = groups.get(c.name);
    if (!g) groups.set(c.name, (g = []));
    g.push(c);
  }
  for (const [k, list] of groups) setOwn(out, k, list.length > 1 ? list.map((c) => value(c)) : value(list[0]!));
  return out;
}

/** Parses a CycloneDX XML BOM into its JSON shape; throws ConfigSyntaxError (with a position) on malformed XML or a non-BOM root. */
export function parseCycloneDxXml(text: string): Record<string, unknown> {
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new ConfigSyntaxError(valid.err.msg, valid.err.line, valid.err.col);
  const roots = toEl(parser.parse(text) as Ordered[], 0);
  const bom = roots.find((r) => r.name === 'bom');
  if (!bom) throw new ConfigSyntaxError('not a CycloneDX BOM (the root element is not <bom>)', 1, 1);
  const ns = /^https?:\/\/cyclonedx\.org\/schema\/bom\/(\d+\.\d+)$/.exec(nsOf(text) ?? '');
  const out: Record<string, unknown> = { bomFormat: 'CycloneDX', ...(ns ? { specVersion: ns[1] } : {}) };
  const fields = value(bom);
  if (fields !== null && typeof fields === 'object') for (const [k, v] of Object.entries(fields)) setOwn(out, k, v);
  return out;
}

/** The default namespace of the root `<bom>` element (fast-xml-parser drops xmlns attributes from the shape we build). */
function nsOf(text: string): string | undefined {
  const start = text.indexOf('<bom');
  if (start < 0) return undefined;
  const end = text.indexOf('>', start);
  const tag = text.slice(start, end < 0 ? undefined : end);
  return /\sxmlns\s*=\s*"([^"]*)"/.exec(tag)?.[1];
}
