import { describe, expect, it } from 'vitest';
import { keyToAction } from './keys.js';
import { initialState, type TuiState } from './state.js';

const ctx = { detailMax: 7, overlayMax: 3 };
const base = initialState({ columns: 80, rows: 24 });
const key = (s: TuiState, input: string, k = {}) => keyToAction(s, input, k, ctx);

describe('keyToAction', () => {
  it('moves the list with arrows and j/k, and opens with Enter or →', () => {
    expect(key(base, 'j')).toEqual({ type: 'move', delta: 1 });
    expect(key(base, '', { upArrow: true })).toEqual({ type: 'move', delta: -1 });
    expect(key(base, '', { pageDown: true })).toEqual({ type: 'page', direction: 1 });
    expect(key(base, '', { end: true })).toEqual({ type: 'jump', to: 'last' });
    expect(key(base, '\r', { return: true })).toEqual({ type: 'open' });
    expect(key(base, '', { rightArrow: true })).toEqual({ type: 'open' });
    expect(key(base, '', { tab: true })).toEqual({ type: 'toggleFocus' });
  });

  it('scrolls the detail pane when it has the focus, bounded by the drawn lines', () => {
    const detail: TuiState = { ...base, focus: 'detail' };
    expect(key(detail, 'j')).toEqual({ type: 'scrollDetail', delta: 1, max: 7 });
    expect(key(detail, '', { escape: true })).toEqual({ type: 'back' });
    expect(key(detail, '', { leftArrow: true })).toEqual({ type: 'back' });
  });

  it('binds the view keys', () => {
    expect(key(base, '/')).toEqual({ type: 'filterStart' });
    expect(key(base, 's')).toEqual({ type: 'cycleSeverity' });
    expect(key(base, 'g')).toEqual({ type: 'cycleGrouping' });
    expect(key(base, 'w')).toEqual({ type: 'toggleWaived' });
    expect(key(base, 'e')).toEqual({ type: 'toggleOverlay', overlay: 'errors' });
    expect(key(base, '?')).toEqual({ type: 'toggleOverlay', overlay: 'help' });
    expect(key(base, 'q')).toEqual({ type: 'quit' });
    expect(key(base, 'c', { ctrl: true })).toEqual({ type: 'quit' });
    expect(key(base, 'x')).toBeNull();
  });

  it('sends every printable key to the filter while it is being typed', () => {
    const typing: TuiState = { ...base, filterDraft: 'ab' };
    expect(key(typing, 'q')).toEqual({ type: 'filterInput', text: 'q' });
    expect(key(typing, 'j')).toEqual({ type: 'filterInput', text: 'j' });
    expect(key(typing, 'pasted text')).toEqual({ type: 'filterInput', text: 'pasted text' });
    expect(key(typing, '', { backspace: true })).toEqual({ type: 'filterBackspace' });
    expect(key(typing, '', { delete: true })).toEqual({ type: 'filterBackspace' });
    expect(key(typing, '\r', { return: true })).toEqual({ type: 'filterApply' });
    expect(key(typing, '', { escape: true, meta: true })).toEqual({ type: 'filterCancel' });
    expect(key(typing, '', { upArrow: true })).toBeNull();
    expect(key(typing, '\x01')).toBeNull();
  });

  it('scrolls and closes overlays; q still quits', () => {
    const help: TuiState = { ...base, overlay: 'help' };
    expect(key(help, 'j')).toEqual({ type: 'scrollOverlay', delta: 1, max: 3 });
    expect(key(help, '', { escape: true })).toEqual({ type: 'back' });
    expect(key(help, '?')).toEqual({ type: 'toggleOverlay', overlay: 'help' });
    expect(key(help, 'e')).toEqual({ type: 'toggleOverlay', overlay: 'errors' });
    expect(key(help, 'q')).toEqual({ type: 'quit' });
    expect(key(help, 's')).toBeNull();
  });
});
