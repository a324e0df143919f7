/** The TUI root: owns the state, maps keys to actions and lays the screen out. */
import { useEffect, useMemo, useRef, useState } from 'react';
import { Box, Text, useApp, useInput, useStdout, type Key } from 'ink';
import type { ScanResult } from '@palisade/stdlib';
import { SourceCache, detailLines } from './detail-lines.js';
import { keyToAction, type KeyPress } from './keys.js';
import { DetailPane, ListPane, OverlayPane } from './panes.js';
import { errorLines, footerLine, helpLines, summaryLines } from './screen-lines.js';
import { createModel, initialState, type TuiState } from './state.js';
import { StyledLine } from './styled-line.js';
import { MIN_COLUMNS, MIN_ROWS, type Size } from './view.js';

export interface AppProps {
  result: ScanResult;
  /** path → file text, for code excerpts of findings without a snippet. */
  sources?: ReadonlyMap<string, string> | undefined;
}

/** Terminal size, with the classic 80×24 when the stream does not say (pipes, tests). */
export function readSize(stream: { columns?: number; rows?: number }): Size {
  return { columns: stream.columns || 80, rows: stream.rows || 24 };
}

/**
 * Ink hands over several characters at once when keys arrive faster than it reads them (paste,
 * scripted input); each one is a separate keypress here.
 */
export function splitKeys(input: string, key: KeyPress): [string, KeyPress][] {
  const special =
    key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || key.pageUp || key.pageDown ||
    key.home || key.end || key.escape || key.ctrl || key.meta;
  // A terminal sends Esc then a letter as one Alt+letter sequence when both arrive together;
  // the UI binds no Alt keys, so that is taken as the two presses it most likely was.
  const arrows = key.upArrow || key.downArrow || key.leftArrow || key.rightArrow;
  if (key.meta && !key.escape && !arrows && !key.ctrl && input.length === 1 && input >= ' ') {
    return [['', { escape: true }], [input, {}]];
  }
  if (input.length <= 1 || special) return [[input, key]];
  return Array.from(input, (ch): [string, KeyPress] => {
    if (ch === '\r' || ch === '\n') return ['', { return: true }];
    if (ch === '\t') return ['', { tab: true }];
    if (ch === '\x7f' || ch === '\b') return ['', { backspace: true }];
    return [ch, {}];
  });
}

export function App({ result, sources }: AppProps) {
  const { stdout } = useStdout();
  const { exit } = useApp();
  const model = useMemo(() => createModel(result), [result]);
  const cache = useMemo(() => new SourceCache(sources), [sources]);
  const [state, setState] = useState<TuiState>(() => initialState(readSize(stdout)));
  // Keys are applied to the newest state even when several arrive before React re-renders.
  const stateRef = useRef(state);

  useEffect(() => {
    const onResize = () => {
      const next = model.reduce(stateRef.current, { type: 'resize', ...readSize(stdout) });
      stateRef.current = next;
      setState(next);
    };
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout, model]);

  const { visible, layout, selected } = model.derive(state);
  const detail = useMemo(
    () => (selected ? detailLines(selected, layout.detailInner, cache) : []),
    [selected, layout.detailInner, cache],
  );
  const overlay = useMemo(
    () =>
      state.overlay === 'help'
        ? helpLines(layout.width - 4)
        : state.overlay === 'errors'
          ? errorLines(result, layout.width - 4)
          : [],
    [state.overlay, layout.width, result],
  );
  const summary = useMemo(() => summaryLines(result, layout.width), [result, layout.width]);

  useInput((input: string, key: Key) => {
    let s = stateRef.current;
    for (const [ch, k] of splitKeys(input, key)) {
      const ctx = {
        detailMax: Math.max(0, detail.length - layout.paneRows),
        overlayMax: Math.max(0, overlay.length - layout.paneRows),
      };
      const action = keyToAction(s, ch, k, ctx);
      if (action) s = model.reduce(s, action);
    }
    if (s !== stateRef.current) {
      stateRef.current = s;
      setState(s);
    }
  });

  useEffect(() => {
    if (state.quit) exit();
  }, [state.quit, exit]);

  if (layout.tooSmall) {
    return (
      <Text>
        {`Terminal too small (${state.size.columns}×${state.size.rows}); Palisade needs ${MIN_COLUMNS}×${MIN_ROWS}. q quits.`}
      </Text>
    );
  }

  const listFocused = state.focus === 'list' && state.filterDraft === null;
  const showList = layout.wide || state.focus === 'list';
  const showDetail = layout.wide || state.focus === 'detail';
  return (
    <Box flexDirection="column" width={layout.width} height={layout.height}>
      <StyledLine line={summary[0]} />
      <StyledLine line={summary[1]} />
      {state.overlay ? (
        <OverlayPane lines={overlay} scroll={state.overlayScroll} width={layout.width} rows={layout.paneRows} />
      ) : (
        <Box flexDirection="row">
          {showList ? (
            <ListPane
              visible={visible}
              state={state}
              total={result.findings.length}
              width={layout.listWidth}
              inner={layout.listInner}
              rows={layout.paneRows}
              listRows={layout.listRows}
              focused={listFocused}
            />
          ) : null}
          {showDetail ? (
            <DetailPane
              lines={detail}
              scroll={state.detailScroll}
              width={layout.detailWidth}
              rows={layout.paneRows}
              focused={state.focus === 'detail'}
            />
          ) : null}
        </Box>
      )}
      <StyledLine line={footerLine(state, layout.width)} />
    </Box>
  );
}
