import { useId } from 'react';

/**
 * A 12-point trend as a tiny SVG line (no charting library: a few lines here cost less than one). The SVG is an
 * image named by its summary, and a visually hidden table carries every value for screen readers.
 */
export function Sparkline({
  label,
  points,
  labels,
  format,
}: {
  label: string;
  points: (number | null)[];
  labels: string[];
  format: (v: number) => string;
}) {
  const tableId = useId();
  const W = 120;
  const H = 32;
  const values = points.filter((p): p is number => p !== null);
  const max = Math.max(...values, 0);
  const min = Math.min(...values, 0);
  const span = max - min || 1;
  const step = points.length > 1 ? W / (points.length - 1) : 0;
  const coords = points.map((p, i) =>
    p === null ? null : ([i * step, H - 2 - ((p - min) / span) * (H - 4)] as const),
  );
  const path = coords
    .map((c, i) => (c ? `${i > 0 && coords[i - 1] ? 'L' : 'M'}${c[0].toFixed(1)},${c[1].toFixed(1)}` : ''))
    .join('');
  const last = values.length ? format(values[values.length - 1]!) : 'no data';
  return (
    <figure className="sparkline">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width={W}
        height={H}
        role="img"
        aria-label={`${label}: 12-week trend, latest ${last}`}
        aria-describedby={tableId}
      >
        <path d={path} fill="none" stroke="currentColor" strokeWidth="1.5" />
        {coords.map((c, i) =>
          c && i === coords.length - 1 ? <circle key={i} cx={c[0]} cy={c[1]} r="2.5" fill="currentColor" /> : null,
        )}
      </svg>
      <div className="visually-hidden">
        <table id={tableId}>
          <caption>{label}, by week</caption>
          <tbody>
            {points.map((p, i) => (
              <tr key={i}>
                <th scope="row">{labels[i]}</th>
                <td>{p === null ? '—' : format(p)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
