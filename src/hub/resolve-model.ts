import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseConfigJson } from "../core/config/parse-json.js";
import { ModelNotFoundError, InvalidConfigError } from "../core/errors.js";
import type { Library } from "../core/estimate.js";
export { timmNameFromId } from "./model-ref.js";
import type { StoredTensor } from "../core/weights/tensors.js";
import { readLocalSafetensors, readLocalSafetensorsIndex } from "./weights/safetensors.js";
import { readLocalGguf } from "./weights/gguf.js";
import { pipelineEntries, type ComponentConfig } from "../core/pipeline.js";
import { modulesWithConfig, sentenceModules } from "../core/sentence-transformers.js";

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
  /** A diffusers pipeline: its model_index.json and each weight-holding component's config (or why it is missing). */
  readonly pipeline?: ResolvedPipeline;
  /** A sentence-transformers model (modules.json). */
  readonly sentenceTransformer?: ResolvedSentenceTransformer;
  /** A PEFT adapter (adapter_config.json) and, once resolved, its base model. */
  readonly adapter?: { readonly config: unknown; readonly baseName: string; readonly base?: ResolvedModel };
}

/** A sentence-transformers model: modules.json and the config.json of each module with weights, by module path. */
export interface ResolvedSentenceTransformer {
  readonly modules: unknown;
  readonly configs: Readonly<Record<string, unknown>>;
}

/** A sentence-transformers folder: modules.json, then `<path>/config.json` of its Transformer, Dense… modules. */
export function readSentenceTransformerFolder(dir: string): ResolvedSentenceTransformer {
  const modules = readConfigFile(join(dir, "modules.json"));
  const configs: Record<string, unknown> = {};
  for (const entry of modulesWithConfig(sentenceModules(modules))) {
    const file = join(dir, entry.path, "config.json");
    if (existsSync(file)) configs[entry.path] = readConfigFile(file);
  }
  return { modules, configs };
}

/** A PEFT adapter folder: its adapter_config.json and the base it names (resolved by the caller, as any MODEL). */
function adapterFolder(dir: string, file: string): ResolvedModel {
  const config = readConfigFile(file);
  const base = (config as Record<string, unknown> | null)?.base_model_name_or_path;
  if (typeof base !== "string" || base === "") throw new InvalidConfigError(`${file} names no \`base_model_name_or_path\``, "base_model_name_or_path");
  return { name: dir, origin: file, adapter: { config, baseName: base } };
}

export interface ResolvedPipeline {
  readonly modelIndex: unknown;
  readonly components: Readonly<Record<string, ComponentConfig>>;
}

/**
 * A pipeline folder: model_index.json and, for each component holding weights, `<name>/config.json` (diffusers
 * writes one subfolder per component). A missing folder or file is recorded, not thrown: the others still count.
 */
export function readPipelineFolder(dir: string): ResolvedPipeline {
  const modelIndex = readConfigFile(join(dir, "model_index.json"));
  const components: Record<string, ComponentConfig> = {};
  for (const entry of pipelineEntries(modelIndex)) {
    const folder = join(dir, entry.name);
    const file = join(folder, "config.json");
    if (!existsSync(folder)) components[entry.name] = { problem: `component folder \`${entry.name}/\` is missing` };
    else if (!existsSync(file)) components[entry.name] = { problem: `\`${entry.name}/config.json\` is missing` };
    else components[entry.name] = { config: readConfigFile(file) };
  }
  return { modelIndex, components };
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
  if (/(^|[\\/])adapter_config\.json$/.test(model)) return adapterFolder(dirname(model), model);
  if (/(^|[\\/])model_index\.json$/.test(model)) return { name: model, origin: model, pipeline: readPipelineFolder(dirname(model)) };
  if (stat.isDirectory()) {
    if (existsSync(join(model, "model_index.json"))) return { name: model, origin: join(model, "model_index.json"), pipeline: readPipelineFolder(model) };
    if (existsSync(join(model, "adapter_config.json"))) return adapterFolder(model, join(model, "adapter_config.json"));
    if (existsSync(join(model, "modules.json"))) {
      return { name: model, origin: join(model, "modules.json"), sentenceTransformer: readSentenceTransformerFolder(model) };
    }
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
