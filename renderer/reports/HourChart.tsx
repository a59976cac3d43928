import type { DaySummary } from '../../shared/domain/reports';

const W = 960;
const H = 260;
const PAD = { left: 36, right: 8, top: 18, bottom: 30 };

/**
 * Labels bought per hour of the day as bars (plain SVG: 24 bars need no chart library), reprints
 * as a darker cap on top, and each bar's figure above it.
 */
export function HourChart({ hours }: { hours: DaySummary['hours'] }) {
  const max = Math.max(1, ...hours.map((h) => h.labels + h.reprints));
  const slot = (W - PAD.left - PAD.right) / 24;
  const plotH = H - PAD.top - PAD.bottom;
  const y = (n: number) => PAD.top + plotH - (n / max) * plotH;
  const ticks = niceTicks(max);
  return (
    <svg
      className="hour-chart"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={`Labels per hour: ${
        hours
          .filter((h) => h.labels > 0)
          .map((h) => `${h.hour}:00 ${h.labels}`)
          .join(', ') || 'none'
      }`}
      data-testid="hour-chart"
    >
      {ticks.map((t) => (
        <g key={t}>
          <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} className="hour-chart-grid" />
          <text x={PAD.left - 6} y={y(t) + 5} textAnchor="end" className="hour-chart-axis">
            {t}
          </text>
        </g>
      ))}
      {hours.map((h) => {
        const x = PAD.left + h.hour * slot + 3;
        const w = slot - 6;
        return (
          <g key={h.hour} data-testid="hour-bar" data-hour={h.hour} data-labels={h.labels} data-reprints={h.reprints}>
            {h.labels > 0 && <rect x={x} y={y(h.labels)} width={w} height={y(0) - y(h.labels)} className="hour-chart-labels" />}
            {h.reprints > 0 && (
              <rect x={x} y={y(h.labels + h.reprints)} width={w} height={y(0) - y(h.reprints)} className="hour-chart-reprints" />
            )}
            {h.labels + h.reprints > 0 && (
              <text x={x + w / 2} y={y(h.labels + h.reprints) - 4} textAnchor="middle" className="hour-chart-value">
                {h.labels}
              </text>
            )}
            <text x={x + w / 2} y={H - 10} textAnchor="middle" className="hour-chart-axis">
              {String(h.hour).padStart(2, '0')}
            </text>
          </g>
        );
      })}
      <line x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} className="hour-chart-base" />
    </svg>
  );
}

/** Up to 4 round gridline values up to `max`. */
function niceTicks(max: number): number[] {
  const step = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000].find((s) => max / s <= 4) ?? Math.ceil(max / 4);
  const ticks: number[] = [];
  for (let t = step; t <= max; t += step) ticks.push(t);
  return ticks;
}
