import { checkIndexedLayers, list, type Module, type Run } from "../../../modules/module.js";

/**
 * A ModuleList whose blocks differ by index (SD3's last block, dual-attention layers): consecutive indices with
 * the same key share one built block, so a long list costs one build per change of kind.
 */
export function keyedList(count: number, key: (i: number) => string | number, build: (i: number) => Module): Module {
  checkIndexedLayers(count);
  const runs: Run[] = [];
  let previous: string | number | undefined;
  for (let i = 0; i < count; i++) {
    const k = key(i);
    const last = runs[runs.length - 1];
    if (last && k === previous) runs[runs.length - 1] = { module: last.module, count: last.count + 1 };
    else runs.push({ module: build(i), count: 1 });
    previous = k;
  }
  return list("ModuleList", ...runs);
}

/**
 * `Array.from({ length: n }, build)` for block lists whose length a config sets, refused past the estimator's
 * per-layer limit (a config asking for 10⁹ resnets is an error, not an hour of work).
 */
export function indexed<T>(count: number, build: (_: unknown, i: number) => T): T[] {
  checkIndexedLayers(count, "blocks");
  return Array.from({ length: count }, build);
}
