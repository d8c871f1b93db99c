import { resolveConfig, type Config, type ConfigSpec, type RawConfig } from "../../../config/config.js";
import type { Module } from "../../../modules/module.js";
import type { ModelBuild } from "../../types.js";

/** Pairs a module tree with its class's `_no_split_modules`. */
export function built(module: Module, noSplitModules: readonly string[] | null): ModelBuild {
  return { module, noSplitModules };
}

/**
 * A nested config (`text_config`, `vision_config`, `encoder`…) built as transformers builds sub-configs: the
 * sub-config class's defaults under whatever the parent's dict holds (an absent or null entry gives the defaults).
 */
export function subConfig(parent: Config, key: string, spec: ConfigSpec): Config {
  const raw = (parent.object(key) ?? {}) as RawConfig;
  return resolveConfig(raw, spec, `${parent.label}.${key}`);
}

/** `head_dim` as most decoders derive it: the explicit value, else hidden size / heads (checked to divide). */
export function headDim(c: Config): number {
  const explicit = c.optionalInt("head_dim");
  return explicit ?? c.divisible("hidden_size", "num_attention_heads");
}
