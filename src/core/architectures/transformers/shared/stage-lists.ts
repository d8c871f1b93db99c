// Per-stage list accessors for the hierarchical vision encoders (SegFormer, PVT, VAN, PoolFormer...).
import type { Config } from "../../../config/config.js";
import { InvalidConfigError } from "../../../errors.js";

/** `key[i]`, failing with the key's name when the list is shorter than the stage count. */
export function stageAt(c: Config, key: string, i: number): number {
  const v = c.list(key)[i];
  if (typeof v !== "number" || !(v >= 0)) throw new InvalidConfigError(`${c.label}: \`${key}\` needs a number for stage ${i}`, key);
  return v;
}

/** A stage's width must split evenly across its heads, as the attention modules check. */
export function checkHeads(c: Config, dim: number, heads: number, key = "num_attention_heads"): void {
  if (heads === 0 || dim % heads !== 0) throw new InvalidConfigError(`${c.label}: stage width ${dim} is not a multiple of \`${key}\` (${heads})`, key);
}
