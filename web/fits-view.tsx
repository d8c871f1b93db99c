// "What can I run?": a GPU (or a memory size) and a use; the shipped models that fit, largest first, with the
// largest batch and context. The engine is src/app/fits.ts (the CLI's `fits` too); the configs are fetched in
// one file when this view opens.
import { useEffect, useMemo, useState } from "preact/hooks";
import { modelsThatFit, parseMemorySize, type FitRow, type FitsAnswer, type FitsEntry } from "../src/app/fits.js";
import { convertBytes } from "../src/core/format/convert-bytes.js";
import { TRAIN_METHODS, type PlanOptions, type TrainMethod } from "../src/core/plan/types.js";
import { GpuPicker } from "./planner.js";
import type { PlannerState } from "./planner-state.js";
import { shortCount } from "./model-search.js";

let bundle: Promise<FitsEntry[]> | undefined;
const loadBundle = (base: string) => (bundle ??= fetch(`${base}catalog/bundle.json`).then((r) => r.json() as Promise<FitsEntry[]>));

type Use = "inference" | TrainMethod;
const USE_LABELS: Record<Use, string> = { inference: "Inference", full: "Full fine-tuning", lora: "LoRA", qlora: "QLoRA" };
type SortKey = "parameters" | "totalBytes" | "maxBatchSize" | "maxSeqLen" | "id";
const COLUMNS: readonly [SortKey, string][] = [["id", "Model"], ["parameters", "Parameters"], ["totalBytes", "Memory"], ["maxBatchSize", "Max batch"], ["maxSeqLen", "Max context"]];

/** Opened with the planner's GPU, use and context when it has them (the question the user was asking). */
export function FitsView({ base, planner, onAsk }: { base: string; planner: PlannerState; onAsk: (asked: PlannerState) => void }) {
  const [gpu, setGpu] = useState(planner.values.gpu || "RTX 4090 24GB");
  const [memory, setMemory] = useState("");
  const [use, setUse] = useState<Use>(planner.mode === "weights" ? "inference" : planner.mode);
  const [seqLen, setSeqLen] = useState(planner.values.seqLen || "4096");
  const [state, setState] = useState<{ kind: "idle" } | { kind: "busy"; done: number; of: number } | { kind: "error"; message: string } | { kind: "done"; answer: FitsAnswer; what: string }>({ kind: "idle" });
  const [family, setFamily] = useState("");
  const [library, setLibrary] = useState("");
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: "parameters", desc: true });

  const run = async () => {
    const typed = memory.trim() ? parseMemorySize(memory) : undefined;
    if (memory.trim() && typed === undefined) return setState({ kind: "error", message: `"${memory}" is not a memory size (try 24, 24GB, 80 GiB)` });
    if (!typed && !gpu) return setState({ kind: "error", message: "Pick a GPU or type a memory size." });
    const seq = Number(seqLen);
    if (!Number.isSafeInteger(seq) || seq < 1) return setState({ kind: "error", message: "The context length must be a positive integer." });
    setState({ kind: "busy", done: 0, of: 0 });
    // The question goes into the link in the planner's words (`view=fits&inference=1&seq-len=4096&gpu=…`).
    onAsk({ mode: use, values: { ...planner.values, seqLen: String(seq), gpu: typed ? "" : gpu } });
    const plan: PlanOptions = { ...(use === "inference" ? { inference: true } : { train: use }), seqLen: seq, ...(typed ? {} : { gpu }) };
    try {
      const entries = await loadBundle(base);
      // Every 10 models the browser gets to paint (and show how far the planning is).
      const progress = (done: number) => (done % 10 === 0 ? new Promise<void>((resolve) => (setState({ kind: "busy", done, of: entries.length }), setTimeout(resolve, 0))) : undefined);
      const answer = await modelsThatFit(entries, plan, { progress, ...(typed ? { memoryBytes: typed, searchCap: 1 << 17 } : {}) });
      setState({ kind: "done", answer, what: `${USE_LABELS[use]} at ${seq.toLocaleString("en-US")} tokens on ${typed ? convertBytes(typed, true) : gpu}` });
    } catch (e) {
      setState({ kind: "error", message: (e as Error).message });
    }
  };

  // A shared link that asks a question (a use and a GPU) is answered on opening.
  useEffect(() => {
    if (planner.mode !== "weights" && planner.values.gpu) void run();
  }, []);

  const rows = useMemo(() => {
    if (state.kind !== "done") return [];
    const list = state.answer.fits.filter((r) => (!family || r.family === family) && (!library || r.library === library));
    const k = sort.key;
    const cmp = (a: FitRow, b: FitRow) => (k === "id" ? a.id.localeCompare(b.id) : (a[k] as number) - (b[k] as number));
    return [...list].sort((a, b) => (sort.desc ? -cmp(a, b) : cmp(a, b)));
  }, [state, family, library, sort]);
  const families = state.kind === "done" ? [...new Set(state.answer.fits.map((r) => r.family))].sort() : [];
  const libraries = state.kind === "done" ? [...new Set(state.answer.fits.map((r) => r.library ?? ""))].filter(Boolean).sort() : [];

  return (
    <section aria-labelledby="h-fits" class="fits">
      <h2 id="h-fits">What can I run?</h2>
      <form class="fits-form" onSubmit={(e) => (e.preventDefault(), void run())}>
        <GpuPicker value={gpu} onChange={setGpu} idPrefix="fits" />
        <label>
          or a memory size
          <input data-testid="fits-memory" value={memory} placeholder="e.g. 24GB" autoComplete="off" spellcheck={false} onInput={(e) => setMemory((e.target as HTMLInputElement).value)} />
        </label>
        <label>
          Use
          <select data-testid="fits-use" value={use} onChange={(e) => setUse((e.target as HTMLSelectElement).value as Use)}>
            {(["inference", ...TRAIN_METHODS] as Use[]).map((u) => <option value={u}>{USE_LABELS[u]}</option>)}
          </select>
        </label>
        <label>
          Context (tokens)
          <input type="number" min={1} step={1} data-testid="fits-seq-len" value={seqLen} onInput={(e) => setSeqLen((e.target as HTMLInputElement).value)} />
        </label>
        <button type="submit" data-testid="fits-run" disabled={state.kind === "busy"}>List the models that fit</button>
      </form>
      {state.kind === "busy" && <p class="note" role="status">Planning every shipped model{state.of ? ` (${state.done} of ${state.of})` : ""}…</p>}
      {state.kind === "error" && <p class="error" role="alert" data-testid="fits-error">{state.message}</p>}
      {state.kind === "done" && (
        <>
          <p role="status" data-testid="fits-summary">
            {state.answer.fits.length} shipped models fit ({state.what}); {state.answer.tooBig} do not{state.answer.skipped.length ? `; ${state.answer.skipped.length} cannot be planned for this use` : ""}.
          </p>
          <div class="filters">
            <label>
              Family
              <select data-testid="fits-family" value={family} onChange={(e) => setFamily((e.target as HTMLSelectElement).value)}>
                <option value="">all</option>
                {families.map((f) => <option value={f}>{f}</option>)}
              </select>
            </label>
            <label>
              Library
              <select data-testid="fits-library" value={library} onChange={(e) => setLibrary((e.target as HTMLSelectElement).value)}>
                <option value="">all</option>
                {libraries.map((f) => <option value={f}>{f}</option>)}
              </select>
            </label>
          </div>
          <div class="table-scroll">
            <table class="grid" data-testid="fits-table">
              <caption>Models that fit, {rows.length} shown</caption>
              <thead>
                <tr>
                  {COLUMNS.map(([k, label]) => (
                    <th scope="col" aria-sort={sort.key === k ? (sort.desc ? "descending" : "ascending") : undefined}>
                      <button type="button" class="sort" data-testid={`sort-${k}`} onClick={() => setSort({ key: k, desc: sort.key === k ? !sort.desc : k !== "id" })}>
                        {label}<span aria-hidden="true">{sort.key === k ? (sort.desc ? " ▼" : " ▲") : ""}</span>
                      </button>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr data-model={r.id}>
                    <th scope="row"><a href={`?model=${encodeURIComponent(r.id)}`}>{r.id}</a> <span class="badge">{r.family}</span></th>
                    <td data-col="parameters" data-value={r.parameters}>{shortCount(r.parameters)}</td>
                    <td>{convertBytes(r.totalBytes, true)}</td>
                    <td data-col="max-batch">{r.maxBatchSize.toLocaleString("en-US")}</td>
                    <td data-col="max-context">{r.maxSeqLen.toLocaleString("en-US")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
