// Per-stage list accessors for the hierarchical vision encoders of group E (SegFormer, PVT, VAN, PoolFormer...).
import type { Config } from "../../../config/config.js";
import { InvalidConfigError } from "../../../errors.js";

/** `key[i]`, failing with the key's name when the list is shorter than the stage count. */
export function stageAt(c: Config, key: string, i: number): number {
  const v = c.list(key)[i];
  if (typeof v !== "number" || !(v >= 0)) throw new InvalidConfigError(`${c.label}: \`${key}\` needs a number for stage ${i}`, key);
  return v;
}
