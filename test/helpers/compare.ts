import { estimate } from "../../src/core/estimate-all.js";
import type { EstimateResult } from "../../src/core/estimate.js";
import type { ReferenceRecord } from "./reference.js";
import { moduleSize } from "../../src/core/measure/sizes.js";
import { buildTimm, buildTransformers } from "../../src/core/estimate-all.js";
import type { Module } from "../../src/core/modules/module.js";
import { timmNameFromId } from "../../src/hub/model-ref.js";

export function estimateRecord(r: ReferenceRecord): EstimateResult {
  return estimate(r.config, { model: r.id, library: r.library, timmModelName: timmNameFromId(r.id) });
}

/** The differences between our result and the record, empty when exact. */
export function differences(r: ReferenceRecord, result: EstimateResult): string[] {
  const e = r.expected;
  const diffs: string[] = [];
  const check = (what: string, ours: unknown, theirs: unknown) => {
    if (JSON.stringify(ours) !== JSON.stringify(theirs)) diffs.push(`${what}: ours ${JSON.stringify(ours)} vs ${JSON.stringify(theirs)}`);
  };
  check("model_class", result.modelClass, e.model_class);
  check("param_count", result.parameters, e.param_count);
  check("buffer_bytes", result.bufferBytes, e.buffer_bytes);
  check("total_size_bytes", result.totalBytes, e.total_size_bytes);
  check("largest_layer_bytes", result.largestLayer.bytes, e.largest_layer_bytes);
  check("largest_layer_names", result.largestLayer.names, e.largest_layer_names);
  check("no_split_modules", result.noSplitModules, e.no_split_modules);
  check(
    "formatted_rows",
    result.rows.map((row) => [row.dtype, row.display.largestLayer, row.display.total, row.display.training]),
    e.formatted_rows,
  );
  if (result.table !== e.table) diffs.push(`table differs:\n${result.table}\nvs\n${e.table}`);
  return diffs;
}

function child(m: Module, path: string): Module | undefined {
  let current: Module | undefined = m;
  for (const part of path.split(".")) {
    if (!current) return undefined;
    const named: Module | undefined = current.children.find(([n]) => n === part)?.[1];
    if (named) {
      current = named;
      continue;
    }
    let index = Number(part);
    let found: Module | undefined;
    for (const run of current.items ?? []) {
      if (index < run.count) {
        found = run.module;
        break;
      }
      index -= run.count;
    }
    current = found;
  }
  return current;
}

/** Where a size mismatch comes from: the record's `top_modules` entries whose bytes differ from ours. */
export function topModuleDiffs(r: ReferenceRecord): string[] {
  const built = r.library === "timm" ? buildTimm(r.config, timmNameFromId(r.id)) : buildTransformers(r.config, r.id);
  const out: string[] = [];
  const top = r.expected.top_modules;
  const entries = [...top.children, ...(top.first_repeated_block ? [top.first_repeated_block, ...top.first_repeated_block.children] : [])];
  const ourNames = new Set([...built.module.children.map(([n]) => n)]);
  for (const entry of entries) {
    const ours = child(built.module, entry.name);
    const bytes = ours ? moduleSize(ours).bytes : undefined;
    if (bytes !== entry.bytes || (ours && ours.cls !== entry.class)) {
      out.push(`${entry.name} (${entry.class}): ours ${bytes ?? "missing"} ${ours?.cls ?? ""} vs ${entry.bytes}`);
    }
    ourNames.delete(entry.name);
  }
  for (const extra of ourNames) out.push(`${extra}: ours only`);
  return out;
}
