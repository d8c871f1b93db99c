/**
 * sentence-transformers models (a `modules.json` listing the modules of a `SentenceTransformer`, an nn.Sequential):
 * the Transformer module's backbone — AutoModel of its config.json, or T5EncoderModel / MT5EncoderModel for T5
 * configs as sentence_transformers/models/Transformer.py loads them — plus every module with weights (Dense:
 * `in × out + bias`; LayerNorm). Pooling, Normalize and Dropout hold none. Pure: the caller reads the files.
 */
import { InvalidConfigError, UnsupportedArchitectureError } from "./errors.js";
import { buildTransformers, type EstimateResult } from "./estimate.js";
import type { ArchitectureRegistry } from "./architectures/registry.js";
import { buildTransformersClass } from "./architectures/diffusers/transformers-classes.js";
import { layerNorm, linear } from "./modules/blocks.js";
import { list, module, stateless, type Module } from "./modules/module.js";
import { moduleSize } from "./measure/sizes.js";
import { largestLayer } from "./measure/largest-layer.js";
import { TABLE_DTYPES, TABLE_HEADERS, tableRows, tableTitle, type TableDType } from "./measure/table-rows.js";
import { createAsciiTable } from "./format/ascii-table.js";
import type { RawConfig } from "./config/config.js";

/** One entry of modules.json. */
export interface SentenceModuleEntry {
  readonly name: string;
  readonly path: string;
  readonly type: string;
}

export function sentenceModules(modulesJson: unknown): SentenceModuleEntry[] {
  if (!Array.isArray(modulesJson)) throw new InvalidConfigError("modules.json must be a list of modules");
  return modulesJson.map((m, i) => {
    const entry = m as Record<string, unknown>;
    if (typeof m !== "object" || m === null || typeof entry.type !== "string" || typeof entry.path !== "string") {
      throw new InvalidConfigError(`modules.json: entry ${i} needs a string \`type\` and \`path\``);
    }
    // Module folders sit beside modules.json: a path leaving the model folder is refused.
    if (entry.path.split(/[\\/]/).some((part) => part === "..") || /^([\\/]|[A-Za-z]:)/.test(entry.path)) {
      throw new InvalidConfigError(`modules.json: module path \`${entry.path.slice(0, 100)}\` leaves the model folder`);
    }
    return { name: typeof entry.name === "string" ? entry.name : String(i), path: entry.path, type: entry.type };
  });
}

const kind = (type: string) => type.replace(/^sentence_transformers\.models\./, "");

/** Which modules need their own config.json read (the caller reads `<path>/config.json` for these). */
export function modulesWithConfig(entries: readonly SentenceModuleEntry[]): SentenceModuleEntry[] {
  return entries.filter((e) => ["Transformer", "Dense", "LayerNorm"].includes(kind(e.type)));
}

function intField(config: RawConfig, key: string, where: string): number {
  const v = config[key];
  if (typeof v !== "number" || !Number.isInteger(v) || v < 0) throw new InvalidConfigError(`${where}: \`${key}\` must be a non-negative integer`, key);
  return v;
}

function backbone(registry: ArchitectureRegistry, config: RawConfig, name: string): { module: Module; cls: string } {
  const type = config.model_type;
  // Transformer.py loads T5 / MT5 configs as their encoder-only classes, anything else with AutoModel.
  const encoderClass = type === "t5" ? "T5EncoderModel" : type === "mt5" ? "MT5EncoderModel" : undefined;
  const built = encoderClass ? buildTransformersClass((t) => registry.transformers(t), config, encoderClass) : buildTransformers(registry, config, name);
  if (!built) throw new UnsupportedArchitectureError(`model_type \`${String(type)}\` is not supported`, String(type));
  return { module: built.module, cls: built.module.cls };
}

export interface SentenceTransformerOptions {
  readonly model: string;
  readonly dtypes?: readonly TableDType[];
}

/**
 * Builds the SentenceTransformer (an nn.Sequential of its modules, numbered as modules.json lists them) and
 * measures it as accelerate would: it has no `_no_split_modules`, so its largest layer is a leaf.
 */
export function estimateSentenceTransformer(
  registry: ArchitectureRegistry,
  modulesJson: unknown, configs: Readonly<Record<string, unknown>>, options: SentenceTransformerOptions): EstimateResult {
  const entries = sentenceModules(modulesJson);
  const items: Module[] = [];
  let backboneClass: string | undefined;
  for (const entry of entries) {
    const k = kind(entry.type);
    const where = `module ${entry.name} (${k})`;
    const config = configs[entry.path] as RawConfig | undefined;
    if (["Transformer", "Dense", "LayerNorm"].includes(k) && (typeof config !== "object" || config === null)) {
      throw new InvalidConfigError(`${where}: \`${entry.path ? `${entry.path}/` : ""}config.json\` is missing`);
    }
    if (k === "Transformer") {
      const b = backbone(registry, config as RawConfig, options.model);
      backboneClass ??= b.cls;
      items.push(module("Transformer", { children: { auto_model: b.module } }));
    } else if (k === "Dense") {
      const c = config as RawConfig;
      items.push(
        module("Dense", {
          children: { linear: linear(intField(c, "in_features", where), intField(c, "out_features", where), c.bias !== false), activation_function: stateless("Tanh") },
        }),
      );
    } else if (k === "LayerNorm") {
      items.push(module("LayerNorm", { children: { norm: layerNorm(intField(config as RawConfig, "dimension", where)) } }));
    } else if (["Pooling", "Normalize", "Dropout"].includes(k)) {
      items.push(stateless(k));
    } else {
      throw new UnsupportedArchitectureError(`sentence-transformers module \`${entry.type}\` is not supported yet`, entry.type);
    }
  }
  if (!backboneClass) throw new InvalidConfigError("modules.json lists no Transformer module");
  const root = list("SentenceTransformer", ...items);
  const size = moduleSize(root);
  const largest = largestLayer(root, []);
  const dtypes = options.dtypes ?? TABLE_DTYPES;
  const rows = tableRows({ totalBytes: size.bytes, largestLayerBytes: largest.bytes, totalIsFloat: size.isFloat, largestLayerIsFloat: largest.isFloat }, dtypes);
  return {
    model: options.model,
    library: "sentence-transformers",
    modelClass: "SentenceTransformer",
    parameters: size.parameters,
    bufferBytes: size.bufferBytes,
    totalBytes: size.bytes,
    largestLayer: { bytes: largest.bytes, names: largest.names },
    rows,
    noSplitModules: null,
    table: createAsciiTable(TABLE_HEADERS, rows.map((r) => [r.dtype, r.display.largestLayer, r.display.total, r.display.training]), tableTitle(options.model)),
    source: "config",
    modules: entries.map((e, i) => ({ name: e.name, type: e.type, bytes: moduleSize(items[i] as Module).bytes })),
  };
}
