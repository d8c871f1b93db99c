// Up to four models side by side (`/?model=a&model=b`): one table, one chart, the planner's settings for all.
import { useEffect, useState } from "preact/hooks";
import { estimateConfig } from "../src/app/estimate.js";
import { errorMessage } from "../src/app/option-names.js";
import type { EstimateResult } from "../src/core/estimate.js";
import { convertBytes } from "../src/core/format/convert-bytes.js";
import type { PlanOptions } from "../src/core/plan/types.js";
import { planOptionsOf, type PlannerState } from "./planner-state.js";
import { resolveInBrowser } from "./resolve.js";
import { StackedBars } from "./svg-chart.js";

type Row = { id: string; result: EstimateResult } | { id: string; error: string };
const bytes = (n: number) => convertBytes(n, true);

const PARTS = [
  ["weightsBytes", "Weights", "var(--c-weights)"],
  ["kvCacheBytes", "KV cache", "var(--c-kv)"],
  ["activationBytes", "Activations", "var(--c-act)"],
  ["gradientBytes", "Gradients", "var(--c-grad)"],
  ["optimizerBytes", "Optimizer", "var(--c-opt)"],
  ["overheadBytes", "Overhead", "var(--c-over)"],
] as const;

export function CompareView(props: { models: readonly string[]; planner: PlannerState; base: string; hubUrl: string; token: string; onRemove: (id: string) => void }) {
  const [rows, setRows] = useState<Row[] | undefined>(undefined);
  let plan: PlanOptions | undefined;
  let planError: string | undefined;
  try {
    // Weights only compares inference at the defaults, so that the chart has a breakdown to show.
    plan = planOptionsOf(props.planner) ?? { inference: true, ...(props.planner.values.gpu ? { gpu: props.planner.values.gpu } : {}) };
  } catch (e) {
    planError = errorMessage(e, "query").split("\n")[0];
  }
  const key = JSON.stringify([props.models, plan]);
  useEffect(() => {
    if (!plan) return;
    let live = true;
    void Promise.all(
      props.models.map(async (id): Promise<Row> => {
        try {
          const resolved = await resolveInBrowser(id, { base: props.base, hubUrl: props.hubUrl, ...(props.token ? { token: props.token } : {}) });
          const result = await estimateConfig(resolved.config, {
            model: resolved.id,
            dtypes: ["float32", "float16"],
            plan: plan as PlanOptions,
            ...(resolved.library ? { library: resolved.library } : {}),
            ...(resolved.timmModelName ? { timmModelName: resolved.timmModelName } : {}),
          });
          return { id, result };
        } catch (e) {
          return { id, error: errorMessage(e, "query").split("\n")[0] ?? "failed" };
        }
      }),
    ).then((r) => live && setRows(r));
    return () => {
      live = false;
    };
  }, [key]);
  if (planError) return <p class="error" role="alert">{planError}</p>;
  if (!rows) return <p class="note">Computing {props.models.length} models…</p>;
  const done = rows.filter((r): r is { id: string; result: EstimateResult } => "result" in r);
  const gpu = done.find((r) => r.result.plan?.gpu)?.result.plan?.gpu;
  return (
    <div data-testid="compare">
      <div class="table-scroll">
        <table class="grid" data-testid="compare-table">
          <caption>{plan?.train ? `Training (${plan.train})` : "Inference"}{gpu ? ` on ${gpu.name}` : ""}, per GPU</caption>
          <thead>
            <tr>
              <th scope="col">Model</th>
              <th scope="col">Parameters</th>
              <th scope="col">float16 weights</th>
              <th scope="col">Planned total</th>
              {gpu && <th scope="col">Fits</th>}
              {gpu && <th scope="col">Max batch</th>}
              {gpu && <th scope="col">Max context</th>}
              <th scope="col"><span class="sr-only">Remove</span></th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) =>
              "error" in r ? (
                <tr data-model={r.id}>
                  <th scope="row">{r.id}</th>
                  <td colSpan={gpu ? 6 : 3} class="error">{r.error}</td>
                  <td><button type="button" class="link" onClick={() => props.onRemove(r.id)} aria-label={`Remove ${r.id}`}>✕</button></td>
                </tr>
              ) : (
                <tr data-model={r.id}>
                  <th scope="row">{r.id}</th>
                  <td data-col="parameters">{r.result.parameters.toLocaleString("en-US")}</td>
                  <td data-col="fp16">{r.result.rows.find((x) => x.dtype === "float16")?.display.total}</td>
                  <td data-col="total">{r.result.plan ? bytes(r.result.plan.totalBytes) : "—"}</td>
                  {gpu && <td data-col="fits">{r.result.plan?.fits ? "yes" : "no"}</td>}
                  {gpu && <td>{r.result.plan?.maxBatchSize ?? "—"}</td>}
                  {gpu && <td>{r.result.plan?.maxSeqLen?.toLocaleString("en-US") ?? "—"}</td>}
                  <td><button type="button" class="link" onClick={() => props.onRemove(r.id)} aria-label={`Remove ${r.id}`}>✕</button></td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>
      <StackedBars
        testid="compare-chart"
        title="Planned memory per GPU"
        bars={done.filter((r) => r.result.plan).map((r) => ({
          label: r.result.model,
          parts: PARTS.filter(([k]) => (r.result.plan?.[k] ?? 0) > 0).map(([k, label, color]) => ({ key: k, label, color, bytes: r.result.plan?.[k] ?? 0 })),
        }))}
        {...(gpu ? { limit: { label: gpu.name, bytes: gpu.memoryBytes } } : {})}
      />
    </div>
  );
}
