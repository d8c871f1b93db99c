// Charts as plain SVG (no chart library: the page's size budget): a line chart over a log-2 x axis and a
// horizontal stacked bar chart, coloured by the page's CSS variables so that both themes read them.
import { convertBytes } from "../src/core/format/convert-bytes.js";

export interface Series {
  readonly key: string;
  readonly label: string;
  /** A CSS colour (a `var(--c-…)`). */
  readonly color: string;
  readonly values: readonly number[];
  readonly dashed?: boolean;
}

const W = 640;
const H = 280;
const PAD = { left: 64, right: 16, top: 12, bottom: 40 };
const bytes = (n: number) => convertBytes(n, true);

/** Round steps for the y axis in GiB. */
function ticks(max: number): number[] {
  const gib = max / 1024 ** 3;
  const raw = gib / 4;
  const p = 10 ** Math.floor(Math.log10(raw || 1));
  const step = ([1, 2, 2.5, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? raw) * 1024 ** 3;
  const out: number[] = [];
  for (let v = 0; v <= max * 1.0001; v += step) out.push(v);
  return out;
}

/** Lines over `xs` (drawn evenly: the x values double), with an optional horizontal limit (the GPU's memory). */
export function LineChart(props: { title: string; xs: readonly number[]; xLabel: string; series: readonly Series[]; limit?: { label: string; bytes: number }; marker?: { index: number; label: string }; testid: string }) {
  const { xs, series, limit } = props;
  const max = Math.max(...series.flatMap((s) => s.values), limit?.bytes ?? 0) * 1.05 || 1;
  const x = (i: number) => PAD.left + (i / Math.max(1, xs.length - 1)) * (W - PAD.left - PAD.right);
  const y = (v: number) => H - PAD.bottom - (v / max) * (H - PAD.top - PAD.bottom);
  const desc = `${series.map((s) => `${s.label}: ${bytes(s.values[0] ?? 0)} at ${xs[0]} to ${bytes(s.values[s.values.length - 1] ?? 0)} at ${xs[xs.length - 1]}`).join("; ")}${limit ? `; ${limit.label}: ${bytes(limit.bytes)}` : ""}${props.marker ? `; ${props.marker.label}` : ""}.`;
  return (
    <figure class="chart" data-testid={props.testid}>
      <figcaption>{props.title}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${props.title}. ${desc}`}>
        {ticks(max).map((t) => (
          <g class="tick">
            <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} class="grid-line" />
            <text x={PAD.left - 6} y={y(t) + 4} text-anchor="end">{bytes(t)}</text>
          </g>
        ))}
        {xs.map((v, i) => (
          <text x={x(i)} y={H - PAD.bottom + 16} text-anchor="middle" class="xtick">{v >= 1024 ? `${v / 1024}k` : v}</text>
        ))}
        <text x={(W + PAD.left) / 2} y={H - 6} text-anchor="middle" class="axis-label">{props.xLabel}</text>
        {limit && limit.bytes <= max && (
          <g data-testid="gpu-line">
            <line x1={PAD.left} x2={W - PAD.right} y1={y(limit.bytes)} y2={y(limit.bytes)} class="limit-line" />
            <text x={W - PAD.right} y={y(limit.bytes) - 5} text-anchor="end" class="limit-label">{limit.label}</text>
          </g>
        )}
        {props.marker && (
          <g data-testid="crossover">
            <line x1={x(props.marker.index)} x2={x(props.marker.index)} y1={PAD.top} y2={H - PAD.bottom} class="marker-line" />
          </g>
        )}
        {series.map((s) => (
          <polyline data-series={s.key} fill="none" stroke={s.color} stroke-width="2.5" stroke-dasharray={s.dashed ? "6 4" : undefined}
            points={s.values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(" ")} />
        ))}
      </svg>
      <ul class="legend">
        {series.map((s) => (
          <li><span class="swatch" style={{ background: s.color }} />{s.label}</li>
        ))}
        {limit && <li><span class="swatch limit-swatch" />{limit.label}</li>}
      </ul>
      {props.marker && <p class="note small" data-testid="crossover-note">{props.marker.label}</p>}
    </figure>
  );
}

export interface Bar {
  readonly label: string;
  readonly parts: readonly { key: string; label: string; color: string; bytes: number }[];
}

/** One stacked bar per row (the comparison), with the GPU's memory as a vertical line. */
export function StackedBars(props: { title: string; bars: readonly Bar[]; limit?: { label: string; bytes: number }; testid: string }) {
  const rowH = 34;
  const left = 200;
  const height = props.bars.length * rowH + 40;
  const max = Math.max(...props.bars.map((b) => b.parts.reduce((n, p) => n + p.bytes, 0)), props.limit?.bytes ?? 0) * 1.05 || 1;
  const x = (v: number) => left + (v / max) * (W - left - PAD.right);
  const desc = props.bars.map((b) => `${b.label}: ${bytes(b.parts.reduce((n, p) => n + p.bytes, 0))}`).join("; ");
  return (
    <figure class="chart" data-testid={props.testid}>
      <figcaption>{props.title}</figcaption>
      <svg viewBox={`0 0 ${W} ${height}`} role="img" aria-label={`${props.title}. ${desc}${props.limit ? `; ${props.limit.label}: ${bytes(props.limit.bytes)}` : ""}.`}>
        {props.bars.map((b, i) => {
          let at = 0;
          const total = b.parts.reduce((n, p) => n + p.bytes, 0);
          return (
            <g data-bar={b.label}>
              <text x={left - 8} y={i * rowH + 22} text-anchor="end">{b.label.length > 26 ? `…${b.label.slice(-25)}` : b.label}</text>
              {b.parts.map((p) => {
                const rect = <rect x={x(at)} y={i * rowH + 8} width={Math.max(0, x(at + p.bytes) - x(at))} height={rowH - 12} fill={p.color}><title>{`${p.label}: ${bytes(p.bytes)}`}</title></rect>;
                at += p.bytes;
                return rect;
              })}
              <text x={x(total) + 4} y={i * rowH + 22} class="bar-total">{bytes(total)}</text>
            </g>
          );
        })}
        {props.limit && (
          <g data-testid="gpu-line">
            <line x1={x(props.limit.bytes)} x2={x(props.limit.bytes)} y1={2} y2={height - 24} class="limit-line" />
            <text x={x(props.limit.bytes)} y={height - 8} text-anchor={x(props.limit.bytes) > W * 0.75 ? "end" : "middle"} class="limit-label">{props.limit.label}</text>
          </g>
        )}
      </svg>
    </figure>
  );
}
