/** Draws pre-built styled lines; every line is one terminal row, cut (never wrapped) at the edge. */
import { memo } from 'react';
import { Text } from 'ink';
import type { Line, Seg } from './format.js';

function SegText({ seg }: { seg: Seg }) {
  return (
    <Text
      {...(seg.color ? { color: seg.color } : {})}
      {...(seg.backgroundColor ? { backgroundColor: seg.backgroundColor } : {})}
      bold={seg.bold ?? false}
      dimColor={seg.dim ?? false}
      inverse={seg.inverse ?? false}
    >
      {seg.text}
    </Text>
  );
}

export const StyledLine = memo(function StyledLine({ line }: { line: Line }) {
  // An empty <Text> has no height; a space keeps blank lines in place.
  if (line.length === 0) return <Text> </Text>;
  return (
    <Text wrap="truncate-end">
      {line.map((seg, i) => (
        <SegText key={i} seg={seg} />
      ))}
    </Text>
  );
});

/** `height` rows of `lines` starting at `top`, padded with blank rows so the box never shrinks. */
export function LineWindow({ lines, top, height }: { lines: readonly Line[]; top: number; height: number }) {
  const rows: Line[] = lines.slice(top, top + height);
  while (rows.length < height) rows.push([]);
  return (
    <>
      {rows.map((line, i) => (
        <StyledLine key={i} line={line} />
      ))}
    </>
  );
}
