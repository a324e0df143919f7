import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { LoadResult } from '../../model.js';
import { setOwn } from '../common.js';
import { ConfigSyntaxError, loadPlain } from './plain.js';

/**
 * XML in the JSON shape conftest gives policies (goxml2json): an element with neither attributes
 * nor children is its text; otherwise an object with `-attr` keys, child elements by local name
 * (an array when repeated) and `#content` for its text. Every value is a string.
 * fast-xml-parser does the parsing (ordered, no value typing); this file only reshapes.
 */
type Ordered = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  removeNSPrefix: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  cdataPropName: '#cdata',
  processEntities: true,
});

interface Node {
  data: string;
  children: Map<string, unknown[]>;
}

/** goxml2json trims leading/trailing spaces and non-printing characters of text. */
function trimText(s: string): string {
  return s.replace(/^[\s\p{C}]+|[\s\p{C}]+$/gu, '');
}

function build(items: Ordered[], depth: number): Node {
  if (depth > 512) throw new ConfigSyntaxError('XML nests deeper than 512 elements');
  const node: Node = { data: '', children: new Map() };
  for (const item of items) {
    for (const [k, v] of Object.entries(item)) {
      if (k === ':@') continue;
      if (k === '#text' || k === '#cdata') {
        // Like Go's xml decoder feeding goxml2json: each text run replaces the previous one.
        const text = k === '#cdata' && Array.isArray(v) ? (v as Ordered[]).map((x) => String(x['#text'] ?? '')).join('') : String(v);
        node.data = trimText(text);
        continue;
      }
      const child = build(v as Ordered[], depth + 1);
      const attrs = item[':@'] as Record<string, string> | undefined;
      const value = shape(child, attrs);
      let list = node.children.get(k);
      if (!list) node.children.set(k, (list = []));
      list.push(value);
    }
  }
  return node;
}

function shape(node: Node, attrs: Record<string, string> | undefined): unknown {
  const attrEntries = attrs ? Object.entries(attrs) : [];
  if (attrEntries.length === 0 && node.children.size === 0) return node.data;
  const out: Record<string, unknown> = {};
  if (node.data) out['#content'] = node.data;
  for (const [k, v] of attrEntries) setOwn(out, '-' + k, String(v));
  for (const [k, list] of node.children) setOwn(out, k, list.length > 1 ? list : list[0]);
  return out;
}

export function parseXml(text: string): unknown {
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new ConfigSyntaxError(valid.err.msg, valid.err.line, valid.err.col);
  const root = build(parser.parse(text) as Ordered[], 0);
  const out: Record<string, unknown> = {};
  for (const [k, list] of root.children) setOwn(out, k, list.length > 1 ? list : list[0]);
  return out;
}

export function loadXml(path: string, text: string): LoadResult {
  return loadPlain('xml', path, text, parseXml);
}
