import { showControls, wellFormed } from './common.js';

/** Noncharacters XML 1.0 cannot carry even as references; replaced by U+FFFD. */
const INVALID_XML = /[\ufffe\uffff]/g;

/**
 * XML 1.0 also forbids C0 controls other than tab/LF/CR; those are shown as `\xNN` (as in the
 * terminal formats) so the document stays parseable and the reader still sees what was there.
 */
function legal(s: string): string {
  return showControls(wellFormed(s)).replace(INVALID_XML, '\ufffd');
}

/** Escapes element content. `>` is escaped too so `]]>` can never appear. */
export function xmlText(s: string): string {
  return legal(s).replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/**
 * Escapes an attribute value (for either quote style). Whitespace other than a space is
 * written as a character reference, because parsers normalise literal tabs and newlines in
 * attributes to spaces.
 */
export function xmlAttr(s: string): string {
  return legal(s).replace(/[&<>"'\t\n\r]/g, (c) => ATTR_ESCAPES[c]!);
}

const ATTR_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};
