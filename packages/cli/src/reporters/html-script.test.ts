import { describe, expect, it } from 'vitest';
import { options, sampleResult } from '../../../../test/reporters/fixtures.js';
import { HTML_SCRIPT } from './html-assets.js';
import { htmlReporter } from './html.js';

/**
 * Runs the report's inline script against a minimal stand-in for the DOM built from the
 * rendered page (rows, headers, inputs), so the filter and sort logic is exercised without a
 * browser. Rendering and layout are left to the browser test the lead runs separately.
 */

class El {
  hidden = false;
  checked = true;
  value = '';
  textContent = '';
  private listeners = new Map<string, () => void>();
  constructor(public attrs: Record<string, string> = {}) {}
  getAttribute(k: string): string | null {
    return this.attrs[k] ?? null;
  }
  setAttribute(k: string, v: string): void {
    this.attrs[k] = v;
  }
  addEventListener(type: string, fn: () => void): void {
    this.listeners.set(type, fn);
  }
  fire(type: string): void {
    this.listeners.get(type)?.();
  }
}

function attrsOf(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w-]+)="([^"]*)"/g)) out[m[1]!] = decode(m[2]!);
  return out;
}

function decode(s: string): string {
  return s.replace(/&(lt|gt|quot|amp|#39|#9|#10);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', amp: '&', '#39': "'", '#9': '\t', '#10': '\n' })[e]!);
}

function setup() {
  const html = htmlReporter.render(sampleResult(), options());
  const rows = [...html.matchAll(/<tr (class="st-[^>]*)>([\s\S]*?)<\/tr>/g)].map((m) => {
    const el = new El(attrsOf(m[1]!));
    el.textContent = decode(m[2]!.replace(/<[^>]+>/g, ''));
    return el;
  });
  const headers = [...html.matchAll(/<th [^>]*data-key="[^"]*"[^>]*>/g)].map((m) => {
    const th = new El(attrsOf(m[0]));
    const button = new El();
    return Object.assign(th, { button, querySelector: () => button });
  });
  const boxes = [...html.matchAll(/<input type="checkbox"[^>]*>/g)].map((m) => new El(attrsOf(m[0])));
  for (const b of boxes) b.value = b.attrs.value!;
  const order: El[] = [...rows];
  const tbody = {
    rows,
    appendChild(r: El) {
      order.splice(order.indexOf(r), 1);
      order.push(r);
    },
  };
  const table = { tBodies: [tbody], querySelectorAll: () => headers };
  const search = new El();
  const count = new El();
  const nomatch = new El();
  const byId: Record<string, unknown> = { findings: table, q: search, count, nomatch };
  const document = {
    getElementById: (id: string) => byId[id] ?? null,
    querySelectorAll: (sel: string) => {
      const name = /name="(\w+)"/.exec(sel)?.[1];
      return name ? boxes.filter((b) => b.attrs.name === name) : boxes;
    },
  };
  new Function('document', HTML_SCRIPT)(document);
  const visible = () => order.filter((r) => !r.hidden).map((r) => `${r.attrs['data-k-id']}@${r.attrs['data-k-loc']!.split('\t')[1]!.replace(/^0+/, '')}`);
  const box = (name: string, value: string) => boxes.find((b) => b.attrs.name === name && b.value === value)!;
  const header = (key: string) => headers.find((h) => h.attrs['data-key'] === key)!;
  return { visible, box, header, search, count, nomatch };
}

describe('html report script', () => {
  it('shows everything initially', () => {
    const { visible, count, nomatch } = setup();
    expect(visible()).toHaveLength(7);
    expect(count.textContent).toBe('7 of 7 findings shown');
    expect(nomatch.hidden).toBe(true);
  });

  it('filters by severity, status and text', () => {
    const { visible, box, search, count, nomatch } = setup();
    box('sev', 'CRITICAL').checked = false;
    box('sev', 'CRITICAL').fire('change');
    expect(visible()).not.toContain('PAL-K8S-001@12');
    expect(count.textContent).toBe('5 of 7 findings shown');
    box('status', 'fail').checked = false;
    box('status', 'fail').fire('change');
    expect(visible().sort()).toEqual(['PAL-DF-003@3', 'PAL-K8S-020@15']);
    search.value = 'MEMORY';
    search.fire('input');
    expect(visible()).toEqual(['PAL-K8S-020@15']);
    search.value = 'no such text';
    search.fire('input');
    expect(visible()).toEqual([]);
    expect(nomatch.hidden).toBe(false);
  });

  it('starts sorted by severity, worst first, and sorts by a column, toggling direction', () => {
    const { visible, header } = setup();
    const sev = header('sev');
    // The page is rendered worst first and says so on the Severity header.
    expect(sev.attrs['aria-sort']).toBe('ascending');
    expect(visible().slice(0, 2)).toEqual(['PAL-K8S-001@12', 'PAL-K8S-001@40']);
    expect(visible().at(-1)).toBe('PAL-CMP-009@');
    sev.button.fire('click');
    expect(sev.attrs['aria-sort']).toBe('descending');
    expect(visible()[0]).toBe('PAL-CMP-009@');
    sev.button.fire('click');
    expect(sev.attrs['aria-sort']).toBe('ascending');
    expect(visible().slice(0, 2)).toEqual(['PAL-K8S-001@12', 'PAL-K8S-001@40']);
    header('id').button.fire('click');
    expect(sev.attrs['aria-sort']).toBe('none');
    expect(visible().map((v) => v.split('@')[0])).toEqual([
      'PAL-CMP-009', 'PAL-DF-001', 'PAL-DF-003', 'PAL-DF-010', 'PAL-K8S-001', 'PAL-K8S-001', 'PAL-K8S-020',
    ]);
  });
});
