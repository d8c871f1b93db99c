/**
 * LoRA's trainable parameters with PEFT's semantics (peft/tuners/lora/layer.py, peft/tuners/tuners_utils.py):
 * - a target key matches a module whose full name equals it or ends with `.key` (`check_target_module_exists`);
 * - `all-linear` = every nn.Linear and transformers Conv1D except the output layer `get_output_embeddings()`
 *   (`_maybe_include_all_linear_layers`);
 * - Linear / Conv1D: lora_A [r, in] + lora_B [out, r] = r × (in + out) (Conv1D's in/out read from its transposed
 *   weight, as PEFT does with `fan_in_fan_out`);
 * - Embedding: lora_embedding_A [r, num] + lora_embedding_B [dim, r] = r × (num + dim);
 * - ConvNd: lora_A = Conv(in, r, kernel) → r × in/groups × kernel, lora_B = Conv(r, out, 1) → out × r.
 * Adapters have no bias (PEFT's default `bias="none"`).
 */
import { optionError, optionRef } from "../errors.js";
import type { LoraDetail } from "./types.js";
import type { TreeStats } from "./tree.js";

function matches(path: string, targets: readonly string[]): boolean {
  return targets.some((t) => path === t || path.endsWith(`.${t}`));
}

/** The adapters, plus the element count of Adafactor's factored second moments over them (rows + columns). */
export function loraAdapters(
  stats: TreeStats,
  r: number,
  targets: "all-linear" | readonly string[],
): { detail: LoraDetail; adafactorElements: number; largestTensor: number } {
  if (!Number.isInteger(r) || r < 1) throw optionError`${optionRef("loraR")} must be a positive integer (got ${r})`;
  let trainable = 0;
  let modules = 0;
  // Adafactor keeps a row and a column vector per ≥2-D tensor: A [r, in] → r + in, B [out, r] → out + r.
  let factored = 0;
  // The largest adapter tensor (lora_A [r, in] or lora_B [out, r]): per-tensor optimizer loops work on one at a time.
  let largest = 0;
  if (targets === "all-linear") {
    for (const l of stats.linears) {
      if (l.isHead) continue;
      largest = Math.max(largest, r * Math.max(l.inFeatures, l.outFeatures));
      trainable += r * (l.inFeatures + l.outFeatures) * l.count;
      factored += (2 * r + l.inFeatures + l.outFeatures) * l.count;
      modules += l.count;
    }
  } else {
    for (const l of stats.linears) {
      if (!matches(l.path, targets)) continue;
      largest = Math.max(largest, r * Math.max(l.inFeatures, l.outFeatures));
      trainable += r * (l.inFeatures + l.outFeatures) * l.count;
      factored += (2 * r + l.inFeatures + l.outFeatures) * l.count;
      modules += l.count;
    }
    for (const e of stats.embeddings) {
      if (!matches(e.path, targets)) continue;
      largest = Math.max(largest, r * Math.max(e.num, e.dim));
      trainable += r * (e.num + e.dim) * e.count;
      factored += (2 * r + e.num + e.dim) * e.count;
      modules += e.count;
    }
    for (const c of stats.convs) {
      if (!matches(c.path, targets)) continue;
      largest = Math.max(largest, r * Math.max(c.kernelNumel, c.outChannels));
      trainable += (r * c.kernelNumel + c.outChannels * r) * c.count;
      factored += (2 * r + c.kernelNumel + c.outChannels) * c.count;
      modules += c.count;
    }
    if (modules === 0) {
      throw optionError`${optionRef("loraTargets")}: none of ${targets.join(", ")} names a Linear, Conv1D, Embedding or Conv layer of this model`;
    }
  }
  return { detail: { r, targets, targetedModules: modules, trainableParameters: trainable }, adafactorElements: factored, largestTensor: largest };
}
