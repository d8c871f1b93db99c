// Memory against context length (where the KV cache overtakes the weights) and against batch size, for the model
// shown and the planner's settings, with the GPU's memory as a line. A chunk of its own, loaded with the result.
import { useMemo } from "preact/hooks";
import { estimateLoaded } from "../src/app/estimate.js";
import { errorMessage } from "../src/app/option-names.js";
import type { Plan, PlanOptions } from "../src/core/plan/types.js";
import type { Loaded } from "./app.js";
import { planOptionsOf, type PlannerState } from "./planner-state.js";
import { LineChart, type Series } from "./svg-chart.js";

const PARTS = [
  ["weights", "weightsBytes", "Weights", "var(--c-weights)"],
  ["kv", "kvCacheBytes", "KV cache", "var(--c-kv)"],
  ["act", "activationBytes", "Activations", "var(--c-act)"],
  ["grad", "gradientBytes", "Gradients", "var(--c-grad)"],
  ["opt", "optimizerBytes", "Optimizer", "var(--c-opt)"],
] as const;

function series(plans: readonly Plan[]): Series[] {
  const out: Series[] = PARTS.filter(([, k]) => plans.some((p) => p[k] > 0)).map(([key, k, label, color]) => ({ key, label, color, values: plans.map((p) => p[k]) }));
  out.push({ key: "total", label: "Total", color: "var(--fg)", values: plans.map((p) => p.totalBytes), dashed: true });
  return out;
}

export function PlotsView({ loaded, planner }: { loaded: Loaded; planner: PlannerState }) {
  const answer = useMemo(() => {
    try {
      // Weights only has no plan: the plots show inference at the planner's defaults.
      const base: PlanOptions = planOptionsOf(planner) ?? { inference: true, ...(planner.values.gpu ? { gpu: planner.values.gpu } : {}) };
      const planWith = (over: PlanOptions) => {
        const r = estimateLoaded(loaded.resolved.config, {
          model: loaded.resolved.id,
          dtypes: ["float32"],
          plan: { ...base, ...over },
          ...(loaded.library ? { library: loaded.library } : {}),
          ...(loaded.resolved.timmModelName ? { timmModelName: loaded.resolved.timmModelName } : {}),
        });
        if (!r.plan) throw new Error("no plan for this model");
        return r.plan;
      };
      const config = loaded.resolved.config as Record<string, unknown>;
      const positions = typeof config.max_position_embeddings === "number" ? config.max_position_embeddings : 131072;
      const seqs: number[] = [];
      for (let n = 512; n <= Math.min(positions, 131072); n *= 2) seqs.push(n);
      if (seqs.length < 2) seqs.splice(0, seqs.length, 128, 256, 512);
      const batches = [1, 2, 4, 8, 16, 32, 64];
      const bySeq = seqs.map((n) => planWith({ seqLen: n }));
      const byBatch = batches.map((n) => planWith({ batchSize: n }));
      return { seqs, batches, bySeq, byBatch, batch: base.batchSize ?? 1, seq: base.seqLen ?? 2048 };
    } catch (e) {
      return { error: errorMessage(e, "query").split("\n")[0] ?? "failed" };
    }
  }, [loaded, planner]);
  if ("error" in answer) return <p class="note" data-testid="plots-error">No plots: {answer.error}</p>;
  const gpu = answer.bySeq[0]?.gpu;
  const limit = gpu ? { label: `${gpu.name} (${(answer.bySeq[0]?.parallel?.gpus ?? 1) > 1 ? "per GPU" : "memory"})`, bytes: gpu.memoryBytes } : undefined;
  const cross = answer.bySeq.findIndex((p) => p.kvCacheBytes > p.weightsBytes);
  const marker = cross >= 0 ? { index: cross, label: `The KV cache outweighs the weights from ${answer.seqs[cross]?.toLocaleString("en-US")} tokens on (batch ${answer.batch}).` } : undefined;
  return (
    <div class="plots">
      <LineChart testid="plot-context" title={`Memory against context length (batch ${answer.batch})`} xLabel="context length (tokens)" xs={answer.seqs} series={series(answer.bySeq)} {...(limit ? { limit } : {})} {...(marker ? { marker } : {})} />
      <LineChart testid="plot-batch" title={`Memory against batch size (${answer.seq.toLocaleString("en-US")} tokens)`} xLabel="batch size" xs={answer.batches} series={series(answer.byBatch)} {...(limit ? { limit } : {})} />
      {!marker && answer.bySeq.some((p) => p.kvCacheBytes > 0) && <p class="note small" data-testid="crossover-note">The KV cache stays under the weights up to {answer.seqs[answer.seqs.length - 1]?.toLocaleString("en-US")} tokens.</p>}
    </div>
  );
}
