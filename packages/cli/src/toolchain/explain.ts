/**
 * Readable traces for `palisade eval --explain fails|full` and `--profile`, built from the
 * engine's tracer events (rule entered, expression evaluated, expression without a solution).
 */
import type { Location, TraceDetail, TraceOp, Tracer } from '@palisade/engine';

export interface TraceEvent {
  op: TraceOp;
  loc: Location;
  depth: number;
  detail?: TraceDetail;
}

/** A tracer that keeps at most `limit` events (a runaway trace must not exhaust memory). */
export function collectTrace(limit = 200_000): { tracer: Tracer; events: TraceEvent[]; truncated: () => boolean } {
  const events: TraceEvent[] = [];
  let dropped = false;
  const tracer: Tracer = (op, loc, depth, detail) => {
    if (events.length < limit) events.push(detail ? { op, loc, depth, detail } : { op, loc, depth });
    else dropped = true;
  };
  return { tracer, events, truncated: () => dropped };
}

/** Source text of `loc`'s first line, trimmed and shortened for one-line display. */
export function sourceLine(sources: Map<string, string>, loc: Location, max = 100): string {
  const src = sources.get(loc.file);
  if (src === undefined) return '';
  const line = (src.split(/\r?\n/)[loc.row - 1] ?? '').trim();
  return line.length > max ? line.slice(0, max - 1) + '…' : line;
}

const LABEL: Record<TraceOp, string> = { enter: 'Enter', eval: 'Eval ', fail: 'Fail ', compare: 'False' };

export function renderTrace(events: TraceEvent[], sources: Map<string, string>, mode: 'full' | 'fails'): string[] {
  const shown = mode === 'full' ? events.filter((e) => e.op !== 'compare') : events.filter((e) => e.op === 'fail');
  if (!shown.length) return [];
  const base = Math.min(...shown.map((e) => e.depth));
  const where = shown.map((e) => `${e.loc.file}:${e.loc.row}`);
  const width = Math.min(40, Math.max(...where.map((w) => w.length)));
  return shown.map((e, i) => `${where[i].padEnd(width)}  ${'| '.repeat(Math.max(0, e.depth - base))}${LABEL[e.op]} ${sourceLine(sources, e.loc)}`);
}

/** `--profile`: the most evaluated expressions and most entered rules. */
export function renderProfile(events: TraceEvent[], sources: Map<string, string>, top = 10): string[] {
  const count = (op: TraceOp) => {
    const m = new Map<string, { n: number; loc: Location }>();
    for (const e of events) {
      if (e.op !== op) continue;
      const k = `${e.loc.file}:${e.loc.row}:${e.loc.col}`;
      const x = m.get(k);
      if (x) x.n++;
      else m.set(k, { n: 1, loc: e.loc });
    }
    return [...m.values()].sort((a, b) => b.n - a.n).slice(0, top);
  };
  const table = (title: string, rows: { n: number; loc: Location }[]) => [
    title,
    ...rows.map((r) => `  ${String(r.n).padStart(8)}  ${`${r.loc.file}:${r.loc.row}`.padEnd(32)}  ${sourceLine(sources, r.loc, 70)}`),
  ];
  return [
    ...table(`Rules by evaluations (top ${top}):`, count('enter')),
    ...table(`Expressions by evaluations (top ${top}):`, count('eval')),
    ...table(`Expressions by failures (top ${top}):`, count('fail')),
  ];
}
