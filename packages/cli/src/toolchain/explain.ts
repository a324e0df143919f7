/**
 * Readable traces for `palisade eval --explain fails|full`, `--profile` and `--trace` (scan and
 * test), built from the engine's tracer events (rule entered, expression evaluated, expression
 * without a solution).
 */
import type { Location, TraceDetail, TraceOp, Tracer } from '@palisade/engine';
import { sanitizeName } from '../reporters/ansi.js';

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
  // An entered rule is named (`data.pkg.rule`, as OPA's traces do); an expression shows its source text.
  const text = (e: TraceEvent) => (e.detail && 'rule' in e.detail ? e.detail.rule : sourceLine(sources, e.loc));
  return shown.map((e, i) => `${where[i].padEnd(width)}  ${'| '.repeat(Math.max(0, e.depth - base))}${LABEL[e.op]} ${text(e)}`);
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

/** Events kept per traced evaluation of `--trace` (a runaway trace must not exhaust memory); the rest are counted. */
export const TRACE_EVENT_LIMIT = 20_000;

export interface TraceWriter {
  /** Starts tracing one evaluation (and writes out the one before): the tracer to pass it. */
  begin(file: string, query: string): Tracer;
  /** Writes out the last evaluation's trace. */
  end(): void;
}

/**
 * `--trace` of `scan` and `test`, in conftest's layout: per evaluation a `file: F | query: Q`
 * line, then its full trace (as `eval --explain full` renders it) on `TRAC` lines.
 */
export function traceWriter(write: (text: string) => void, sources: Map<string, string>, limit = TRACE_EVENT_LIMIT): TraceWriter {
  let pending: { header: string; query: string; trace: ReturnType<typeof collectTrace> } | undefined;
  // The evaluated query's own expression is at `query:1`: show the query there.
  const src = new Map(sources);
  const flush = () => {
    if (!pending) return;
    const { header, query, trace } = pending;
    pending = undefined;
    src.set('query', query);
    const lines = renderTrace(trace.events, src, 'full');
    write(`${header}\n${lines.map((l) => `TRAC  ${sanitizeName(l)}\n`).join('')}`);
    if (trace.truncated()) write(`TRAC  … trace cut after ${limit} events\n`);
  };
  return {
    begin(file, query) {
      flush();
      const trace = collectTrace(limit);
      pending = { header: `file: ${sanitizeName(file)} | query: ${sanitizeName(query)}`, query, trace };
      return trace.tracer;
    },
    end: flush,
  };
}
