/**
 * Test coverage from the evaluator's `coverage` set (`file:row` of every evaluated expression and
 * of every rule head that produced a value). Only lines that hold a rule head or an expression
 * count; `default` rules (which have no body to exercise) are left out.
 */
import type { Body, Module, Term } from '../syntax/ast.js';
import { forEachChild, forEachExprChild } from '../syntax/visit.js';

/** An inclusive range of line numbers (`start`–`end`). */
export interface LineRange {
  start: number;
  end: number;
}

/** Test coverage of one file: covered and uncovered lines and the percentage. */
export interface FileCoverage {
  file: string;
  /** Sorted line numbers that were evaluated. */
  covered: number[];
  /** Sorted coverable line numbers that were never evaluated. */
  notCovered: number[];
  /** 0–100, one decimal. */
  percentage: number;
  /** `notCovered` as contiguous ranges. */
  uncoveredRanges: LineRange[];
}

/** Test coverage of all files, with totals. */
export interface CoverageReport {
  files: FileCoverage[];
  coveredLines: number;
  notCoveredLines: number;
  percentage: number;
}

const ignore = (): void => {};

/** Calls `add` with each comprehension body in `t` (not descending into the bodies). */
function termBodies(t: Term, add: (b: Body) => void): void {
  const rec = (x: Term): void => termBodies(x, add);
  forEachChild(t, { term: rec, callee: ignore, body: add, with: (w) => rec(w.value) });
}

/** Lines of `mod` that can be covered: rule heads and the first line of every expression. */
export function coverableLines(mod: Module): Set<number> {
  const rows = new Set<number>();
  const body = (b: Body): void => {
    for (const e of b) {
      rows.add(e.loc.row);
      forEachExprChild(e, { term: (t) => termBodies(t, body), declared: ignore, body, with: (w) => termBodies(w.value, body) });
    }
  };
  for (const r of mod.rules) {
    if (r.default) continue;
    rows.add(r.loc.row);
    for (const t of [r.head.value, r.head.key].filter((x): x is Term => !!x)) termBodies(t, body);
    body(r.body);
    for (const e of r.else) body(e.body);
  }
  return rows;
}

export function ranges(lines: number[]): LineRange[] {
  const out: LineRange[] = [];
  for (const l of lines) {
    const last = out[out.length - 1];
    if (last && l === last.end + 1) last.end = l;
    else out.push({ start: l, end: l });
  }
  return out;
}

const pct = (covered: number, total: number): number => (total === 0 ? 100 : Math.round((covered / total) * 1000) / 10);

/** Builds the report for `modules` from the collected `hits` (`file:row`). */
export function coverageReport(modules: Module[], hits: Set<string>): CoverageReport {
  const files: FileCoverage[] = [];
  let c = 0;
  let n = 0;
  for (const mod of [...modules].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    const lines = [...coverableLines(mod)].sort((a, b) => a - b);
    const covered = lines.filter((l) => hits.has(`${mod.file}:${l}`));
    const notCovered = lines.filter((l) => !hits.has(`${mod.file}:${l}`));
    c += covered.length;
    n += notCovered.length;
    files.push({ file: mod.file, covered, notCovered, percentage: pct(covered.length, lines.length), uncoveredRanges: ranges(notCovered) });
  }
  return { files, coveredLines: c, notCoveredLines: n, percentage: pct(c, c + n) };
}

/** `3-5, 9` */
export function rangesText(rs: LineRange[]): string {
  return rs.map((r) => (r.start === r.end ? String(r.start) : `${r.start}-${r.end}`)).join(', ');
}
