import { describe, expect, it } from 'vitest';
import type { ScanResult } from '@palisade/stdlib';
import { fixtureResult, manyFindings } from '../../../../test/tui/fixture.js';
import { createModel, initialState, type Action, type TuiState } from './state.js';

const size = { columns: 80, rows: 24 };

function run(result: ScanResult, actions: Action[], start?: TuiState) {
  const model = createModel(result);
  const state = actions.reduce(model.reduce, start ?? initialState(size));
  return { state, ...model.derive(state), model };
}

describe('navigation', () => {
  it('moves within the visible findings and stops at both ends', () => {
    const r = fixtureResult();
    expect(run(r, []).selected?.policyId).toBe('PAL-DF-001');
    expect(run(r, [{ type: 'move', delta: 1 }]).selected?.policyId).toBe('PAL-DF-004');
    expect(run(r, [{ type: 'move', delta: -1 }]).state.cursor).toBe(0);
    expect(run(r, [{ type: 'move', delta: 99 }]).state.cursor).toBe(4); // 5 unwaived findings
    expect(run(r, [{ type: 'jump', to: 'last' }, { type: 'jump', to: 'first' }]).state.cursor).toBe(0);
  });

  it('scrolls a long list so the cursor stays on screen, header included', () => {
    const r = fixtureResult(manyFindings(2000));
    const { state, layout, visible } = run(r, [{ type: 'page', direction: 1 }, { type: 'page', direction: 1 }]);
    const row = visible.rowOf[state.cursor]!;
    expect(state.cursor).toBeGreaterThan(layout.paneRows);
    expect(row).toBeGreaterThanOrEqual(state.listTop);
    expect(row).toBeLessThan(state.listTop + layout.listRows);

    const end = run(r, [{ type: 'jump', to: 'last' }]);
    expect(end.state.cursor).toBe(1999);
    expect(end.state.listTop).toBe(end.visible.rows.length - end.layout.listRows);
    // Going back up to the first finding of a file brings its header into view too.
    const down = run(r, [{ type: 'move', delta: 40 }]);
    expect(down.state.listTop).toBeGreaterThan(22);
    const back = run(r, [{ type: 'move', delta: -20 }], down.state);
    const firstRow = back.visible.rowOf[back.state.cursor]!;
    expect(back.visible.rows[firstRow - 1]?.kind).toBe('header');
    expect(back.state.listTop).toBe(firstRow - 1);
  });

  it('keeps the cursor visible when the terminal shrinks', () => {
    const r = fixtureResult(manyFindings(500));
    const a = run(r, [{ type: 'move', delta: 15 }]);
    const b = run(r, [{ type: 'resize', columns: 80, rows: 12 }], a.state);
    const row = b.visible.rowOf[b.state.cursor]!;
    expect(row).toBeLessThan(b.state.listTop + b.layout.listRows);
    expect(b.state.size).toEqual({ columns: 80, rows: 12 });
  });
});

describe('panes and overlays', () => {
  it('opens the detail, scrolls it within bounds, and goes back', () => {
    const r = fixtureResult();
    const opened = run(r, [{ type: 'open' }]).state;
    expect(opened.focus).toBe('detail');
    const scrolled = run(r, [{ type: 'scrollDetail', delta: 5, max: 3 }], opened).state;
    expect(scrolled.detailScroll).toBe(3);
    expect(run(r, [{ type: 'scrollDetail', delta: -9, max: 3 }], scrolled).state.detailScroll).toBe(0);
    expect(run(r, [{ type: 'back' }], opened).state.focus).toBe('list');
    expect(run(r, [{ type: 'toggleFocus' }, { type: 'toggleFocus' }]).state.focus).toBe('list');
  });

  it('resets the detail scroll when another finding is selected', () => {
    const r = fixtureResult();
    const s = run(r, [{ type: 'open' }, { type: 'scrollDetail', delta: 2, max: 9 }, { type: 'back' }, { type: 'move', delta: 1 }]).state;
    expect(s.detailScroll).toBe(0);
  });

  it('does not open a detail when nothing is visible', () => {
    const empty = fixtureResult([]);
    expect(run(empty, [{ type: 'open' }]).state.focus).toBe('list');
    expect(run(empty, [{ type: 'toggleFocus' }]).state.focus).toBe('list');
  });

  it('toggles overlays; back closes them before leaving the detail', () => {
    const r = fixtureResult();
    const help = run(r, [{ type: 'open' }, { type: 'toggleOverlay', overlay: 'help' }]).state;
    expect(help.overlay).toBe('help');
    const switched = run(r, [{ type: 'toggleOverlay', overlay: 'errors' }], help).state;
    expect(switched.overlay).toBe('errors');
    const closed = run(r, [{ type: 'back' }], switched).state;
    expect(closed.overlay).toBeNull();
    expect(closed.focus).toBe('detail');
    expect(run(r, [{ type: 'toggleOverlay', overlay: 'errors' }], switched).state.overlay).toBeNull();
  });

  it('marks the state for quitting', () => {
    expect(run(fixtureResult(), [{ type: 'quit' }]).state.quit).toBe(true);
  });
});

describe('filters', () => {
  it('types a filter that applies only on Enter', () => {
    const r = fixtureResult();
    const typing = run(r, [{ type: 'filterStart' }, { type: 'filterInput', text: 'rooX' }, { type: 'filterBackspace' }, { type: 'filterInput', text: 't' }]);
    expect(typing.state.filterDraft).toBe('root');
    expect(typing.visible.findings).toHaveLength(5);
    const applied = run(r, [{ type: 'filterApply' }], typing.state);
    expect(applied.state.filterDraft).toBeNull();
    expect(applied.state.view.query).toBe('root');
    expect(applied.visible.findings.map((f) => f.policyId)).toEqual(['PAL-DF-004']);
  });

  it('cancels a filter edit and keeps the previous query', () => {
    const r = fixtureResult();
    const s = run(r, [{ type: 'filterStart' }, { type: 'filterInput', text: 'api' }, { type: 'filterApply' }, { type: 'filterStart' }, { type: 'filterInput', text: 'zzz' }, { type: 'filterCancel' }]);
    expect(s.state.view.query).toBe('api');
    expect(s.state.filterDraft).toBeNull();
    expect(s.visible.findings).toHaveLength(2);
  });

  it('cycles the minimum severity from all up to CRITICAL and back', () => {
    const r = fixtureResult();
    const seen: string[] = [];
    let state = initialState(size);
    const model = createModel(r);
    for (let i = 0; i < 5; i++) {
      state = model.reduce(state, { type: 'cycleSeverity' });
      seen.push(`${state.view.minSeverity}:${model.derive(state).visible.findings.length}`);
    }
    expect(seen).toEqual(['LOW:4', 'MEDIUM:3', 'HIGH:2', 'CRITICAL:1', 'INFO:5']);
  });

  it('keeps the selected finding selected across grouping and waived changes', () => {
    const r = fixtureResult();
    const before = run(r, [{ type: 'move', delta: 4 }]);
    expect(before.selected?.policyId).toBe('PAL-K8S-001');
    const regrouped = run(r, [{ type: 'cycleGrouping' }], before.state);
    expect(regrouped.state.view.grouping).toBe('policy');
    expect(regrouped.selected?.policyId).toBe('PAL-K8S-001');
    const waived = run(r, [{ type: 'toggleWaived' }], regrouped.state);
    expect(waived.visible.findings).toHaveLength(6);
    expect(waived.selected?.policyId).toBe('PAL-K8S-001');
  });

  it('keeps the selected finding in view after regrouping a long list (g)', () => {
    const r = fixtureResult(manyFindings(400));
    const model = createModel(r);
    let state = initialState(size);
    // Select findings at several depths, then cycle through every grouping from each.
    for (const steps of [3, 40, 150, 399]) {
      state = model.reduce(initialState(size), { type: 'jump', to: 'first' });
      for (let i = 0; i < steps; i++) state = model.reduce(state, { type: 'move', delta: 1 });
      for (let g = 0; g < 4; g++) {
        const old = model.derive(state);
        const before = old.selected;
        const screenRow = old.visible.rowOf[state.cursor]! - state.listTop;
        state = model.reduce(state, { type: 'cycleGrouping' });
        const { visible, layout, selected } = model.derive(state);
        expect(selected).toBe(before);
        const row = visible.rowOf[state.cursor]!;
        expect(row, `${state.view.grouping} after ${steps}`).toBeGreaterThanOrEqual(state.listTop);
        expect(row, `${state.view.grouping} after ${steps}`).toBeLessThan(state.listTop + layout.listRows);
        // Away from the list's ends it stays on the screen row it was on.
        if (row - screenRow >= 0 && row - screenRow <= visible.rows.length - layout.listRows) expect(row - state.listTop).toBe(screenRow);
      }
    }
  });

  it('cycles groupings file → policy → severity → none → file', () => {
    const r = fixtureResult();
    const order: string[] = [];
    let state = initialState(size);
    const model = createModel(r);
    for (let i = 0; i < 4; i++) {
      state = model.reduce(state, { type: 'cycleGrouping' });
      order.push(state.view.grouping);
    }
    expect(order).toEqual(['policy', 'severity', 'none', 'file']);
  });

  it('falls back to the first finding when the selected one is filtered out', () => {
    const r = fixtureResult();
    const s = run(r, [{ type: 'move', delta: 2 }, { type: 'cycleSeverity' }, { type: 'cycleSeverity' }, { type: 'cycleSeverity' }]);
    expect(s.state.view.minSeverity).toBe('HIGH');
    expect(s.state.cursor).toBe(0);
    expect(s.selected?.policyId).toBe('PAL-DF-004');
  });
});
