/**
 * `estimate-memory fits --gpu NAME [planner flags] [--json|--format csv|markdown] [--top N]`: plans every shipped
 * model (catalog/, no network) with the given planner flags and lists those that fit, largest first, with the
 * largest batch and context that still fit. `--json` prints one full result per fitting model (JSON Lines).
 */
import { estimate, type EstimateResult, type Library } from "../core/estimate.js";
import { UsageError } from "../core/errors.js";
import type { PlanOptions } from "../core/plan/types.js";
import { createAsciiTable } from "../core/format/ascii-table.js";
import { catalogIndex, readCatalogConfig } from "../hub/catalog.js";
import { csvHeader, csvLines, markdownHeader, markdownLines, type Format } from "./batch.js";
import { binaryBytes } from "./plan-cli.js";

export interface FitsRequest {
  readonly plan: PlanOptions;
  readonly format: Format;
  readonly top?: number;
}

export interface FitsOutcome {
  readonly fitting: readonly EstimateResult[];
  readonly planned: number;
  /** Shipped models the planner could not plan (unsupported class, a config it refuses). */
  readonly skipped: number;
  /** Models that would fit but whose max_position_embeddings is shorter than the requested --seq-len. */
  readonly tooShort: number;
  /** Image models left out because --seq-len was given (a context length means nothing to them). */
  readonly notSequence: number;
}

/** Plans each shipped model; keeps those whose plan fits, largest (parameters) first. */
export function shippedModelsThatFit(plan: PlanOptions): FitsOutcome {
  if (!plan.gpu) throw new UsageError("fits needs --gpu NAME (see --list-gpus)");
  const fitting: EstimateResult[] = [];
  let planned = 0;
  let skipped = 0;
  let tooShort = 0;
  let notSequence = 0;
  for (const id of Object.keys(catalogIndex().models).sort()) {
    const shipped = readCatalogConfig(id);
    if (!shipped) continue;
    let result: EstimateResult;
    try {
      result = estimate(shipped.config, { model: id, library: shipped.entry.library as Library, plan });
    } catch (error) {
      // A bad combination of flags is the user's error, whatever the model; anything else: this model is skipped.
      if (error instanceof UsageError && !/lora-targets/.test(error.message)) throw error;
      skipped++;
      continue;
    }
    planned++;
    if (!result.plan?.fits) continue;
    // A model made for a shorter context does not answer a question about this one.
    if (result.plan.warnings.some((w) => w.includes("max_position_embeddings"))) tooShort++;
    else if (plan.seqLen !== undefined && (result.library === "timm" || result.plan.settings.imageSize !== undefined)) notSequence++;
    else fitting.push(result);
  }
  fitting.sort((a, b) => (b.plan?.parameters ?? 0) - (a.plan?.parameters ?? 0) || a.model.localeCompare(b.model));
  return { fitting, planned, skipped, tooShort, notSequence };
}

export function renderFits(outcome: FitsOutcome, request: FitsRequest): string[] {
  const rows = request.top !== undefined ? outcome.fitting.slice(0, request.top) : outcome.fitting;
  switch (request.format) {
    case "json":
      return rows.map((r) => JSON.stringify(r));
    case "csv":
      return [csvHeader(undefined, true), ...rows.flatMap((r) => csvLines({ model: r.model, results: [r] }, undefined, true))];
    case "markdown":
      return [markdownHeader(true), ...rows.flatMap((r) => markdownLines({ model: r.model, results: [r] }, true))];
    case "table": {
      const first = rows[0]?.plan;
      const title = first?.gpu ? `Shipped models that fit ${first.gpu.name}` : "Shipped models that fit";
      const table = createAsciiTable(
        ["model", "parameters", "peak", "max batch", "max context"],
        rows.map((r) => {
          const p = r.plan;
          return [
            r.model,
            (p?.parameters ?? r.parameters).toLocaleString("en-US"),
            p ? binaryBytes(p.totalBytes) : "",
            String(p?.maxBatchSize ?? "not modelled"),
            p?.maxSeqLen === null || p?.maxSeqLen === undefined ? "n/a" : String(p.maxSeqLen),
          ];
        }),
        title,
      );
      const notes = [
        outcome.tooShort ? `${outcome.tooShort} more fit but take fewer positions than the planned sequence length` : "",
        outcome.notSequence ? `${outcome.notSequence} image models left out: --seq-len given` : "",
        outcome.skipped ? `${outcome.skipped} could not be planned` : "",
      ].filter(Boolean);
      return [rows.length ? table : "no shipped model fits", `${outcome.fitting.length} of ${outcome.planned} planned models fit${notes.length ? ` (${notes.join("; ")})` : ""}`];
    }
  }
}
