// The one drawing of a sequence diagram: vertical lanes, one horizontal arrow per row, the label above
// the arrow and an optional note below it. The playground (transcripts) and lessons (<SequenceDiagram>)
// both draw with it. Colours come from currentColor, so it follows the light and dark themes.

export type SequenceArrow = {
  /** Lane indexes. */
  from: number;
  to: number;
  label: string;
  /** Responses are dashed, so direction is told by the line as well as the arrowhead. */
  dashed?: boolean;
  note?: string;
};

const WIDTH = 560;
const ROW = 34;
const NOTE_ROW = 18;

/** Ids in url(#...) must be plain: React's useId output is made safe before it is passed here. */
export function SequenceSvg({
  lanes,
  arrows,
  idPrefix,
  title,
}: {
  lanes: readonly string[];
  arrows: readonly SequenceArrow[];
  idPrefix: string;
  title: string;
}) {
  const laneX = (lane: number) => 70 + (lane * (WIDTH - 140)) / Math.max(1, lanes.length - 1);
  const rows: number[] = [];
  let y = 55;
  for (const arrow of arrows) {
    rows.push(y);
    y += ROW + (arrow.note ? NOTE_ROW : 0);
  }
  const height = y + 5; // the last row plus a margin, as the playground drew it before notes existed
  const titleId = `${idPrefix}-title`;
  return (
    // Scales down to its box (w-full, h-auto keeps the viewBox's proportions), never beyond its drawn size:
    // at a fixed 560 px a phone cut off the last lane with no hint (issue 16). The step list that follows
    // every diagram is the text at full size.
    <svg
      viewBox={`0 0 ${WIDTH} ${height}`}
      width={WIDTH}
      height={height}
      role="img"
      aria-labelledby={titleId}
      className="block h-auto w-full max-w-[560px] text-ink"
    >
      <title id={titleId}>{title}</title>
      <defs>
        <marker id={`${idPrefix}-head`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" fill="currentColor" />
        </marker>
      </defs>
      {lanes.map((lane, index) => (
        <g key={lane}>
          <text x={laneX(index)} y={20} textAnchor="middle" fontSize="14" fontWeight="700" fill="currentColor">
            {lane}
          </text>
          <line x1={laneX(index)} y1={30} x2={laneX(index)} y2={height - 5} stroke="currentColor" strokeOpacity="0.35" strokeDasharray="4 4" />
        </g>
      ))}
      {arrows.map((arrow, i) => {
        const rowY = rows[i] ?? 0;
        const x1 = laneX(arrow.from);
        const x2 = laneX(arrow.to);
        return (
          <g key={i}>
            <line
              x1={x1}
              y1={rowY}
              x2={x2}
              y2={rowY}
              stroke="currentColor"
              strokeWidth="1.5"
              strokeDasharray={arrow.dashed ? '6 3' : undefined}
              markerEnd={`url(#${idPrefix}-head)`}
            />
            <text x={(x1 + x2) / 2} y={rowY - 6} textAnchor="middle" fontSize="12" fill="currentColor">
              {arrow.label}
            </text>
            {arrow.note ? (
              <text x={(x1 + x2) / 2} y={rowY + 15} textAnchor="middle" fontSize="11" fontStyle="italic" fill="currentColor" fillOpacity="0.8">
                {arrow.note}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}
