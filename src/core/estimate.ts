import { MAX_CONFIG_NESTING, nestedDeeperThan, previewValue, resolveConfig, type RawConfig } from "./config/config.js";
import { EstimateError, InvalidConfigError, optionError, optionRef, UnsupportedArchitectureError, UsageError } from "./errors.js";
import { ArchitectureRegistry, type ArchitectureLookup, type ArchitectureSet } from "./architectures/registry.js";
import { diffusersConfig } from "./architectures/diffusers/blocks/config.js";
import type { ModelBuild, TimmArgs } from "./architectures/types.js";
import { buildModelClass, type ClassRequest } from "./architectures/transformers/shared/model-class.js";

export { autoClassFor } from "./architectures/transformers/shared/model-class.js";
import { moduleSize } from "./measure/sizes.js";
import { largestLayer } from "./measure/largest-layer.js";
import { TABLE_DTYPES, TABLE_HEADERS, tableRows, tableTitle, type TableDType, type TableRow } from "./measure/table-rows.js";
import { createAsciiTable } from "./format/ascii-table.js";
import { estimatePipeline, type ComponentConfig, type ComponentResult, type PipelineOptions, type SkippedComponent } from "./pipeline.js";
import type { AdapterSummary } from "./adapter.js";
import type { Plan, PlanOptions } from "./plan/types.js";

export const LIBRARIES = ["transformers", "timm", "diffusers"] as const;
export type Library = (typeof LIBRARIES)[number];

export interface EstimateOptions {
  /** The name shown in the table title and the JSON (`bert-base-cased`); defaults to the model type. */
  readonly model?: string;
  /** Which library builds the model; detected from the config's shape when absent. */
  readonly library?: Library;
  /** Table rows, in order. Default: float32, float16, int8, int4. */
  readonly dtypes?: readonly TableDType[];
  /** For timm configs, the registered model name when the config does not say it (`timm/NAME.TAG` ids). */
  readonly timmModelName?: string;
  /**
   * transformers only: build this class (`LlamaForCausalLM`) instead of accelerate's choice, or the class of
   * this pipeline task (`text-classification`). Default: what accelerate builds (`auto_map`, else AutoModel).
   */
  readonly modelClass?: string;
  readonly task?: string;
  /** Adds `plan`: inference / training / LoRA / multi-GPU memory for the model with its head. */
  readonly plan?: PlanOptions;
}

/** The stable result shape (the CLI's `--json` line): later versions add fields, never rename. */
export interface EstimateResult {
  readonly model: string;
  /** `sentence-transformers` for a modules.json model (its backbone is a transformers model). */
  readonly library: Library | "sentence-transformers";
  /** The class that was built: `BertModel`, `LlamaForCausalLM`, timm's `ResNet`… */
  readonly modelClass: string;
  readonly parameters: number;
  readonly bufferBytes: number;
  /** Parameters × 4 + buffers at their own dtype: accelerate's float32 total. */
  readonly totalBytes: number;
  readonly largestLayer: { readonly bytes: number; readonly names: readonly string[] };
  readonly rows: readonly TableRow[];
  readonly noSplitModules: readonly string[] | null;
  /** accelerate's ASCII table, byte for byte. */
  readonly table: string;
  /** What the numbers come from: the config (the module tree), or checkpoint headers when no config could be built. */
  readonly source: "config" | "safetensors" | "gguf";
  /** Bytes of the tensors as stored in the checkpoint (header-based estimates only). */
  readonly checkpointBytes?: number;
  /** The checkpoint's quantization when read from headers. */
  readonly quantization?: { readonly method: string; readonly bits: number } | null;
  /** Configs shipped in catalog/ only: where the file came from, and whether it was rebuilt from the model card. */
  readonly origin?: string;
  readonly rebuilt?: boolean;
  /** The Planner's answer; set only when `options.plan` is given. */
  readonly plan?: Plan;
  /** Pipelines (model_index.json): each component built as its class; the figures above are their sums. */
  readonly components?: readonly ComponentResult[];
  /** Set when components could not be built: the sums leave them out (listed in `skipped`). */
  readonly partial?: boolean;
  readonly skipped?: readonly SkippedComponent[];
  /** A PEFT adapter added to its base model (the figures above include it). */
  readonly adapter?: AdapterSummary;
  /** sentence-transformers models: each module of modules.json with its float32 bytes. */
  readonly modules?: readonly { readonly name: string; readonly type: string; readonly bytes: number }[];
}

export function detectLibrary(config: RawConfig): Library | undefined {
  // diffusers writes `_class_name` into every model config (and `model_index.json`).
  if (typeof config._class_name === "string") return "diffusers";
  if (typeof config.model_type === "string") return "transformers";
  if (typeof config.architecture === "string") return "timm";
  // Configs from before `model_type` existed still list their transformers classes.
  if (Array.isArray(config.architectures)) return "transformers";
  return undefined;
}

function asRawConfig(config: unknown): RawConfig {
  if (typeof config !== "object" || config === null || Array.isArray(config)) {
    throw new InvalidConfigError("the config must be a JSON object");
  }
  if (nestedDeeperThan(config)) throw new InvalidConfigError(`the config nests lists or objects deeper than ${MAX_CONFIG_NESTING} levels`);
  return config as RawConfig;
}

/**
 * AutoConfig's fallback for old configs without `model_type` (albert/albert-base-v2): the longest known
 * model type that appears in the model's name.
 */
export function modelTypeFromName(name: string | undefined, modelTypes: readonly string[]): string | undefined {
  if (!name) return undefined;
  return modelTypes
    .slice()
    .sort((a, b) => b.length - a.length)
    .find((type) => name.includes(type));
}

export function buildTransformers(registry: ArchitectureRegistry, raw: RawConfig, modelName?: string, request: ClassRequest = {}): ModelBuild {
  const modelType = raw.model_type ?? modelTypeFromName(modelName, registry.supported().transformers);
  if (typeof modelType !== "string" || modelType === "") {
    throw new InvalidConfigError("the config has no `model_type` (is it a transformers config.json?)", "model_type");
  }
  const arch = registry.transformers(modelType);
  if (!arch) {
    throw new UnsupportedArchitectureError(
      `model_type \`${modelType}\` is not supported (run \`estimate-memory --list\` to see what is)`,
      modelType,
    );
  }
  const config = resolveConfig(raw.model_type === undefined ? { ...raw, model_type: modelType } : raw, arch.config);
  return { ...buildModelClass(arch, config, raw, request), config };
}

/** What `timm.create_model(name)` passes to the model class, from a timm config.json. */
export function timmArgs(raw: RawConfig): TimmArgs {
  const pretrained = (typeof raw.pretrained_cfg === "object" && raw.pretrained_cfg) || {};
  const cfg = pretrained as Record<string, unknown>;
  const modelArgs = (typeof raw.model_args === "object" && raw.model_args) || {};
  const inputSize = Array.isArray(cfg.input_size) ? (cfg.input_size as number[]) : undefined;
  const numClasses = (modelArgs as Record<string, unknown>).num_classes ?? raw.num_classes ?? cfg.num_classes;
  const intOr = (v: unknown, fallback: number, key: string) => {
    if (v === undefined || v === null) return fallback;
    if (typeof v !== "number" || !Number.isInteger(v) || v < 0) {
      throw new InvalidConfigError(`config: \`${key}\` must be a non-negative integer (got ${previewValue(v)})`, key);
    }
    return v;
  };
  const imgSize =
    cfg.fixed_input_size === true && inputSize && inputSize.length === 3
      ? ([intOr(inputSize[1], 224, "input_size"), intOr(inputSize[2], 224, "input_size")] as const)
      : undefined;
  return {
    numClasses: intOr(numClasses, 1000, "num_classes"),
    inChans: intOr((modelArgs as Record<string, unknown>).in_chans ?? inputSize?.[0], 3, "in_chans"),
    ...(imgSize ? { imgSize } : {}),
    // timm reads global_pool only from the pretrained config (a default), never from config.json's top level.
    ...(typeof cfg.global_pool === "string" ? { globalPool: cfg.global_pool } : {}),
    extra: modelArgs as Record<string, unknown>,
  };
}

export function buildTimm(registry: ArchitectureRegistry, raw: RawConfig, nameHint?: string): ModelBuild {
  const name = typeof raw.architecture === "string" ? raw.architecture : nameHint;
  if (!name) throw new InvalidConfigError("the timm config has no `architecture`", "architecture");
  const family = registry.timm(name);
  if (!family) {
    throw new UnsupportedArchitectureError(
      `timm architecture \`${name}\` is not supported (run \`estimate-memory --list\` to see what is)`,
      name,
    );
  }
  const args = timmArgs(raw);
  try {
    return { module: family.build(name, args), noSplitModules: null };
  } catch (error) {
    // `model_args` are handed to the model class as keyword arguments, unchecked where the registered model has
    // no value to compare them with; one of the wrong type fails there, as it would in timm: the config's error.
    if (error instanceof EstimateError || Object.keys(args.extra).length === 0) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new InvalidConfigError(`timm: \`model_args\` ${previewValue(args.extra)} cannot build \`${name}\` (${reason.slice(0, 120)})`, "model_args");
  }
}

/** A diffusers model component from its config.json: the class its `_class_name` names, built from its config. */
export function buildDiffusers(registry: ArchitectureRegistry, raw: RawConfig, className?: string): ModelBuild {
  const name = typeof raw._class_name === "string" ? raw._class_name : className;
  if (!name) throw new InvalidConfigError("the diffusers config has no `_class_name`", "_class_name");
  const model = registry.diffusers(name);
  if (!model && name.endsWith("Pipeline")) {
    throw new UsageError(`\`${name}\` is a pipeline (model_index.json): pass its folder or Hub id, whose components are estimated one by one`);
  }
  if (!model) {
    throw new UnsupportedArchitectureError(
      `diffusers class \`${name}\` is not supported (run \`estimate-memory --list\` to see what is)`,
      name,
    );
  }
  return { module: model.build(diffusersConfig(raw, model.defaults, name)), noSplitModules: model.noSplitModules };
}

/** timm's `pretrained_cfg.input_size` [C, H, W]: the side the Planner's feature maps start from. */
function timmInputSize(raw: RawConfig, library: Library): { imageSize?: number } {
  if (library !== "timm" || typeof raw.pretrained_cfg !== "object" || raw.pretrained_cfg === null) return {};
  const size = (raw.pretrained_cfg as Record<string, unknown>).input_size;
  const side = Array.isArray(size) ? size[2] : undefined;
  return typeof side === "number" && Number.isInteger(side) && side > 0 && side <= 65536 ? { imageSize: side } : {};
}

/** Every byte count must be an exact integer a JSON reader can hold: beyond 2^53 the answer would be a guess. */
function checkMagnitude(bytes: number): void {
  if (!Number.isFinite(bytes) || bytes > Number.MAX_SAFE_INTEGER || bytes < 0) {
    throw new InvalidConfigError("the config describes a model too large to count exactly (over 2^53 bytes)");
  }
}

/** An estimator over a fixed set of architectures; `estimate` is synchronous once they are at hand. */
export interface Estimator {
  /**
   * Builds the model a config describes, as accelerate does, and measures it: parameter count, buffers, total,
   * largest layer, and the table rows. Pure: no file or network access.
   */
  estimate(config: unknown, options?: EstimateOptions): EstimateResult;
  /** The `model_type`s and timm names this estimator builds. */
  supportedArchitectures(): { transformers: string[]; timm: string[]; diffusers: string[] };
  /** A diffusers pipeline: each component of its model_index.json built as its class, summed. */
  estimatePipeline(modelIndex: unknown, configs: Readonly<Record<string, ComponentConfig>>, options: PipelineOptions): EstimateResult;
  /** Adds architectures (a lazily loaded family); returns the estimator. */
  add(architectures: ArchitectureSet): Estimator;
}

/**
 * An estimator that builds only the given architectures (`import { bert } from …` keeps a bundle small); the
 * package's `estimate` is one over every architecture, and `estimateAsync` loads the families a config needs.
 */
export function createEstimator(...architectures: readonly ArchitectureSet[]): Estimator {
  const registry = new ArchitectureRegistry(...architectures);
  const lookup = (modelType: string) => registry.transformers(modelType);
  const estimator: Estimator = {
    estimate: (config, options) => estimateWith(registry, lookup, config, options),
    supportedArchitectures: () => registry.supported(),
    estimatePipeline: (modelIndex, configs, options) => estimatePipeline(registry, modelIndex, configs, options),
    add(set) {
      registry.add(set);
      return estimator;
    },
  };
  return estimator;
}

/** The Planner's answer for a built model: the estimator must hold the Planner (the lazy path loads it first). */
function planWith(
  registry: ArchitectureRegistry,
  built: ModelBuild,
  accelerateTotalBytes: number,
  lookup: ArchitectureLookup,
  extra: { imageSize?: number; requested?: boolean },
  options: PlanOptions,
): Plan {
  const planner = registry.planner();
  if (!planner) throw new EstimateError("this estimator has no Planner: create it with the planner (estimate-memory/lazy: estimateAsync loads it)");
  return planner.plan(planner.planModelFor(built, accelerateTotalBytes, lookup, extra), options);
}

function estimateWith(registry: ArchitectureRegistry, lookup: ArchitectureLookup, config: unknown, options: EstimateOptions = {}): EstimateResult {
  const raw = asRawConfig(config);
  const library = options.library ?? detectLibrary(raw);
  if (!library) {
    throw optionError`cannot tell which library the config is for: pass ${optionRef("library")} transformers, timm or diffusers`;
  }
  if (!(LIBRARIES as readonly string[]).includes(library)) {
    throw new UsageError(`library \`${String(library)}\` is not supported (transformers, timm or diffusers)`);
  }
  const dtypes = options.dtypes ?? TABLE_DTYPES;
  for (const dtype of dtypes) {
    if (!(TABLE_DTYPES as readonly string[]).includes(dtype)) {
      throw new UsageError(`dtype \`${String(dtype)}\` is not one of ${TABLE_DTYPES.join(", ")}`);
    }
  }
  if (library !== "transformers" && (options.modelClass !== undefined || options.task !== undefined)) {
    throw optionError`${optionRef("modelClass")} and ${optionRef("task")} choose a transformers class; ${library} builds the class its config names`;
  }
  const request = {
    ...(options.modelClass !== undefined ? { modelClass: options.modelClass } : {}),
    ...(options.task !== undefined ? { task: options.task } : {}),
  };
  const built =
    library === "timm"
      ? buildTimm(registry, raw, options.timmModelName)
      : library === "diffusers"
        ? buildDiffusers(registry, raw)
        : buildTransformers(registry, raw, options.model, request);
  const size = moduleSize(built.module);
  const largest = largestLayer(built.module, built.noSplitModules ?? []);
  checkMagnitude(size.bytes * 4);
  const model =
    options.model ??
    (typeof raw.model_type === "string" ? raw.model_type : library === "diffusers" ? String(raw._class_name) : String(raw.architecture));
  const rows = tableRows(
    {
      totalBytes: size.bytes,
      largestLayerBytes: largest.bytes,
      totalIsFloat: size.isFloat,
      largestLayerIsFloat: largest.isFloat,
    },
    dtypes,
  );
  const table = createAsciiTable(
    TABLE_HEADERS,
    rows.map((r) => [r.dtype, r.display.largestLayer, r.display.total, r.display.training]),
    tableTitle(model),
  );
  return {
    model,
    library,
    modelClass: built.module.cls,
    parameters: size.parameters,
    bufferBytes: size.bufferBytes,
    totalBytes: size.bytes,
    largestLayer: { bytes: largest.bytes, names: largest.names },
    rows,
    noSplitModules: built.noSplitModules,
    table,
    source: "config",
    ...(options.plan ? { plan: planWith(registry, built, size.bytes, lookup, { ...timmInputSize(raw, library), requested: options.modelClass !== undefined || options.task !== undefined }, options.plan) } : {}),
  };
}
