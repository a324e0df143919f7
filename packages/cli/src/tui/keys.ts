/**
 * Key bindings: one keypress (as Ink reports it) → one reducer action. Pure, so the bindings
 * are tested without a terminal and listed in one place (the help overlay reads KEY_HELP).
 */
import type { Action, TuiState } from './state.js';

/** The parts of Ink's `Key` the bindings look at. */
export interface KeyPress {
  upArrow?: boolean;
  downArrow?: boolean;
  leftArrow?: boolean;
  rightArrow?: boolean;
  pageUp?: boolean;
  pageDown?: boolean;
  home?: boolean;
  end?: boolean;
  return?: boolean;
  escape?: boolean;
  tab?: boolean;
  backspace?: boolean;
  delete?: boolean;
  ctrl?: boolean;
  meta?: boolean;
}

/** Limits that depend on what is drawn (wrapped detail lines, overlay lines). */
export interface KeyContext {
  detailMax: number;
  overlayMax: number;
}

export const KEY_HELP: readonly (readonly [string, string])[] = [
  ['↑/↓  j/k', 'move the selection (scroll in the detail pane)'],
  ['PgUp/PgDn', 'move one page'],
  ['Home/End', 'first / last finding'],
  ['Enter  →', 'open the detail of the selected finding'],
  ['Esc  ←', 'back to the list / close an overlay'],
  ['Tab', 'switch between list and detail'],
  ['/', 'filter by text (Enter applies, Esc cancels)'],
  ['s', 'cycle the minimum severity shown'],
  ['g', 'cycle grouping: file, policy, severity, none'],
  ['w', 'show / hide waived findings'],
  ['e', 'show files that failed to load'],
  ['?', 'this help'],
  ['q  Ctrl+C', 'quit'],
];

function filterKey(input: string, key: KeyPress): Action | null {
  if (key.escape) return { type: 'filterCancel' };
  if (key.return) return { type: 'filterApply' };
  // Terminals send DEL (0x7f) for Backspace; Ink reports that as `delete`.
  if (key.backspace || key.delete) return { type: 'filterBackspace' };
  if (key.ctrl || key.meta || key.tab || key.upArrow || key.downArrow) return null;
  if (key.leftArrow || key.rightArrow || key.pageUp || key.pageDown) return null;
  // Pasted text arrives in one piece; keep only its printable characters.
  const text = Array.from(input)
    .filter((ch) => ch >= ' ' && ch !== '\x7f')
    .join('');
  return text === '' ? null : { type: 'filterInput', text };
}

export function keyToAction(
  state: TuiState,
  input: string,
  key: KeyPress,
  ctx: KeyContext,
): Action | null {
  if (state.filterDraft !== null) return filterKey(input, key);
  if (key.ctrl && input === 'c') return { type: 'quit' };

  const up = key.upArrow || input === 'k';
  const down = key.downArrow || input === 'j';

  if (state.overlay) {
    if (input === 'q') return { type: 'quit' };
    if (up) return { type: 'scrollOverlay', delta: -1, max: ctx.overlayMax };
    if (down) return { type: 'scrollOverlay', delta: 1, max: ctx.overlayMax };
    if (key.pageUp) return { type: 'scrollOverlay', delta: -10, max: ctx.overlayMax };
    if (key.pageDown) return { type: 'scrollOverlay', delta: 10, max: ctx.overlayMax };
    if (input === '?') return { type: 'toggleOverlay', overlay: 'help' };
    if (input === 'e') return { type: 'toggleOverlay', overlay: 'errors' };
    if (key.escape || key.leftArrow || key.return) return { type: 'back' };
    return null;
  }

  if (input === 'q') return { type: 'quit' };
  if (state.focus === 'detail') {
    if (up) return { type: 'scrollDetail', delta: -1, max: ctx.detailMax };
    if (down) return { type: 'scrollDetail', delta: 1, max: ctx.detailMax };
    if (key.pageUp) return { type: 'scrollDetail', delta: -10, max: ctx.detailMax };
    if (key.pageDown) return { type: 'scrollDetail', delta: 10, max: ctx.detailMax };
  } else {
    if (up) return { type: 'move', delta: -1 };
    if (down) return { type: 'move', delta: 1 };
    if (key.pageUp) return { type: 'page', direction: -1 };
    if (key.pageDown) return { type: 'page', direction: 1 };
    if (key.home) return { type: 'jump', to: 'first' };
    if (key.end) return { type: 'jump', to: 'last' };
  }
  if (key.return || key.rightArrow || input === 'l') return { type: 'open' };
  if (key.escape || key.leftArrow || input === 'h') return { type: 'back' };
  if (key.tab) return { type: 'toggleFocus' };
  switch (input) {
    case '/':
      return { type: 'filterStart' };
    case 's':
      return { type: 'cycleSeverity' };
    case 'g':
      return { type: 'cycleGrouping' };
    case 'w':
      return { type: 'toggleWaived' };
    case 'e':
      return { type: 'toggleOverlay', overlay: 'errors' };
    case '?':
      return { type: 'toggleOverlay', overlay: 'help' };
    default:
      return null;
  }
}
