// Small helpers for composite models (CLIP-like towers, VLMs): index-dependent layer lists and nested language models.
import { resolveConfig, type Config, type RawConfig } from "../../../config/config.js";
import { UnsupportedArchitectureError } from "../../../errors.js";
import { checkIndexedLayers, list, type Module, type Run } from "../../../modules/module.js";
import type { AutoClass, ModelBuild, TransformersArchitecture } from "../../types.js";

/** A ModuleList whose items depend on their index: consecutive items with equal keys share one run. */
export function fIndexedList(n: number, key: (i: number) => string, build: (i: number) => Module, cls = "ModuleList"): Module {
  checkIndexedLayers(n);
  const runs: Run[] = [];
  let last: string | undefined;
  for (let i = 0; i < n; i++) {
    const k = key(i);
    const prev = runs[runs.length - 1];
    if (prev && k === last) runs[runs.length - 1] = { module: prev.module, count: prev.count + 1 };
    else runs.push({ module: build(i), count: 1 });
    last = k;
  }
  return list(cls, ...runs);
}

/**
 * A nested model built from a sub-config through its own architecture (`AutoModelForCausalLM.from_config(
 * config.text_config)` and the like): the sub-config's `model_type` (else `fallback`) picks one of `archs`.
 */
export function fSubModel(
  parent: Config,
  key: string,
  archs: readonly TransformersArchitecture[],
  auto: AutoClass,
  fallback: string,
  override: RawConfig = {},
): ModelBuild & { config: Config } {
  const raw = { ...((parent.object(key) ?? {}) as RawConfig), ...override };
  const type = typeof raw.model_type === "string" ? raw.model_type : fallback;
  const arch = archs.find((a) => a.modelType === type);
  const builder = arch?.models[auto];
  if (!arch || !builder) {
    throw new UnsupportedArchitectureError(`${parent.label}.${key}: a \`${type}\` ${auto} inside \`${parent.get("model_type")}\` is not supported`, type);
  }
  const config = resolveConfig({ ...raw, model_type: type }, arch.config, `${parent.label}.${key}`);
  return { ...builder(config), config };
}
