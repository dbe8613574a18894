"use client";

/** A per-minute bar chart (dials, with the answered part overlaid) drawn as plain SVG. */
export function PerMinuteChart({
  points,
  dialsLabel,
  answersLabel,
  formatMinute,
}: {
  points: readonly { minute: Date; dials: number; answers: number }[];
  dialsLabel: string;
  answersLabel: string;
  formatMinute: (d: Date) => string;
}) {
  const width = 720;
  const height = 160;
  const pad = { left: 28, bottom: 18, top: 6 };
  const max = Math.max(1, ...points.map((p) => p.dials));
  const slot = (width - pad.left) / Math.max(1, points.length);
  const bar = Math.max(1, slot * 0.7);
  const y = (v: number) => pad.top + (height - pad.top - pad.bottom) * (1 - v / max);
  const ticks = points.filter((_, i) => i % 10 === 0 || i === points.length - 1);
  return (
    <figure className="space-y-2" data-testid="monitor-chart">
      <svg viewBox={`0 0 ${width} ${height}`} className="h-40 w-full" role="img" aria-label={`${dialsLabel} / ${answersLabel}`}>
        <line x1={pad.left} x2={width} y1={y(0)} y2={y(0)} className="stroke-border" />
        <text x={pad.left - 4} y={y(max) + 8} textAnchor="end" className="fill-muted-foreground text-[10px]">
          {max}
        </text>
        <text x={pad.left - 4} y={y(0)} textAnchor="end" className="fill-muted-foreground text-[10px]">
          0
        </text>
        {points.map((p, i) => {
          const x = pad.left + i * slot + (slot - bar) / 2;
          return (
            <g key={new Date(p.minute).getTime()}>
              <title>{`${formatMinute(new Date(p.minute))} ${dialsLabel} ${p.dials} · ${answersLabel} ${p.answers}`}</title>
              {p.dials > 0 ? <rect x={x} y={y(p.dials)} width={bar} height={y(0) - y(p.dials)} className="fill-primary/30" /> : null}
              {p.answers > 0 ? <rect x={x} y={y(p.answers)} width={bar} height={y(0) - y(p.answers)} className="fill-primary" /> : null}
            </g>
          );
        })}
        {ticks.map((p) => {
          const i = points.indexOf(p);
          return (
            <text key={`t${i}`} x={pad.left + i * slot + slot / 2} y={height - 4} textAnchor="middle" className="fill-muted-foreground text-[10px]">
              {formatMinute(new Date(p.minute))}
            </text>
          );
        })}
      </svg>
      <figcaption className="flex gap-4 text-xs text-muted-foreground">
        <span className="flex items-center gap-1">
          <span className="inline-block size-2 bg-primary/30" />
          {dialsLabel}
        </span>
        <span className="flex items-center gap-1">
          <span className="inline-block size-2 bg-primary" />
          {answersLabel}
        </span>
      </figcaption>
    </figure>
  );
}
