/** A small unified diff (`palisade fmt -d`): line LCS, hunks with three lines of context. */

function lcsTable(a: string[], b: string[]): Uint32Array {
  const w = b.length + 1;
  const t = new Uint32Array((a.length + 1) * w);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      t[i * w + j] = a[i] === b[j] ? t[(i + 1) * w + j + 1] + 1 : Math.max(t[(i + 1) * w + j], t[i * w + j + 1]);
    }
  }
  return t;
}

type Op = { kind: ' ' | '-' | '+'; line: string; ai: number; bi: number };

function ops(a: string[], b: string[]): Op[] {
  // Beyond this size the quadratic table is too costly: show a full replacement instead.
  if (a.length * b.length > 4_000_000) {
    return [...a.map((line, i): Op => ({ kind: '-', line, ai: i, bi: 0 })), ...b.map((line, j): Op => ({ kind: '+', line, ai: a.length, bi: j }))];
  }
  const t = lcsTable(a, b);
  const w = b.length + 1;
  const out: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) out.push({ kind: ' ', line: a[i], ai: i++, bi: j++ });
    // Removals before additions, as diff(1) prints them.
    else if (i < a.length && (j === b.length || t[(i + 1) * w + j] >= t[i * w + j + 1])) out.push({ kind: '-', line: a[i], ai: i++, bi: j });
    else out.push({ kind: '+', line: b[j], ai: i, bi: j++ });
  }
  return out;
}

export function unifiedDiff(oldText: string, newText: string, oldName: string, newName: string, context = 3): string {
  const split = (s: string) => (s.endsWith('\n') ? s.slice(0, -1) : s).split('\n');
  const all = ops(split(oldText), split(newText));
  const changed = all.map((o, k) => (o.kind !== ' ' ? k : -1)).filter((k) => k >= 0);
  if (!changed.length) return '';
  const out = [`--- ${oldName}`, `+++ ${newName}`];
  let k = 0;
  while (k < changed.length) {
    const start = Math.max(0, changed[k] - context);
    let end = Math.min(all.length - 1, changed[k] + context);
    while (k + 1 < changed.length && changed[k + 1] - context <= end + 1) end = Math.min(all.length - 1, changed[++k] + context);
    k++;
    const hunk = all.slice(start, end + 1);
    const aLen = hunk.filter((o) => o.kind !== '+').length;
    const bLen = hunk.filter((o) => o.kind !== '-').length;
    const aStart = hunk[0].ai + (aLen ? 1 : 0);
    const bStart = hunk[0].bi + (bLen ? 1 : 0);
    out.push(`@@ -${aStart},${aLen} +${bStart},${bLen} @@`);
    for (const o of hunk) out.push(o.kind + o.line);
  }
  return out.join('\n') + '\n';
}
