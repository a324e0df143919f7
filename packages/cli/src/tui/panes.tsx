/** The bordered panes of the screen: findings list, detail, and the full-body overlays. */
import { memo, useMemo, type ReactNode } from 'react';
import { Box, Text } from 'ink';
import type { Finding } from '@palisade/stdlib';
import type { Line } from './format.js';
import { findingRowLine, headerRowLine, listColumns, listTitleLine, type Columns } from './screen-lines.js';
import type { TuiState } from './state.js';
import { LineWindow, StyledLine } from './styled-line.js';
import type { Visible } from './view.js';

function Pane(props: { width: number; rows: number; focused: boolean; children: ReactNode }) {
  return (
    <Box
      width={props.width}
      height={props.rows + 2}
      flexDirection="column"
      borderStyle="round"
      borderColor={props.focused ? 'cyan' : 'gray'}
      paddingX={1}
      overflow="hidden"
    >
      {props.children}
    </Box>
  );
}

/** Rebuilt only when its own finding, columns, width or selection change. */
const FindingRow = memo(function FindingRow(props: {
  finding: Finding;
  cols: Columns;
  width: number;
  selected: boolean;
  focused: boolean;
}) {
  const line = useMemo(
    () => findingRowLine(props.finding, props.cols, props.width, props.selected, props.focused),
    [props.finding, props.cols, props.width, props.selected, props.focused],
  );
  return <StyledLine line={line} />;
});

export function ListPane(props: {
  visible: Visible;
  state: TuiState;
  total: number;
  width: number;
  inner: number;
  rows: number;
  /** Rows under the title; the reducer scrolls by the same number. */
  listRows: number;
  focused: boolean;
}) {
  const { visible, state, inner } = props;
  const cols = useMemo(
    () => listColumns(visible, inner, state.view.grouping),
    [visible, inner, state.view.grouping],
  );
  // Only the rows on screen are built: thousands of findings cost the same as twenty.
  const bodyRows = props.listRows;
  const window = visible.rows.slice(state.listTop, state.listTop + bodyRows);
  const blanks = bodyRows - window.length;
  return (
    <Pane width={props.width} rows={props.rows} focused={props.focused}>
      <StyledLine line={listTitleLine(visible, state, props.total, inner)} />
      {visible.findings.length === 0 ? (
        <Text dimColor>
          {props.total === 0 ? 'No findings.' : 'No findings match the filters (s, w, / change them).'}
        </Text>
      ) : null}
      {window.map((row, i) =>
        row.kind === 'header' ? (
          <StyledLine key={`h${state.listTop + i}`} line={headerRowLine(row, inner)} />
        ) : (
          <FindingRow
            key={`f${state.listTop + i}`}
            finding={row.finding}
            cols={cols}
            width={inner}
            selected={row.index === state.cursor}
            focused={props.focused}
          />
        ),
      )}
      {Array.from({ length: Math.max(0, blanks - (visible.findings.length === 0 ? 1 : 0)) }, (_, i) => (
        <Text key={`b${i}`}> </Text>
      ))}
    </Pane>
  );
}

export function DetailPane(props: {
  lines: readonly Line[];
  scroll: number;
  width: number;
  rows: number;
  focused: boolean;
}) {
  const { lines, rows } = props;
  const top = Math.min(props.scroll, Math.max(0, lines.length - rows));
  const more = lines.length > top + rows;
  // The last row turns into a "more below" hint rather than hiding that the text goes on.
  const shown = more ? rows - 1 : rows;
  return (
    <Pane width={props.width} rows={rows} focused={props.focused}>
      {lines.length === 0 ? <Text dimColor>Nothing selected.</Text> : null}
      <LineWindow lines={lines} top={top} height={lines.length === 0 ? rows - 1 : shown} />
      {more ? (
        <Text dimColor>
          {`↓ ${lines.length - top - shown} more lines${props.focused ? ' (j/k scroll)' : ' (Enter to scroll)'}`}
        </Text>
      ) : null}
    </Pane>
  );
}

export function OverlayPane(props: { lines: readonly Line[]; scroll: number; width: number; rows: number }) {
  const top = Math.min(props.scroll, Math.max(0, props.lines.length - props.rows));
  return (
    <Pane width={props.width} rows={props.rows} focused>
      <LineWindow lines={props.lines} top={top} height={props.rows} />
    </Pane>
  );
}
