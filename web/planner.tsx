// The planner on the page: can-it-run-llm's question (what fits on which GPU) answered by the same Planner the
// CLI runs. The state lives in the URL under the CLI's flag names (`seq-len`, `lora-r`, `gpu`…) so a link, the
// API query and the command line read alike.
import { useMemo, useState } from "preact/hooks";
import { convertBytes } from "../src/core/format/convert-bytes.js";
import { GPU_CATALOG, type GpuSpec } from "../src/core/plan/gpu-catalog.js";
import { PLAN_DTYPES, PRECISIONS, QUANTIZATIONS, type Plan, type PlanDType, type PlanOptions, type Precision, type Quantization } from "../src/core/plan/types.js";

export const MODES = ["weights", "inference", "full", "lora", "qlora"] as const;
export type Mode = (typeof MODES)[number];
const MODE_LABELS: Record<Mode, string> = { weights: "Weights only", inference: "Inference", full: "Full training", lora: "LoRA", qlora: "QLoRA" };

export interface PlannerState {
  readonly mode: Mode;
  readonly batchSize: number;
  readonly seqLen: number;
  /** Inference weights: a dtype, or a quantization method (which then decides the weights). */
  readonly dtype: PlanDType;
  readonly quantization: Quantization | "";
  readonly precision: Precision;
  readonly loraR: number;
  readonly loraTargets: string;
  readonly zero: "" | "1" | "2" | "3";
  readonly gpus: number;
  /** A GPU catalog name, or "" for none. */
  readonly gpu: string;
}

// The Planner's own defaults: a parameter at its default is left out of the URL and of PlanOptions, so a link,
// `/api/estimate` and the CLI given the same words compute the same plan.
export const PLANNER_DEFAULTS: PlannerState = {
  mode: "weights",
  batchSize: 1,
  seqLen: 2048,
  dtype: "bfloat16",
  quantization: "",
  precision: "mixed-bf16",
  loraR: 8,
  loraTargets: "all-linear",
  zero: "",
  gpus: 1,
  gpu: "",
};

const oneOf = <T extends string>(list: readonly T[], v: string | null): T | undefined => (v !== null && (list as readonly string[]).includes(v) ? (v as T) : undefined);
const positiveInt = (v: string | null): number | undefined => (v !== null && /^\d{1,9}$/.test(v) && Number(v) >= 1 ? Number(v) : undefined);
const gpuNamed = (name: string | null): GpuSpec | undefined => (name ? GPU_CATALOG.find((g) => g.name.toLowerCase() === name.trim().toLowerCase()) : undefined);

/** Reads the planner from a query; unknown or malformed values fall back to the defaults rather than failing the page. */
export function readPlanner(q: URLSearchParams): PlannerState {
  const d = PLANNER_DEFAULTS;
  const zero = q.get("zero");
  return {
    mode: oneOf(MODES, q.get("mode")) ?? d.mode,
    batchSize: positiveInt(q.get("batch-size")) ?? d.batchSize,
    seqLen: positiveInt(q.get("seq-len")) ?? d.seqLen,
    dtype: oneOf(PLAN_DTYPES, q.get("dtype")) ?? d.dtype,
    quantization: oneOf(QUANTIZATIONS, q.get("quantization")) ?? d.quantization,
    precision: oneOf(PRECISIONS, q.get("precision")) ?? d.precision,
    loraR: positiveInt(q.get("lora-r")) ?? d.loraR,
    loraTargets: q.get("lora-targets")?.trim() || d.loraTargets,
    zero: zero === "1" || zero === "2" || zero === "3" ? zero : d.zero,
    gpus: positiveInt(q.get("gpus")) ?? d.gpus,
    gpu: gpuNamed(q.get("gpu"))?.name ?? d.gpu,
  };
}

const isTraining = (m: Mode) => m === "full" || m === "lora" || m === "qlora";
const isLora = (m: Mode) => m === "lora" || m === "qlora";

/** The query parameters (the CLI's flag names) that differ from the defaults and apply to the mode. */
export function plannerParams(s: PlannerState): [string, string][] {
  const d = PLANNER_DEFAULTS;
  if (s.mode === "weights") return s.gpu ? [["gpu", s.gpu]] : [];
  const out: [string, string][] = [["mode", s.mode]];
  if (s.batchSize !== d.batchSize) out.push(["batch-size", String(s.batchSize)]);
  if (s.seqLen !== d.seqLen) out.push(["seq-len", String(s.seqLen)]);
  if (s.mode === "inference") {
    if (s.quantization) out.push(["quantization", s.quantization]);
    else if (s.dtype !== d.dtype) out.push(["dtype", s.dtype]);
  } else if (s.precision !== d.precision) out.push(["precision", s.precision]);
  if (isLora(s.mode)) {
    if (s.loraR !== d.loraR) out.push(["lora-r", String(s.loraR)]);
    if (s.loraTargets !== d.loraTargets) out.push(["lora-targets", s.loraTargets]);
  }
  if (isTraining(s.mode) && s.zero) out.push(["zero", s.zero]);
  if (s.gpus !== d.gpus) out.push(["gpus", String(s.gpus)]);
  if (s.gpu) out.push(["gpu", s.gpu]);
  return out;
}

/** What the Planner is asked; undefined for "weights only" (accelerate's table alone, as without flags). */
export function planOptionsOf(s: PlannerState): PlanOptions | undefined {
  if (s.mode === "weights") return undefined;
  const p = Object.fromEntries(plannerParams(s));
  const targets = p["lora-targets"]?.split(",").map((t) => t.trim()).filter(Boolean);
  return {
    ...(s.mode === "inference" ? { inference: true } : { train: s.mode }),
    ...(p["batch-size"] ? { batchSize: s.batchSize } : {}),
    ...(p["seq-len"] ? { seqLen: s.seqLen } : {}),
    ...(p.quantization ? { quantization: s.quantization as Quantization } : {}),
    ...(p.dtype ? { dtype: s.dtype } : {}),
    ...(p.precision ? { precision: s.precision } : {}),
    ...(p["lora-r"] ? { loraR: s.loraR } : {}),
    ...(targets ? { loraTargets: targets.length === 1 && targets[0] === "all-linear" ? "all-linear" : targets } : {}),
    ...(p.zero ? { zero: Number(s.zero) as 1 | 2 | 3 } : {}),
    ...(p.gpus ? { gpus: s.gpus } : {}),
    ...(p.gpu ? { gpu: s.gpu } : {}),
  };
}

/** The same plan from a terminal. */
export function cliFlags(s: PlannerState): string {
  return plannerParams(s)
    .filter(([k]) => s.mode !== "weights" || k !== "gpu")
    .map(([k, v]) => (k === "mode" ? (v === "inference" ? "--inference" : `--train ${v}`) : `--${k} ${/^[\w.,-]+$/.test(v) ? v : `"${v}"`}`))
    .join(" ");
}

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");
const VENDORS: Record<string, string> = { nvidia: "NVIDIA", amd: "AMD", apple: "Apple", intel: "Intel", google: "Google TPU", aws: "AWS" };

function NumberField(props: { label: string; testid: string; value: number; list?: string; onChange: (n: number) => void }) {
  return (
    <label>
      {props.label}
      <input type="number" inputMode="numeric" min={1} step={1} data-testid={props.testid} value={props.value} list={props.list}
        onInput={(e) => {
          // A half-typed number (empty, 0) is left in the box without recomputing; the last valid value stands.
          const n = positiveInt((e.target as HTMLInputElement).value);
          if (n !== undefined) props.onChange(n);
        }} />
    </label>
  );
}

function GpuPicker({ value, onChange }: { value: string; onChange: (name: string) => void }) {
  const [filter, setFilter] = useState("");
  const groups = useMemo(() => {
    const f = norm(filter);
    const shown = GPU_CATALOG.filter((g) => g.name === value || !f || norm(`${g.name} ${g.vendor}`).includes(f));
    const by = new Map<string, GpuSpec[]>();
    for (const g of shown) by.set(g.vendor, [...(by.get(g.vendor) ?? []), g]);
    return [...by];
  }, [filter, value]);
  const count = groups.reduce((n, [, list]) => n + list.length, 0);
  return (
    <div class="gpu-picker">
      <label>
        GPU <span class="hint">({GPU_CATALOG.length} in the catalog)</span>
        <input type="search" data-testid="gpu-filter" placeholder="Filter: 4090, H100, M3…" value={filter} autoComplete="off" spellcheck={false} aria-controls="gpu-select"
          onInput={(e) => {
            const text = (e.target as HTMLInputElement).value;
            setFilter(text);
            // One match left: pick it, as a search box should.
            const f = norm(text);
            const hits = f ? GPU_CATALOG.filter((g) => norm(`${g.name} ${g.vendor}`).includes(f)) : [];
            if (hits.length === 1 && hits[0]!.name !== value) onChange(hits[0]!.name);
          }} />
      </label>
      <select id="gpu-select" data-testid="gpu" aria-label={`GPU (${count} shown)`} value={value} onChange={(e) => onChange((e.target as HTMLSelectElement).value)}>
        <option value="">— no GPU —</option>
        {groups.map(([vendor, list]) => (
          <optgroup label={VENDORS[vendor] ?? vendor}>
            {list.map((g) => <option value={g.name}>{g.name}</option>)}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

export function PlannerControls({ state, onChange }: { state: PlannerState; onChange: (s: PlannerState) => void }) {
  const set = (patch: Partial<PlannerState>) => onChange({ ...state, ...patch });
  const m = state.mode;
  return (
    <fieldset class="planner-controls">
      <legend>Plan for a GPU</legend>
      <label>
        Mode
        <select data-testid="mode" value={m} onChange={(e) => set({ mode: (e.target as HTMLSelectElement).value as Mode })}>
          {MODES.map((x) => <option value={x}>{MODE_LABELS[x]}</option>)}
        </select>
      </label>
      {m !== "weights" && (
        <>
          <NumberField label="Batch size" testid="batch-size" value={state.batchSize} onChange={(n) => set({ batchSize: n })} />
          <NumberField label="Context length (tokens)" testid="seq-len" value={state.seqLen} list="seq-lens" onChange={(n) => set({ seqLen: n })} />
          <datalist id="seq-lens">
            {[512, 1024, 2048, 4096, 8192, 16384, 32768, 65536, 131072].map((n) => <option value={n} />)}
          </datalist>
        </>
      )}
      {m === "inference" && (
        <label>
          Weights
          <select data-testid="dtype" value={state.quantization ? `q:${state.quantization}` : `d:${state.dtype}`}
            onChange={(e) => {
              const [kind, v] = (e.target as HTMLSelectElement).value.split(":") as [string, string];
              set(kind === "q" ? { quantization: v as Quantization } : { quantization: "", dtype: v as PlanDType });
            }}>
            <optgroup label="dtype">{PLAN_DTYPES.map((d) => <option value={`d:${d}`}>{d}</option>)}</optgroup>
            <optgroup label="quantization">{QUANTIZATIONS.map((q) => <option value={`q:${q}`}>{q}</option>)}</optgroup>
          </select>
        </label>
      )}
      {isTraining(m) && (
        <label>
          Precision
          <select data-testid="precision" value={state.precision} onChange={(e) => set({ precision: (e.target as HTMLSelectElement).value as Precision })}>
            {PRECISIONS.map((p) => <option value={p}>{p}</option>)}
          </select>
        </label>
      )}
      {isLora(m) && (
        <>
          <NumberField label="LoRA rank" testid="lora-r" value={state.loraR} onChange={(n) => set({ loraR: n })} />
          <label>
            LoRA targets
            <input data-testid="lora-targets" value={state.loraTargets} list="lora-target-list" spellcheck={false} autoComplete="off"
              onChange={(e) => set({ loraTargets: (e.target as HTMLInputElement).value.trim() || PLANNER_DEFAULTS.loraTargets })} />
            <datalist id="lora-target-list">
              <option value="all-linear" />
              <option value="q_proj,v_proj" />
              <option value="q_proj,k_proj,v_proj,o_proj" />
            </datalist>
          </label>
        </>
      )}
      {isTraining(m) && (
        <label>
          ZeRO stage
          <select data-testid="zero" value={state.zero} onChange={(e) => set({ zero: (e.target as HTMLSelectElement).value as PlannerState["zero"] })}>
            <option value="">none</option>
            <option value="1">ZeRO-1</option>
            <option value="2">ZeRO-2</option>
            <option value="3">ZeRO-3</option>
          </select>
        </label>
      )}
      {m !== "weights" && <NumberField label="GPUs" testid="gpus" value={state.gpus} onChange={(n) => set({ gpus: n })} />}
      <GpuPicker value={state.gpu} onChange={(gpu) => set({ gpu })} />
    </fieldset>
  );
}

const SEGMENTS = [
  ["weights", "weightsBytes", "Weights"],
  ["kv", "kvCacheBytes", "KV cache"],
  ["act", "activationBytes", "Activations"],
  ["grad", "gradientBytes", "Gradients"],
  ["opt", "optimizerBytes", "Optimizer"],
  ["over", "overheadBytes", "Overhead"],
] as const;

const bytes = (n: number) => convertBytes(n, true);

/** The verdict line: fits / does not fit, and how many of the chosen GPU it takes. */
function verdict(plan: Plan, state: PlannerState): { kind: "fits" | "nofit" | "none"; text: string } {
  if (!plan.gpu) return { kind: "none", text: `Needs ${bytes(plan.totalBytes)}${(plan.parallel?.gpus ?? 1) > 1 ? " per GPU" : ""} — pick a GPU for a verdict` };
  const gpus = plan.parallel?.gpus ?? 1;
  const name = plan.gpu.name;
  if (plan.fits) return { kind: "fits", text: `Fits on ${gpus} × ${name}` };
  // Training without a sharding choice: the Planner counts GPUs as ZeRO-3 would shard (its stated assumption).
  const how = isTraining(state.mode) && !state.zero ? " with ZeRO-3" : "";
  const needs = plan.gpusNeeded == null ? `more than 1024 × ${name}` : `${plan.gpusNeeded} × ${name}${how}`;
  return { kind: "nofit", text: `Does not fit on ${gpus} × ${name}: needs ${needs}` };
}

export function PlanView({ plan, state }: { plan: Plan; state: PlannerState }) {
  const v = verdict(plan, state);
  const capacity = plan.gpu?.memoryBytes ?? 0;
  // The bar's scale holds both the total and the GPU, so the GPU's edge is always drawn.
  const scale = Math.max(plan.totalBytes, capacity) || 1;
  const parts = SEGMENTS.filter(([, key]) => plan[key] > 0);
  const perGpu = (plan.parallel?.gpus ?? 1) > 1 ? " per GPU" : "";
  const summary = `${parts.map(([, key, label]) => `${label} ${bytes(plan[key])}`).join(", ")}; total ${bytes(plan.totalBytes)}${perGpu}${plan.gpu ? ` of ${bytes(capacity)}` : ""}`;
  return (
    <div class="plan">
      <p class={`verdict ${v.kind}`} data-testid="verdict" data-fits={plan.gpu ? String(plan.fits) : undefined} role="status">
        <span aria-hidden="true" class="icon">{v.kind === "fits" ? "✓" : v.kind === "nofit" ? "✗" : "ℹ"}</span> {v.text}
      </p>
      <div class="bar" data-testid="plan-bar" role="img" aria-label={summary}>
        {parts.map(([cls, key, label]) => (
          <span class={`seg seg-${cls}`} style={{ width: `${(plan[key] / scale) * 100}%` }} title={`${label}: ${bytes(plan[key])}`} />
        ))}
        {capacity > 0 && <span class={`cap ${plan.fits ? "" : "over"}`} style={{ left: `${(capacity / scale) * 100}%` }} title={`${plan.gpu?.name}: ${bytes(capacity)}`} />}
      </div>
      <ul class="legend">
        {parts.map(([cls, key, label]) => (
          <li data-part={cls}><span class={`swatch seg-${cls}`} />{label} <b>{bytes(plan[key])}</b></li>
        ))}
        <li class="total">Total{perGpu} <b data-testid="plan-total">{bytes(plan.totalBytes)}</b>{plan.gpu ? <> of {bytes(capacity)}</> : null}</li>
      </ul>
      <dl class="facts small-facts">
        {plan.trainableParameters !== undefined && <div><dt>Trainable parameters</dt><dd>{plan.trainableParameters.toLocaleString("en-US")}</dd></div>}
        {plan.gpu && <div><dt>Max batch size</dt><dd>{plan.maxBatchSize}</dd></div>}
        {plan.gpu && <div><dt>Max context</dt><dd>{plan.maxSeqLen?.toLocaleString("en-US")}</dd></div>}
        {plan.kvCache && plan.mode === "inference" && <div><dt>KV cache</dt><dd title={plan.kvCache.formula}>{plan.kvCache.variant}</dd></div>}
      </dl>
      <details>
        <summary>Assumptions</summary>
        <ul class="assumptions">{plan.assumptions.map((a) => <li>{a}</li>)}</ul>
      </details>
    </div>
  );
}
