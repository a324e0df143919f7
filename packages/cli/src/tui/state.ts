/**
 * TUI state and its reducer. Pure: given the same ScanResult, state and action it returns the
 * same state, so every interaction can be tested without a terminal. Presentation only — which
 * findings exist and how severe they are is decided by the scan, never here.
 */
import { SEVERITIES } from '@palisade/stdlib';
import type { Finding, ScanResult, Severity } from '@palisade/stdlib';
import {
  GROUPINGS,
  computeLayout,
  createVisibleSelector,
  type Layout,
  type Size,
  type ViewOptions,
  type Visible,
} from './view.js';

export type Focus = 'list' | 'detail';
export type Overlay = 'help' | 'errors';

export interface TuiState {
  view: ViewOptions;
  /** Index into the visible findings (0 when there are none). */
  cursor: number;
  /** First list row on screen. */
  listTop: number;
  focus: Focus;
  overlay: Overlay | null;
  overlayScroll: number;
  detailScroll: number;
  /** Text being typed after `/`; null when not editing the filter. */
  filterDraft: string | null;
  size: Size;
  quit: boolean;
}

export type Action =
  | { type: 'resize'; columns: number; rows: number }
  | { type: 'move'; delta: number }
  | { type: 'page'; direction: 1 | -1 }
  | { type: 'jump'; to: 'first' | 'last' }
  | { type: 'open' }
  | { type: 'back' }
  | { type: 'toggleFocus' }
  /** `max` is the largest useful scroll, known only to whoever laid the detail out. */
  | { type: 'scrollDetail'; delta: number; max: number }
  | { type: 'filterStart' }
  | { type: 'filterInput'; text: string }
  | { type: 'filterBackspace' }
  | { type: 'filterApply' }
  | { type: 'filterCancel' }
  | { type: 'cycleSeverity' }
  | { type: 'cycleGrouping' }
  | { type: 'toggleWaived' }
  | { type: 'toggleOverlay'; overlay: Overlay }
  | { type: 'scrollOverlay'; delta: number; max: number }
  | { type: 'quit' };

export function initialState(size: Size, view?: Partial<ViewOptions>): TuiState {
  return {
    view: { query: '', minSeverity: 'INFO', grouping: 'file', showWaived: false, ...view },
    cursor: 0,
    listTop: 0,
    focus: 'list',
    overlay: null,
    overlayScroll: 0,
    detailScroll: 0,
    filterDraft: null,
    size,
    quit: false,
  };
}

/** Everything the reducer and the components derive from one state. */
export interface Derived {
  visible: Visible;
  layout: Layout;
  selected: Finding | undefined;
}

export interface TuiModel {
  reduce(state: TuiState, action: Action): TuiState;
  derive(state: TuiState): Derived;
}

const clamp = (n: number, lo: number, hi: number): number => Math.max(lo, Math.min(hi, n));

/**
 * Smallest change of `top` that shows `row` in a window of `height` rows; when the row is the
 * first of a group its header is shown with it.
 */
export function scrollToShow(
  top: number,
  row: number,
  height: number,
  visible: Visible,
): number {
  const total = visible.rows.length;
  const maxTop = Math.max(0, total - height);
  let want = row;
  if (row > 0 && visible.rows[row - 1]?.kind === 'header') want = row - 1;
  let next = top;
  if (want < next) next = want;
  if (row >= next + height) next = row - height + 1;
  return clamp(next, 0, maxTop);
}

/** Builds the reducer for one ScanResult (its visible-list memo lives in the closure). */
export function createModel(result: ScanResult): TuiModel {
  const select = createVisibleSelector();

  const derive = (state: TuiState): Derived => {
    const visible = select(result.findings, state.view);
    return { visible, layout: computeLayout(state.size), selected: visible.findings[state.cursor] };
  };

  /** Places the cursor (clamped) and scrolls the list so it is on screen. */
  const moveTo = (state: TuiState, cursor: number): TuiState => {
    const { visible, layout } = derive(state);
    const n = visible.findings.length;
    const c = n === 0 ? 0 : clamp(cursor, 0, n - 1);
    const row = n === 0 ? 0 : visible.rowOf[c]!;
    const listTop = scrollToShow(state.listTop, row, layout.listRows, visible);
    const detailScroll = c === state.cursor ? state.detailScroll : 0;
    return { ...state, cursor: c, listTop, detailScroll };
  };

  /**
   * Applies new view options and keeps the same finding selected when it is still shown, on the
   * same screen row as before (regrouping with `g` moves everything else around it, so the eye
   * does not have to search for it); moveTo then only corrects the window where that row is
   * impossible (near the list's ends).
   */
  const withView = (state: TuiState, view: ViewOptions): TuiState => {
    const old = derive(state);
    const before = old.selected;
    const next: TuiState = { ...state, view };
    const { visible } = derive(next);
    const kept = before ? visible.findings.indexOf(before) : -1;
    if (kept < 0) return moveTo({ ...next, detailScroll: 0 }, 0);
    const screenRow = old.visible.rowOf[state.cursor]! - state.listTop;
    const listTop = Math.max(0, visible.rowOf[kept]! - screenRow);
    return moveTo({ ...next, listTop, detailScroll: state.detailScroll }, kept);
  };

  const reduce = (state: TuiState, action: Action): TuiState => {
    switch (action.type) {
      case 'resize': {
        if (action.columns === state.size.columns && action.rows === state.size.rows) return state;
        return moveTo({ ...state, size: { columns: action.columns, rows: action.rows } }, state.cursor);
      }
      case 'move':
        return moveTo(state, state.cursor + action.delta);
      case 'page': {
        const { layout } = derive(state);
        return moveTo(state, state.cursor + action.direction * Math.max(1, layout.listRows - 1));
      }
      case 'jump':
        return moveTo(state, action.to === 'first' ? 0 : Number.MAX_SAFE_INTEGER);
      case 'open':
        return derive(state).selected ? { ...state, focus: 'detail' } : state;
      case 'back':
        if (state.overlay) return { ...state, overlay: null, overlayScroll: 0 };
        return state.focus === 'list' ? state : { ...state, focus: 'list' };
      case 'toggleFocus':
        if (state.focus === 'detail') return { ...state, focus: 'list' };
        return derive(state).selected ? { ...state, focus: 'detail' } : state;
      case 'scrollDetail':
        return {
          ...state,
          detailScroll: clamp(state.detailScroll + action.delta, 0, Math.max(0, action.max)),
        };
      case 'filterStart':
        return { ...state, filterDraft: state.view.query, overlay: null };
      case 'filterInput':
        if (state.filterDraft === null) return state;
        return { ...state, filterDraft: state.filterDraft + action.text };
      case 'filterBackspace':
        if (state.filterDraft === null) return state;
        return { ...state, filterDraft: Array.from(state.filterDraft).slice(0, -1).join('') };
      case 'filterApply':
        if (state.filterDraft === null) return state;
        return withView(
          { ...state, filterDraft: null, focus: 'list' },
          { ...state.view, query: state.filterDraft.trim() },
        );
      case 'filterCancel':
        return state.filterDraft === null ? state : { ...state, filterDraft: null };
      case 'cycleSeverity': {
        // INFO shows everything; each press raises the floor, and CRITICAL wraps back to all.
        const i = SEVERITIES.indexOf(state.view.minSeverity);
        const next: Severity = i <= 0 ? SEVERITIES[SEVERITIES.length - 1]! : SEVERITIES[i - 1]!;
        return withView(state, { ...state.view, minSeverity: next });
      }
      case 'cycleGrouping': {
        const i = GROUPINGS.indexOf(state.view.grouping);
        return withView(state, { ...state.view, grouping: GROUPINGS[(i + 1) % GROUPINGS.length]! });
      }
      case 'toggleWaived':
        return withView(state, { ...state.view, showWaived: !state.view.showWaived });
      case 'toggleOverlay':
        return state.overlay === action.overlay
          ? { ...state, overlay: null, overlayScroll: 0 }
          : { ...state, overlay: action.overlay, overlayScroll: 0 };
      case 'scrollOverlay':
        return {
          ...state,
          overlayScroll: clamp(state.overlayScroll + action.delta, 0, Math.max(0, action.max)),
        };
      case 'quit':
        return { ...state, quit: true };
    }
  };

  return { reduce, derive };
}
