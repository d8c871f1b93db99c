import type { EstimateResult } from "../estimate.js";
import { convertBytes } from "./convert-bytes.js";

/**
 * The lines under a pipeline's table: one per component (name, library and class, parameters, float32 size,
 * largest layer), then one per component left out of the sums.
 */
export function renderComponents(result: EstimateResult): string {
  const rows = (result.components ?? []).map((c) => [
    c.name,
    `${c.library} ${c.modelClass}`,
    `${c.parameters.toLocaleString("en-US")} parameters`,
    `${convertBytes(c.totalBytes)} (float32)`,
    `largest layer ${convertBytes(c.largestLayer.bytes)}`,
  ]);
  const skipped = (result.skipped ?? []).map((s) => [s.name, `${s.library} ${s.modelClass}`, "NOT COUNTED", s.reason]);
  const all = [...rows, ...skipped];
  const widths = all.reduce<number[]>((w, r) => r.map((cell, i) => Math.max(w[i] ?? 0, cell.length)), []);
  const lines = all.map((r) => `  ${r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join("  ")}`);
  const header = result.partial ? "Components (partial: the totals leave out the components marked NOT COUNTED):" : "Components:";
  return [header, ...lines].join("\n");
}
