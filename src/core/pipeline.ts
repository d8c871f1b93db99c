/**
 * diffusers pipelines: a `model_index.json` naming one (library, class) per component, each component built from
 * its own config.json as that class, and measured as accelerate measures a model. The pipeline's figures are the
 * components' sums; its largest layer the largest of theirs. Pure: the caller reads the files.
 */
import { EstimateError, InvalidConfigError, UnsupportedArchitectureError, UsageError } from "./errors.js";
import { buildDiffusers, type EstimateResult } from "./estimate.js";
import { buildTransformersClass } from "./architectures/diffusers/transformers-classes.js";
import type { ModelBuild } from "./architectures/types.js";
import type { ArchitectureRegistry } from "./architectures/registry.js";
import { moduleSize } from "./measure/sizes.js";
import { largestLayer } from "./measure/largest-layer.js";
import { TABLE_DTYPES, TABLE_HEADERS, tableRows, tableTitle, type TableDType } from "./measure/table-rows.js";
import { createAsciiTable } from "./format/ascii-table.js";
import type { RawConfig } from "./config/config.js";

/** One entry of model_index.json that holds weights: `"vae": ["diffusers", "AutoencoderKL"]`. */
export interface PipelineEntry {
  readonly name: string;
  readonly library: string;
  readonly modelClass: string;
}

/** Schedulers, tokenizers, processors and feature extractors: loaded by the pipeline, weightless. */
const WEIGHTLESS = /(Scheduler|Tokenizer|TokenizerFast|Processor|FeatureExtractor|ImageProcessorFast)$/;

/** The weight-holding components a model_index.json names, in its order (nulls, flags and weightless ones left out). */
export function pipelineEntries(modelIndex: unknown): PipelineEntry[] {
  if (typeof modelIndex !== "object" || modelIndex === null || Array.isArray(modelIndex)) {
    throw new InvalidConfigError("model_index.json must be a JSON object");
  }
  const entries: PipelineEntry[] = [];
  for (const [name, value] of Object.entries(modelIndex)) {
    if (name.startsWith("_") || !Array.isArray(value) || value.length !== 2) continue;
    const [library, modelClass] = value as unknown[];
    if (library === null || modelClass === null) continue;
    // Components are attributes of the pipeline object, and folders beside model_index.json: identifiers only.
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,99}$/.test(name)) {
      throw new InvalidConfigError(`model_index.json: \`${name.slice(0, 100)}\` is not a component name`, name);
    }
    if (typeof library !== "string" || typeof modelClass !== "string") {
      throw new InvalidConfigError(`model_index.json: component \`${name}\` must be [library, class] strings`, name);
    }
    if (WEIGHTLESS.test(modelClass)) continue;
    entries.push({ name, library, modelClass });
  }
  return entries;
}

/** A component's config as the caller found it, or why it could not (a missing folder or file). */
export type ComponentConfig = { readonly config: unknown } | { readonly problem: string };

export interface ComponentResult {
  readonly name: string;
  readonly library: string;
  readonly modelClass: string;
  readonly parameters: number;
  readonly bufferBytes: number;
  readonly totalBytes: number;
  readonly largestLayer: { readonly bytes: number; readonly names: readonly string[] };
}

/** A component left out of the sums, and why: the result is then partial. */
export interface SkippedComponent {
  readonly name: string;
  readonly library: string;
  readonly modelClass: string;
  readonly reason: string;
}

function asObject(config: unknown, name: string): RawConfig {
  if (typeof config !== "object" || config === null || Array.isArray(config)) {
    throw new InvalidConfigError(`component \`${name}\`: its config.json must be a JSON object`);
  }
  return config as RawConfig;
}

/** Builds one component as the pipeline loads it: the library and class model_index.json names. */
export function buildComponent(registry: ArchitectureRegistry, entry: PipelineEntry, config: unknown): ModelBuild {
  const raw = asObject(config, entry.name);
  if (entry.library === "diffusers") {
    if (typeof raw._class_name !== "string") {
      throw new InvalidConfigError(`component \`${entry.name}\`: its config.json has no \`_class_name\``, "_class_name");
    }
    return buildDiffusers(registry, { ...raw, _class_name: entry.modelClass });
  }
  const built = buildTransformersClass((t) => registry.transformers(t), raw, entry.modelClass);
  if (!built) {
    throw new UnsupportedArchitectureError(`${entry.library} class \`${entry.modelClass}\` is not supported yet`, entry.modelClass);
  }
  return built;
}

export interface PipelineOptions {
  readonly model: string;
  readonly dtypes?: readonly TableDType[];
}

/**
 * Estimates a pipeline from its model_index.json and its components' configs. A component that cannot be built
 * (a class not ported, a missing folder, a config without `_class_name`) is listed in `skipped` and the result
 * is marked `partial`: never a silent undercount.
 */
export function estimatePipeline(
  registry: ArchitectureRegistry,
  modelIndex: unknown, configs: Readonly<Record<string, ComponentConfig>>, options: PipelineOptions): EstimateResult {
  const entries = pipelineEntries(modelIndex);
  const dtypes = options.dtypes ?? TABLE_DTYPES;
  const components: ComponentResult[] = [];
  const skipped: SkippedComponent[] = [];
  let isFloat = false;
  let largest = { bytes: 0, names: [] as string[], isFloat: false };
  for (const entry of entries) {
    const found = configs[entry.name];
    const skip = (reason: string) => skipped.push({ ...entry, reason });
    if (!found) {
      skip(`no config for component \`${entry.name}\``);
      continue;
    }
    if ("problem" in found) {
      skip(found.problem);
      continue;
    }
    let built: ModelBuild;
    try {
      built = buildComponent(registry, entry, found.config);
    } catch (error) {
      if (!(error instanceof EstimateError) || error instanceof UsageError) throw error;
      skip(error.message);
      continue;
    }
    const size = moduleSize(built.module);
    const layer = largestLayer(built.module, built.noSplitModules ?? []);
    isFloat ||= size.isFloat;
    const names = layer.names.map((n) => `${entry.name}.${n}`);
    if (layer.bytes > largest.bytes) largest = { bytes: layer.bytes, names, isFloat: layer.isFloat };
    else if (layer.bytes === largest.bytes) largest.names.push(...names);
    components.push({
      ...entry,
      parameters: size.parameters,
      bufferBytes: size.bufferBytes,
      totalBytes: size.bytes,
      largestLayer: { bytes: layer.bytes, names: layer.names },
    });
  }
  const sum = (f: (c: ComponentResult) => number) => components.reduce((a, c) => a + f(c), 0);
  const totalBytes = sum((c) => c.totalBytes);
  if (!Number.isSafeInteger(Math.ceil(totalBytes * 4))) throw new InvalidConfigError("the pipeline is too large to count exactly (over 2^53 bytes)");
  const rows = tableRows({ totalBytes, largestLayerBytes: largest.bytes, totalIsFloat: isFloat, largestLayerIsFloat: largest.isFloat }, dtypes);
  const index = modelIndex as Record<string, unknown>;
  return {
    model: options.model,
    library: "diffusers",
    modelClass: typeof index._class_name === "string" ? index._class_name : "DiffusionPipeline",
    parameters: sum((c) => c.parameters),
    bufferBytes: sum((c) => c.bufferBytes),
    totalBytes,
    largestLayer: { bytes: largest.bytes, names: largest.names },
    rows,
    noSplitModules: null,
    table: createAsciiTable(
      TABLE_HEADERS,
      rows.map((r) => [r.dtype, r.display.largestLayer, r.display.total, r.display.training]),
      tableTitle(options.model),
    ),
    source: "config",
    components,
    ...(skipped.length > 0 ? { partial: true, skipped } : {}),
  };
}
