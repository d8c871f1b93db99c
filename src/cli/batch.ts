import { readFileSync } from "node:fs";
import type { EstimateResult } from "../core/estimate.js";
import { TABLE_DTYPES, type TableDType } from "../core/measure/table-rows.js";
import { UsageError } from "../core/errors.js";
import type { Plan } from "../core/plan/types.js";
import { binaryBytes } from "./plan-cli.js";

/** The outcome for one MODEL argument: its results (several for a multi-file GGUF repo) or its error line. */
export type Outcome =
  // `partialErrors`: a pipeline whose figures leave components out (printed, and counted as a failure).
  | { readonly model: string; readonly results: readonly EstimateResult[]; readonly partialErrors?: readonly string[] }
  | { readonly model: string; readonly error: string };

export const FORMATS = ["table", "json", "csv", "markdown"] as const;
export type Format = (typeof FORMATS)[number];

/** `--from-file`: one id per line; blank lines and `#` comments (whole-line or trailing) are skipped. */
export function readModelList(path: string): string[] {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new UsageError(`cannot read the model list ${path}`);
  }
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/(^|\s)#.*$/, "").trim())
    .filter((line) => line !== "");
}

/**
 * Runs `fn` over `items` with at most `limit` at once, handing each outcome to `emit` in input order as soon
 * as it and all before it are done (output streams in order while Hub requests overlap).
 */
export async function mapInOrder<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>, emit: (result: R, index: number) => void): Promise<void> {
  const done = new Map<number, R>();
  let next = 0;
  let emitted = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      done.set(index, await fn(items[index] as T));
      while (done.has(emitted)) {
        emit(done.get(emitted) as R, emitted);
        done.delete(emitted);
        emitted++;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The plan's columns, added to csv and markdown output when planner flags are given. */
const PLAN_COLUMNS = [
  "plan_mode",
  "plan_model_class",
  "plan_parameters",
  "plan_weights_bytes",
  "plan_kv_cache_bytes",
  "plan_activation_bytes",
  "plan_gradient_bytes",
  "plan_optimizer_bytes",
  "plan_overhead_bytes",
  "plan_total_bytes",
  "plan_peak_phase",
  "plan_gpu",
  "plan_fits",
  "plan_gpus_needed",
  "plan_max_batch_size",
  "plan_max_seq_len",
] as const;

function planCells(plan: Plan | undefined): (string | number | null | undefined)[] {
  if (!plan) return PLAN_COLUMNS.map(() => "");
  const search = (v: number | null | undefined) => (v === null ? "not modelled" : v);
  return [
    plan.mode,
    plan.modelClass,
    plan.parameters,
    plan.weightsBytes,
    plan.kvCacheBytes,
    plan.activationBytes,
    plan.gradientBytes,
    plan.optimizerBytes,
    plan.overheadBytes,
    plan.totalBytes,
    plan.peakPhase,
    plan.gpu?.name,
    plan.fits === undefined ? undefined : String(plan.fits),
    plan.gpusNeeded,
    plan.gpu ? search(plan.maxBatchSize) : undefined,
    plan.gpu ? (plan.maxSeqLen === null ? "" : plan.maxSeqLen) : undefined,
  ];
}

export function csvHeader(dtypes: readonly TableDType[] = TABLE_DTYPES, planned = false): string {
  const perDtype = dtypes.flatMap((d) => [`${d}_largest_layer_bytes`, `${d}_total_bytes`, `${d}_training_bytes`]);
  return ["model", "library", "model_class", "source", "parameters", "buffer_bytes", "total_bytes", "largest_layer_bytes", "largest_layer_names", ...perDtype, ...(planned ? PLAN_COLUMNS : []), "error"].join(",");
}

/** One CSV line per result (errors get a line with only `model` and `error`). */
export function csvLines(outcome: Outcome, dtypes: readonly TableDType[] = TABLE_DTYPES, planned = false): string[] {
  const planWidth = planned ? PLAN_COLUMNS.length : 0;
  if ("error" in outcome) return [[csvCell(outcome.model), ...Array(8 + dtypes.length * 3 + planWidth).fill(""), csvCell(outcome.error)].join(",")];
  return outcome.results.map((r) => {
    const byDtype = new Map(r.rows.map((row) => [row.dtype, row]));
    const perDtype = dtypes.flatMap((d) => {
      const row = byDtype.get(d);
      return [row?.largestLayerBytes, row?.totalBytes, row?.trainingBytes];
    });
    return [r.model, r.library, r.modelClass, r.source, r.parameters, r.bufferBytes, r.totalBytes, r.largestLayer.bytes, r.largestLayer.names.join(" "), ...perDtype, ...(planned ? planCells(r.plan) : []), ""]
      .map(csvCell)
      .join(",");
  });
}

function mdCell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

export const MARKDOWN_HEADER = "| Model | Parameters | dtype | Largest Layer | Total Size | Training using Adam |\n|:--|--:|:--|--:|--:|--:|";
const MARKDOWN_PLAN_HEADER = " Plan | Weights | KV cache | Activations | Peak (phase) | Fits | Max batch | Max context |";

export function markdownHeader(planned = false): string {
  if (!planned) return MARKDOWN_HEADER;
  const [head, rule] = MARKDOWN_HEADER.split("\n") as [string, string];
  return `${head}${MARKDOWN_PLAN_HEADER}\n${rule}:--|--:|--:|--:|--:|:--|--:|--:|`;
}

function planMarkdown(plan: Plan | undefined): string {
  if (!plan) return " | | | | | | | |";
  const fit = plan.gpu ? (plan.fits ? "yes" : "no") : "";
  const batch = plan.gpu ? String(plan.maxBatchSize ?? "not modelled") : "";
  const context = plan.gpu ? String(plan.maxSeqLen ?? "") : "";
  return ` ${plan.mode} | ${binaryBytes(plan.weightsBytes)} | ${binaryBytes(plan.kvCacheBytes)} | ${binaryBytes(plan.activationBytes)} | ${binaryBytes(plan.totalBytes)} (${plan.peakPhase}) | ${fit} | ${batch} | ${context} |`;
}

/** Markdown rows: one per model and dtype, with accelerate's formatted sizes (and the plan, on the first row); an error spans the row. */
export function markdownLines(outcome: Outcome, planned = false): string[] {
  const blankPlan = planned ? " | | | | | | | |" : "";
  if ("error" in outcome) return [`| ${mdCell(outcome.model)} | error: ${mdCell(outcome.error)} | | | | |${blankPlan}`];
  return outcome.results.flatMap((r) =>
    r.rows.map(
      (row, i) =>
        `| ${i === 0 ? mdCell(r.model) : ""} | ${i === 0 ? r.parameters.toLocaleString("en-US") : ""} | ${row.dtype} | ${row.display.largestLayer} | ${row.display.total} | ${row.display.training} |${
          planned ? (i === 0 ? planMarkdown(r.plan) : blankPlan) : ""
        }`,
    ),
  );
}
