// Layers whose kind varies with their index (MoE every k-th layer, a bias table in the first) as runs of
// identical blocks: each kind is built once.
import { InvalidConfigError } from "../../../errors.js";
import type { Module, Run } from "../../../modules/module.js";

/** Layers `0..count-1`; `key(i)` names the kind of layer i, `build(i)` builds the first of that kind. */
export function layerRuns(label: string, count: number, key: (i: number) => string, build: (i: number) => Module): Run[] {
  // The walk is per layer; past this no checkpoint exists.
  if (count > 100_000) throw new InvalidConfigError(`${label}: ${count} layers is more than this estimator walks`);
  const runs: Run[] = [];
  const kinds = new Map<string, Module>();
  let last: string | undefined;
  for (let i = 0; i < count; i++) {
    const k = key(i);
    if (k === last) {
      const prev = runs[runs.length - 1]!;
      runs[runs.length - 1] = { module: prev.module, count: prev.count + 1 };
      continue;
    }
    let block = kinds.get(k);
    if (!block) {
      block = build(i);
      kinds.set(k, block);
    }
    runs.push({ module: block, count: 1 });
    last = k;
  }
  return runs;
}
