// The planner on the page: can-it-run-llm's question (what fits on which GPU) answered by the same Planner the
// CLI runs, with its state in the URL (planner-state.ts).
import { useMemo, useState } from "preact/hooks";
import { convertBytes } from "../src/core/format/convert-bytes.js";
import { GPU_CATALOG, type GpuSpec } from "../src/core/plan/gpu-catalog.js";
import { PLAN_OPTION_TABLE, type PlanOptionDef, type PlanOptionKey } from "../src/core/plan/options.js";
import type { Plan } from "../src/core/plan/types.js";
import { controlsFor, defaultText, isTraining, MODE_LABELS, MODES, type Mode, type PlannerState } from "./planner-state.js";

export { cliFlags, planOptionsOf, plannerParams, readPlanner, type PlannerState } from "./planner-state.js";

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");
const VENDORS: Record<string, string> = { nvidia: "NVIDIA", amd: "AMD", apple: "Apple", intel: "Intel", google: "Google TPU", aws: "AWS" };

export function GpuPicker({ value, onChange, idPrefix = "plan" }: { value: string; onChange: (name: string) => void; idPrefix?: string }) {
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
        gpu <span class="hint">({GPU_CATALOG.length} in the catalog)</span>
        <input type="search" data-testid={idPrefix === "plan" ? "gpu-filter" : `${idPrefix}-gpu-filter`} placeholder="Filter: 4090, H100, M3…" value={filter} autoComplete="off" spellcheck={false} aria-controls={`${idPrefix}-gpu-select`}
          onInput={(e) => {
            const text = (e.target as HTMLInputElement).value;
            setFilter(text);
            // One match left: pick it, as a search box should.
            const f = norm(text);
            const hits = f ? GPU_CATALOG.filter((g) => norm(`${g.name} ${g.vendor}`).includes(f)) : [];
            if (hits.length === 1 && hits[0]!.name !== value) onChange(hits[0]!.name);
          }} />
      </label>
      <select id={`${idPrefix}-gpu-select`} data-testid={idPrefix === "plan" ? "gpu" : `${idPrefix}-gpu`} aria-label={`GPU (${count} shown)`} value={value} onChange={(e) => onChange((e.target as HTMLSelectElement).value)}>
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

/** One control for one option of the table, chosen by the option's kind; its name is the CLI's and the link's. */
function OptionControl({ optionKey, value, onChange }: { optionKey: PlanOptionKey; value: string; onChange: (text: string) => void }) {
  const def: PlanOptionDef = PLAN_OPTION_TABLE[optionKey];
  const id = `opt-${def.name}`;
  const hint = `${id}-hint`;
  const fallback = defaultText(optionKey);
  // The description is the field's accessible description (and its tooltip); the visible label is the option's name.
  const about = <span class="sr-only" id={hint}>{def.description}</span>;
  if (def.kind === "gpu") return <GpuPicker value={value} onChange={onChange} />;
  if (def.kind === "switch") {
    return (
      <div class="opt opt-switch" title={def.description}>
        <label class="check">
          <input type="checkbox" data-testid={def.name} aria-describedby={hint} checked={value === "1"} onChange={(e) => onChange((e.target as HTMLInputElement).checked ? "1" : "")} />
          {def.name}
        </label>
        {about}
      </div>
    );
  }
  const choices: readonly (string | number)[] | undefined = def.kind === "choice" ? def.choices : def.kind === "integer" ? def.choices : undefined;
  if (choices) {
    return (
      <div class="opt" title={def.description}>
        <label for={id}>{def.name}</label>
        <select id={id} data-testid={def.name} aria-describedby={hint} value={value || fallback} onChange={(e) => onChange((e.target as HTMLSelectElement).value)}>
          {fallback === "" && <option value="">default</option>}
          {choices.map((c) => <option value={String(c)}>{String(c)}</option>)}
        </select>
        {about}
      </div>
    );
  }
  const numeric = def.kind === "integer" || def.kind === "number";
  return (
    <div class="opt" title={def.description}>
      <label for={id}>{def.name}</label>
      <input id={id} data-testid={def.name} aria-describedby={hint} value={value} placeholder={fallback || "default"} spellcheck={false} autoComplete="off"
        {...(numeric ? { type: "number", inputMode: def.kind === "integer" ? "numeric" : "decimal", min: def.min, step: def.kind === "integer" ? 1 : "any" } : { type: "text" })}
        list={optionKey === "seqLen" ? "seq-lens" : optionKey === "loraTargets" ? "lora-target-list" : undefined}
        onInput={(e) => onChange((e.target as HTMLInputElement).value)} />
      {about}
    </div>
  );
}

export function PlannerControls({ state, onChange }: { state: PlannerState; onChange: (s: PlannerState) => void }) {
  const m = state.mode;
  return (
    <fieldset class="planner-controls">
      <legend>Plan for a GPU</legend>
      <div class="opt">
        <label for="opt-mode">mode</label>
        <select id="opt-mode" data-testid="mode" value={m} onChange={(e) => onChange({ ...state, mode: (e.target as HTMLSelectElement).value as Mode })}>
          {MODES.map((x) => <option value={x}>{MODE_LABELS[x]}</option>)}
        </select>
      </div>
      {controlsFor(m).map((key) => (
        <OptionControl optionKey={key} value={state.values[key] ?? ""} onChange={(text) => onChange({ ...state, values: { ...state.values, [key]: text } })} />
      ))}
      <datalist id="seq-lens">
        {[512, 1024, 2048, 4096, 8192, 16384, 32768, 65536, 131072].map((n) => <option value={n} />)}
      </datalist>
      <datalist id="lora-target-list">
        <option value="all-linear" />
        <option value="q_proj,v_proj" />
        <option value="q_proj,k_proj,v_proj,o_proj" />
      </datalist>
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
  const how = isTraining(state.mode) && !state.values.zero && !state.values.fsdp ? " with ZeRO\u20113" : ""; // a non-breaking hyphen
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
