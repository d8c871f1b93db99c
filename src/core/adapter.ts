/**
 * PEFT adapters (adapter_config.json): the adapter's parameters counted exactly on the base model's module tree,
 * with PEFT's rules (peft/tuners/tuners_utils.py `check_target_module_exists`, peft/tuners/lora/layer.py):
 * - `target_modules`: a list (a module whose full name equals a key or ends with `.key`), a string (a regex that
 *   must match the full name), or "all-linear" (every Linear / Conv1D but the output embedding);
 * - `layers_to_transform` keeps the matches in those layer indices (after `layers_pattern`, or a common one);
 * - LoRA adds r × (in + out) per Linear / Conv1D (r × (num + dim) per Embedding, r × in/groups × kernel + out × r
 *   per Conv), r from `rank_pattern` when a pattern matches the name; DoRA adds a magnitude of `out` values;
 * - `modules_to_save` keeps a trainable copy of each such module (its parameters again).
 */
import { InvalidConfigError, UnsupportedArchitectureError } from "./errors.js";
import { checkIndexedLayers, MAX_INDEXED_LAYERS, numel, type Module } from "./modules/module.js";
import { HEAD_PATHS } from "./plan/tree.js";
import type { AutoClass } from "./architectures/types.js";
import { buildTransformers, type EstimateResult } from "./estimate.js";
import { resolveConfig, type RawConfig } from "./config/config.js";
import type { ArchitectureRegistry } from "./architectures/registry.js";
import { moduleSize } from "./measure/sizes.js";
import { largestLayer } from "./measure/largest-layer.js";
import { TABLE_DTYPES, TABLE_HEADERS, tableRows, tableTitle, type TableDType } from "./measure/table-rows.js";
import { createAsciiTable } from "./format/ascii-table.js";

export interface AdapterSummary {
  readonly method: string;
  readonly parameters: number;
  /** float32 bytes (adapters are created in the base's dtype; accelerate's table counts float32). */
  readonly bytes: number;
  readonly targets: string | readonly string[];
  readonly targetedModules: number;
  readonly r: number;
}

/** The Auto class PEFT's task type loads the base with (`PeftModelForCausalLM` → AutoModelForCausalLM…). */
export function autoClassForTask(taskType: unknown): AutoClass {
  switch (taskType) {
    case "CAUSAL_LM":
      return "AutoModelForCausalLM";
    case "SEQ_2_SEQ_LM":
      return "AutoModelForSeq2SeqLM";
    case "SEQ_CLS":
      return "AutoModelForSequenceClassification";
    case "TOKEN_CLS":
      return "AutoModelForTokenClassification";
    case "QUESTION_ANS":
      return "AutoModelForQuestionAnswering";
    default:
      return "AutoModel";
  }
}

interface Named {
  readonly name: string;
  readonly module: Module;
}

/** Every module with its full dotted name, runs expanded (adapters name layers one by one). */
function namedModules(root: Module): Named[] {
  const out: Named[] = [];
  const walk = (m: Module, name: string) => {
    if (name) out.push({ name, module: m });
    // Adapters name layers one by one: a base asking for millions of modules is refused, not walked for minutes.
    if (out.length > 50 * MAX_INDEXED_LAYERS) checkIndexedLayers(out.length, "modules");
    const prefix = name ? `${name}.` : "";
    for (const [child, c] of m.children) walk(c, prefix + child);
    let index = 0;
    for (const run of m.items ?? []) {
      for (let i = 0; i < run.count; i++) walk(run.module, `${prefix}${index + i}`);
      index += run.count;
    }
  };
  walk(root, "");
  return out;
}

const weight = (m: Module) => m.params.find(([n]) => n === "weight")?.[1];
const ownParams = (m: Module): number =>
  m.params.reduce((a, [, t]) => a + (t.tied ? 0 : numel(t.shape)), 0) +
  m.children.reduce((a, [, c]) => a + ownParams(c), 0) +
  (m.items ?? []).reduce((a, r) => a + ownParams(r.module) * r.count, 0);

function stringList(v: unknown, key: string): string[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || !v.every((x) => typeof x === "string")) throw new InvalidConfigError(`adapter_config.json: \`${key}\` must be a list of names`, key);
  return v as string[];
}

function regex(pattern: string, key: string): RegExp {
  try {
    return new RegExp(`^(?:${pattern})$`);
  } catch {
    throw new InvalidConfigError(`adapter_config.json: \`${key}\` is not a regular expression this tool can read`, key);
  }
}

const LAYER_PATTERNS = ["layers", "h", "block", "blocks", "layer"];

/** The LoRA (or DoRA) adapter an adapter_config.json describes, counted on `base`. */
export function adapterFor(base: Module, adapterConfig: Record<string, unknown>): AdapterSummary {
  const method = typeof adapterConfig.peft_type === "string" ? adapterConfig.peft_type : "LORA";
  if (method !== "LORA") throw new UnsupportedArchitectureError(`PEFT method \`${method}\` is not supported yet (LoRA and DoRA are)`, method);
  const r = adapterConfig.r ?? 8;
  if (typeof r !== "number" || !Number.isInteger(r) || r < 1) throw new InvalidConfigError("adapter_config.json: `r` must be a positive integer", "r");
  const rawTargets = adapterConfig.target_modules;
  const targets: string | string[] =
    typeof rawTargets === "string" ? rawTargets : (stringList(rawTargets, "target_modules") ?? unsupportedDefaultTargets());
  const rankPattern = (adapterConfig.rank_pattern ?? {}) as Record<string, unknown>;
  const patterns = Object.entries(rankPattern).map(([p, v]) => {
    if (typeof v !== "number" || !Number.isInteger(v) || v < 1) throw new InvalidConfigError(`adapter_config.json: rank_pattern \`${p}\` must be a positive integer`, "rank_pattern");
    return { re: regex(`(.*\\.)?(?:${p})`, "rank_pattern"), r: v };
  });
  const layers = adapterConfig.layers_to_transform;
  const layerSet = layers === undefined || layers === null ? undefined : new Set(Array.isArray(layers) ? layers.map(Number) : [Number(layers)]);
  const layerPattern = stringList(typeof adapterConfig.layers_pattern === "string" ? [adapterConfig.layers_pattern] : adapterConfig.layers_pattern, "layers_pattern") ?? LAYER_PATTERNS;
  const dora = adapterConfig.use_dora === true;
  const all = targets === "all-linear";
  const fullMatch = typeof targets === "string" && !all ? regex(targets, "target_modules") : undefined;
  const save = stringList(adapterConfig.modules_to_save, "modules_to_save") ?? [];

  const inLayers = (name: string) => {
    if (!layerSet) return true;
    const parts = name.split(".");
    for (let i = 0; i + 1 < parts.length; i++) {
      if (layerPattern.includes(parts[i] as string) && /^\d+$/.test(parts[i + 1] as string)) return layerSet.has(Number(parts[i + 1]));
    }
    return false;
  };
  const isTarget = (name: string, m: Module): boolean => {
    if (all) {
      const w = weight(m);
      const linear = (m.cls === "Linear" || m.cls.endsWith("Linear") || m.cls === "Conv1D") && w?.shape.length === 2;
      return linear && !HEAD_PATHS.has(name);
    }
    const hit = fullMatch ? fullMatch.test(name) : (targets as string[]).some((t) => name === t || name.endsWith(`.${t}`));
    return hit && inLayers(name);
  };

  let parameters = 0;
  let targeted = 0;
  for (const { name, module: m } of namedModules(base)) {
    if (save.some((s) => name === s || name.endsWith(`.${s}`))) {
      parameters += ownParams(m);
      continue;
    }
    if (!isTarget(name, m)) continue;
    const w = weight(m);
    if (!w || w.tied) continue;
    const rank = patterns.find((p) => p.re.test(name))?.r ?? r;
    let added: number;
    let out: number;
    if (m.cls === "Conv1D") {
      const [inF, outF] = w.shape as [number, number];
      added = rank * (inF + outF);
      out = outF;
    } else if (w.shape.length === 2 && m.cls.endsWith("Embedding")) {
      const [num, dim] = w.shape as [number, number];
      added = rank * (num + dim);
      out = dim;
    } else if (w.shape.length === 2) {
      const [outF, inF] = w.shape as [number, number];
      added = rank * (inF + outF);
      out = outF;
    } else if (w.shape.length >= 3 && /^Conv[123]d$/.test(m.cls)) {
      const [outC, ...rest] = w.shape as number[];
      added = rank * rest.reduce((a, b) => a * b, 1) + (outC as number) * rank;
      out = outC as number;
    } else {
      throw new UnsupportedArchitectureError(`PEFT target \`${name}\` (${m.cls}) is not a layer LoRA wraps`, m.cls);
    }
    parameters += added + (dora ? out : 0);
    targeted++;
  }
  if (targeted === 0 && save.length === 0) {
    throw new InvalidConfigError(`adapter_config.json: target_modules ${JSON.stringify(targets).slice(0, 100)} names no layer of the base model`, "target_modules");
  }
  return { method: dora ? "DORA" : "LORA", parameters, bytes: parameters * 4, targets, targetedModules: targeted, r };
}

function unsupportedDefaultTargets(): never {
  // Without target_modules PEFT picks per-architecture defaults; configs saved by PEFT always write the list.
  throw new InvalidConfigError("adapter_config.json has no `target_modules`", "target_modules");
}


/**
 * A transformers base model with a PEFT adapter: the base built as the class PEFT's task type loads (AutoModel
 * when the architecture has no such head here), the adapter counted on that tree; the table covers both.
 */
export function estimateWithAdapter(registry: ArchitectureRegistry, baseConfig: unknown, adapterConfig: unknown, options: { model: string; dtypes?: readonly TableDType[] }): EstimateResult {
  if (typeof adapterConfig !== "object" || adapterConfig === null || Array.isArray(adapterConfig)) throw new InvalidConfigError("adapter_config.json must be a JSON object");
  if (typeof baseConfig !== "object" || baseConfig === null || Array.isArray(baseConfig)) throw new InvalidConfigError("the adapter's base config must be a JSON object");
  const adapterRaw = adapterConfig as Record<string, unknown>;
  const raw = baseConfig as RawConfig;
  const arch = typeof raw.model_type === "string" ? registry.transformers(raw.model_type) : undefined;
  const auto = autoClassForTask(adapterRaw.task_type);
  const builder = arch?.models[auto];
  const built = builder && arch ? builder(resolveConfig(raw, arch.config)) : buildTransformers(registry, raw, options.model);
  const adapter = adapterFor(built.module, adapterRaw);
  const size = moduleSize(built.module);
  const largest = largestLayer(built.module, built.noSplitModules ?? []);
  const totalBytes = size.bytes + adapter.bytes;
  const dtypes = options.dtypes ?? TABLE_DTYPES;
  const rows = tableRows({ totalBytes, largestLayerBytes: largest.bytes, totalIsFloat: size.isFloat, largestLayerIsFloat: largest.isFloat }, dtypes);
  return {
    model: options.model,
    library: "transformers",
    modelClass: built.module.cls,
    parameters: size.parameters + adapter.parameters,
    bufferBytes: size.bufferBytes,
    totalBytes,
    largestLayer: { bytes: largest.bytes, names: largest.names },
    rows,
    noSplitModules: built.noSplitModules,
    table: createAsciiTable(TABLE_HEADERS, rows.map((r) => [r.dtype, r.display.largestLayer, r.display.total, r.display.training]), tableTitle(options.model)),
    source: "config",
    adapter,
  };
}
