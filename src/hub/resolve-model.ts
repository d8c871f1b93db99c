import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseConfigJson } from "../core/config/parse-json.js";
import { ModelNotFoundError, InvalidConfigError } from "../core/errors.js";
import type { Library } from "../core/estimate.js";
export { timmNameFromId } from "./model-ref.js";
import type { StoredTensor } from "../core/weights/tensors.js";
import { readLocalSafetensors, readLocalSafetensorsIndex } from "./weights/safetensors.js";
import { readLocalGguf } from "./weights/gguf.js";

/** A checkpoint's tensors, read from headers only, for when no config can be built. */
export interface WeightsSource {
  /** Title for the table: the MODEL, or MODEL/FILE when a repo holds several GGUF files. */
  readonly name: string;
  readonly source: "safetensors" | "gguf";
  readonly tensors: readonly StoredTensor[];
  readonly modelClass?: string;
}

/** A MODEL argument resolved to what describes it: a config, checkpoint headers, or both. */
export interface ResolvedModel {
  /** The name as the user gave it: accelerate's table title uses it verbatim. */
  readonly name: string;
  /** config.json, parsed; absent for GGUF-only or weights-only models. */
  readonly config?: unknown;
  /** Where it came from: a path, "catalog:<id>", or a Hub repo. */
  readonly origin: string;
  readonly library?: Library;
  /** For `timm/NAME.TAG` ids: the registered model name. */
  readonly timmModelName?: string;
  /** Reads the checkpoint headers (only when the config cannot be built). */
  readonly weights?: () => Promise<WeightsSource[]>;
}

/** config.json files larger than this are not configs (the largest real ones are a few hundred kB). */
export const MAX_CONFIG_BYTES = 10 * 1024 * 1024;

export function readConfigFile(path: string): unknown {
  const size = statSync(path).size;
  if (size > MAX_CONFIG_BYTES) throw new InvalidConfigError(`${path} is ${size} bytes: larger than the 10 MB a config may be`);
  return parseConfigJson(readFileSync(path, "utf8"), path);
}

export function looksLikePath(model: string): boolean {
  if (/^https?:\/\//i.test(model)) return false;
  return model.startsWith(".") || model.startsWith("/") || /\.(json|safetensors|gguf)$/i.test(model) || model.includes("\\");
}


async function localGguf(path: string, name: string): Promise<WeightsSource[]> {
  const { tensors, architecture } = await readLocalGguf(path);
  return [{ name, source: "gguf", tensors, ...(architecture ? { modelClass: `gguf:${architecture}` } : {}) }];
}

/**
 * A local path: a config.json, a folder (config.json, else model.safetensors[.index.json]), a .safetensors
 * file, a model.safetensors.index.json, or a .gguf file. Headers are read, never the weights.
 */
export function resolveLocalPath(model: string): ResolvedModel {
  const stat = statSync(model);
  if (stat.isDirectory()) {
    const config = join(model, "config.json");
    const single = join(model, "model.safetensors");
    const index = join(model, "model.safetensors.index.json");
    const weights = existsSync(index)
      ? async () => [{ name: model, source: "safetensors" as const, tensors: readLocalSafetensorsIndex(index) }]
      : existsSync(single)
        ? async () => [{ name: model, source: "safetensors" as const, tensors: readLocalSafetensors(single) }]
        : undefined;
    if (existsSync(config)) return { name: model, config: readConfigFile(config), origin: config, ...(weights ? { weights } : {}) };
    if (weights) return { name: model, origin: model, weights };
    throw new ModelNotFoundError(`${model} has no config.json nor model.safetensors`);
  }
  if (/\.safetensors$/i.test(model)) {
    return { name: model, origin: model, weights: async () => [{ name: model, source: "safetensors", tensors: readLocalSafetensors(model) }] };
  }
  if (/\.safetensors\.index\.json$/i.test(model)) {
    return { name: model, origin: model, weights: async () => [{ name: model, source: "safetensors", tensors: readLocalSafetensorsIndex(model) }] };
  }
  if (/\.gguf$/i.test(model)) return { name: model, origin: model, weights: () => localGguf(model, model) };
  return { name: model, config: readConfigFile(model), origin: model };
}
