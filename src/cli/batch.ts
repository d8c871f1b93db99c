import { readFileSync } from "node:fs";
import type { EstimateResult } from "../core/estimate.js";
import { TABLE_DTYPES, type TableDType } from "../core/measure/table-rows.js";
import { UsageError } from "../core/errors.js";

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

export function csvHeader(dtypes: readonly TableDType[] = TABLE_DTYPES): string {
  const perDtype = dtypes.flatMap((d) => [`${d}_largest_layer_bytes`, `${d}_total_bytes`, `${d}_training_bytes`]);
  return ["model", "library", "model_class", "source", "parameters", "buffer_bytes", "total_bytes", "largest_layer_bytes", "largest_layer_names", ...perDtype, "error"].join(",");
}

/** One CSV line per result (errors get a line with only `model` and `error`). */
export function csvLines(outcome: Outcome, dtypes: readonly TableDType[] = TABLE_DTYPES): string[] {
  if ("error" in outcome) return [[csvCell(outcome.model), ...Array(8 + dtypes.length * 3).fill(""), csvCell(outcome.error)].join(",")];
  return outcome.results.map((r) => {
    const byDtype = new Map(r.rows.map((row) => [row.dtype, row]));
    const perDtype = dtypes.flatMap((d) => {
      const row = byDtype.get(d);
      return [row?.largestLayerBytes, row?.totalBytes, row?.trainingBytes];
    });
    return [r.model, r.library, r.modelClass, r.source, r.parameters, r.bufferBytes, r.totalBytes, r.largestLayer.bytes, r.largestLayer.names.join(" "), ...perDtype, ""]
      .map(csvCell)
      .join(",");
  });
}

function mdCell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

export const MARKDOWN_HEADER = "| Model | Parameters | dtype | Largest Layer | Total Size | Training using Adam |\n|:--|--:|:--|--:|--:|--:|";

/** Markdown rows: one per model and dtype, with accelerate's formatted sizes; an error spans the row. */
export function markdownLines(outcome: Outcome): string[] {
  if ("error" in outcome) return [`| ${mdCell(outcome.model)} | error: ${mdCell(outcome.error)} | | | | |`];
  return outcome.results.flatMap((r) =>
    r.rows.map((row, i) => `| ${i === 0 ? mdCell(r.model) : ""} | ${i === 0 ? r.parameters.toLocaleString("en-US") : ""} | ${row.dtype} | ${row.display.largestLayer} | ${row.display.total} | ${row.display.training} |`),
  );
}
