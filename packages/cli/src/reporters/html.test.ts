import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { emptyResult, options, sampleResult } from '../../../../test/reporters/fixtures.js';
import { HTML_SCRIPT, HTML_STYLE } from './html-assets.js';
import { htmlReporter } from './html.js';

// Parsed markup is navigated freely.
type Json = any;

const render = () => htmlReporter.render(sampleResult(), options());

/** All elements of the parsed document, depth first. */
function elements(node: Json, name = '', out: { name: string; attrs: Record<string, string>; node: Json }[] = []) {
  if (Array.isArray(node)) {
    for (const n of node) elements(n, name, out);
    return out;
  }
  if (typeof node !== 'object' || node === null) return out;
  const attrs: Record<string, string> = {};
  for (const [k, v] of Object.entries(node)) if (k.startsWith('@')) attrs[k.slice(1)] = String(v);
  if (name) out.push({ name, attrs, node });
  for (const [k, v] of Object.entries(node)) if (!k.startsWith('@') && !k.startsWith('#') && k !== '?xml') elements(v, k, out);
  return out;
}

function parse(html: string) {
  const result = XMLValidator.validate(html);
  expect(result).toBe(true);
  return elements(new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', htmlEntities: true }).parse(html));
}

describe('html reporter', () => {
  it('is well-formed (parses as strict XML)', () => {
    parse(render());
    parse(htmlReporter.render(emptyResult(), options()));
  });

  it('is self-contained: no external scripts, styles, images or frames', () => {
    const els = parse(render());
    expect(els.filter((e) => 'src' in e.attrs)).toEqual([]);
    expect(els.filter((e) => ['link', 'iframe', 'img', 'object', 'embed'].includes(e.name))).toEqual([]);
    // The only links are the policy references, and only web URLs become links.
    const links = els.filter((e) => 'href' in e.attrs);
    expect(links.length).toBeGreaterThan(0);
    for (const l of links) {
      expect(l.name).toBe('a');
      expect(l.attrs.class).toBe('ref');
      expect(l.attrs.href).toMatch(/^https?:\/\//);
      expect(l.attrs.rel).toBe('noopener noreferrer');
    }
    expect(links.map((l) => l.attrs.href)).not.toContain('javascript:alert(1)');
    const html = render();
    expect(html).not.toMatch(/url\(|@import/);
    const csp = els.find((e) => e.name === 'meta' && e.attrs['http-equiv'] === 'Content-Security-Policy');
    expect(csp?.attrs.content).toContain("default-src 'none'");
  });

  it('escapes content from findings', () => {
    const html = render();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('Container "app" &lt;script&gt;alert(1)&lt;/script&gt; &amp; 100% root');
    expect(html).toContain('second line \\x1b[31mred\\x01');
    expect(html.match(/<script>/g)).toHaveLength(1);
  });

  it('has one sortable, filterable row per finding with the sort keys', () => {
    const els = parse(render());
    const rows = els.filter((e) => e.name === 'tr' && e.attrs['data-order'] !== undefined);
    expect(rows).toHaveLength(7);
    expect(rows.map((r) => r.attrs['data-status']).sort()).toEqual(['fail', 'fail', 'fail', 'fail', 'fail', 'waived', 'warn']);
    const loc = rows.map((r) => r.attrs['data-k-loc']!);
    expect(loc).toContain('k8s/deploy.yaml\t000000012');
    expect(rows.map((r) => r.attrs['data-k-sev'])).toContain('0');
    const headers = els.filter((e) => e.name === 'th' && e.attrs['data-key']);
    expect(headers.map((h) => h.attrs['data-key'])).toEqual(['sev', 'status', 'id', 'loc', 'res', 'title']);
    // Filters offer only severities that occur, plus every status.
    const boxes = els.filter((e) => e.name === 'input' && e.attrs.type === 'checkbox');
    expect(boxes.map((b) => `${b.attrs.name}=${b.attrs.value}`)).toEqual([
      'sev=CRITICAL', 'sev=HIGH', 'sev=MEDIUM', 'sev=LOW', 'sev=INFO', 'status=fail', 'status=warn', 'status=waived',
    ]);
  });

  it('shows a severity chart, code excerpts, load errors and expired waivers', () => {
    const html = render();
    const els = parse(html);
    const svg = els.find((e) => e.name === 'svg')!;
    expect(svg).toBeDefined();
    const bars = els.filter((e) => e.name === 'rect');
    expect(bars).toHaveLength(5);
    // CRITICAL (2) is the longest bar; LOW (0) has no width.
    expect(bars.map((b) => Number(b.attrs.width))).toEqual([240, 240, 120, 0, 120]);
    expect(html).toContain('<span class="l hl"><span class="n">12</span>          securityContext:</span>');
    expect(html).toContain('<span class="l"><span class="n">10</span>        - name: app</span>');
    expect(html).toContain('<h2>Load errors (2)</h2>');
    expect(html).toContain('bad indentation of a mapping entry &lt;here&gt; &amp; "there"');
    expect(html).toContain('PAL-DF-005 in Dockerfile expired 2020-01-01 (temporary)');
  });

  it('ships a script that is valid JavaScript and cannot end its element early', () => {
    expect(() => new Function(HTML_SCRIPT)).not.toThrow();
    expect(HTML_SCRIPT).not.toMatch(/<\/script|\]\]>/i);
    expect(HTML_STYLE).not.toMatch(/<\/style|\]\]>/i);
  });

  it('works without findings (no script, a clear message)', () => {
    const html = htmlReporter.render(emptyResult(), options());
    expect(html).toContain('No findings.');
    expect(html).not.toContain('<script>');
  });
});
