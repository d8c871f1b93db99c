// The planner on the page: can-it-run-llm's question (what fits on which GPU) answered by the same Planner the
// CLI runs, with its state in the URL (planner-state.ts).
import { useMemo, useState } from "preact/hooks";
import { convertBytes } from "../src/core/format/convert-bytes.js";
import { GPU_CATALOG, type GpuSpec } from "../src/core/plan/gpu-catalog.js";
import { PLAN_DTYPES, PRECISIONS, QUANTIZATIONS, ZERO_STAGES, type Plan, type PlanDType, type Precision, type Quantization } from "../src/core/plan/types.js";
import { isLora, isTraining, MODE_LABELS, MODES, PLANNER_DEFAULTS, positiveInt, type Mode, type PlannerState } from "./planner-state.js";

export { cliFlags, planOptionsOf, plannerParams, readPlanner, type PlannerState } from "./planner-state.js";

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
          <NumberField label="Context (tokens)" testid="seq-len" value={state.seqLen} list="seq-lens" onChange={(n) => set({ seqLen: n })} />
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
            {ZERO_STAGES.map((z) => <option value={String(z)}>ZeRO-{z}</option>)}
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
  const how = isTraining(state.mode) && !state.zero ? " with ZeRO\u20113" : ""; // a non-breaking hyphen
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
        {plan.gpu && <div><dt>Max batch size</dt><dd>{plan.maxBatchSize ?? "not modelled"}</dd></div>}
        {plan.gpu && <div><dt>Max context</dt><dd>{plan.maxSeqLen === null ? (plan.activations?.modelled ? "n/a (image model)" : "not modelled") : plan.maxSeqLen?.toLocaleString("en-US")}</dd></div>}
        <div><dt>Peak phase</dt><dd>{plan.peakPhase}</dd></div>
        {plan.kvCache && plan.mode === "inference" && <div><dt>KV cache</dt><dd title={plan.kvCache.formula}>{plan.kvCache.variant}</dd></div>}
      </dl>
      <details>
        <summary>Assumptions</summary>
        <ul class="assumptions">{plan.assumptions.map((a) => <li>{a}</li>)}</ul>
      </details>
    </div>
  );
}
