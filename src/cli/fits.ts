/**
 * `estimate-memory fits --gpu NAME [planner flags] [--json|--format csv|markdown] [--top N]`: plans every shipped
 * model (catalog/, no network) with the given planner flags and lists those that fit, largest first, with the
 * largest batch and context that still fit. `--json` prints one full result per fitting model (JSON Lines).
 */
import type { Library } from "../core/estimate.js";
import { timmNameFromId } from "../hub/model-ref.js";
import { modelsThatFit, type FitsAnswer, type FitsEntry } from "../app/fits.js";
import type { PlanOptions } from "../core/plan/types.js";
import { createAsciiTable } from "../core/format/ascii-table.js";
import { catalogIndex, readCatalogConfig } from "../hub-node/catalog.js";
import { csvHeader, csvLines, markdownHeader, markdownLines, type Format } from "./batch.js";
import { binaryBytes } from "./plan-cli.js";

export interface FitsRequest {
  readonly plan: PlanOptions;
  readonly format: Format;
  readonly top?: number;
}

/** Plans each shipped model (the page's engine, src/app/fits.ts); keeps those that fit, largest first. */
export async function shippedModelsThatFit(plan: PlanOptions): Promise<FitsAnswer> {
  const entries = function* (): Generator<FitsEntry> {
    for (const id of Object.keys(catalogIndex().models).sort()) {
      const shipped = readCatalogConfig(id);
      if (!shipped) continue;
      const timmModelName = shipped.entry.library === "timm" ? timmNameFromId(id) : undefined;
      yield { id, config: shipped.config, library: shipped.entry.library as Library, ...(timmModelName ? { timmModelName } : {}) };
    }
  };
  return modelsThatFit(entries(), plan);
}

export function renderFits(outcome: FitsAnswer, request: FitsRequest): string[] {
  const fitting = outcome.fits.map((f) => f.result);
  const rows = request.top !== undefined ? fitting.slice(0, request.top) : fitting;
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
        outcome.skipped.length ? `${outcome.skipped.length} could not be planned` : "",
      ].filter(Boolean);
      const planned = outcome.fits.length + outcome.tooBig + outcome.tooShort + outcome.notSequence;
      return [rows.length ? table : "no shipped model fits", `${outcome.fits.length} of ${planned} planned models fit${notes.length ? ` (${notes.join("; ")})` : ""}`];
    }
  }
}
