// MODEL arguments that are local paths: a config.json, a folder, safetensors or GGUF headers (node:fs).
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseConfigJson } from "../core/config/parse-json.js";
import { ModelNotFoundError, InvalidConfigError } from "../core/errors.js";
import { MAX_CONFIG_BYTES, type ResolvedModel, type WeightsSource } from "../hub/resolved-model.js";
import { readLocalSafetensors, readLocalSafetensorsIndex } from "./weights/local-safetensors.js";
import { readLocalGguf } from "./weights/local-gguf.js";
import { pipelineEntries, type ComponentConfig } from "../core/pipeline.js";
import type { ResolvedPipeline, ResolvedSentenceTransformer } from "../hub/resolved-model.js";
import { modulesWithConfig, sentenceModules } from "../core/sentence-transformers.js";

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

export function readConfigFile(path: string): unknown {
  const size = statSync(path).size;
  if (size > MAX_CONFIG_BYTES) throw new InvalidConfigError(`${path} is ${size} bytes: larger than the 10 MB a config may be`);
  return parseConfigJson(readFileSync(path, "utf8"), path);
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
