/**
 * Which transformers class to build for a config: accelerate's choice (the first `AutoModelFor*` key of
 * `auto_map`, else `AutoModel`), a class named by the user (`--model-class LlamaForCausalLM`), or the Auto class
 * of a pipeline task (`--task text-classification`). Class names per model_type come from transformers 4.47's
 * auto mappings (model-classes.ts, generated); a head without a hand-written builder is built from its recipe
 * (heads.ts).
 */
import type { Config } from "../../../config/config.js";
import { UnsupportedArchitectureError, UsageError } from "../../../errors.js";
import type { ModelBuild, ModelBuilder, TransformersArchitecture } from "../../types.js";
import { buildHead, HeadRecipeError } from "./heads.js";
import type { Module } from "../../../modules/module.js";
import { CLASS_NO_SPLIT, HEAD_RECIPES, MODEL_CLASSES, OUTPUT_EMBEDDINGS, PIPELINE_TASKS, TASK_ALIASES } from "./model-classes.js";

/** What the user asked for; both absent means accelerate's own choice. */
export interface ClassRequest {
  /** A transformers class name: `LlamaForCausalLM`, `BertForTokenClassification`… */
  readonly modelClass?: string;
  /** A pipeline task name: `text-generation`, `text-classification`, `fill-mask`… */
  readonly task?: string;
}

/** The Auto class accelerate constructs: the first `AutoModelFor*` key of `auto_map`, else `AutoModel`. */
export function autoClassFor(config: Readonly<Record<string, unknown>>): string {
  const autoMap = config.auto_map;
  if (autoMap && typeof autoMap === "object" && !Array.isArray(autoMap)) {
    const key = Object.keys(autoMap).find((k) => k.startsWith("AutoModelFor"));
    if (key) return key;
  }
  return "AutoModel";
}

/** Every pipeline task name this knows (aliases included), for messages and `--help`. */
export function pipelineTasks(): string[] {
  return [...Object.keys(PIPELINE_TASKS), ...Object.keys(TASK_ALIASES)].sort();
}

/** The Auto classes a pipeline task tries, in order; a usage error for an unknown task. */
export function autoClassesForTask(task: string): readonly string[] {
  const autos = PIPELINE_TASKS[TASK_ALIASES[task] ?? task];
  if (!autos) throw new UsageError(`unknown task \`${task}\` (one of: ${pipelineTasks().join(", ")})`);
  return autos;
}

function builderFor(arch: TransformersArchitecture, auto: string): ModelBuilder | undefined {
  return (arch.models as Readonly<Record<string, ModelBuilder | undefined>>)[auto];
}

/**
 * Auto class → class name for a model type, from the generated table; empty for the types 4.47 lacked, whose
 * builders then name their classes themselves (see `buildModelClass`).
 */
function classTable(arch: TransformersArchitecture): Readonly<Record<string, string>> {
  return MODEL_CLASSES[arch.modelType] ?? {};
}

/**
 * The classes of a model type this package builds, in the table's order (the AutoModel class first). With a
 * config, a recipe counts only when it builds for it (T5ForTokenClassification wants a T5EncoderModel backbone).
 */
export function buildableClasses(arch: TransformersArchitecture, config?: Config): string[] {
  const table = classTable(arch);
  const names = new Set<string>();
  if (table.AutoModel) names.add(table.AutoModel);
  for (const [auto, cls] of Object.entries(table)) {
    if (builderFor(arch, auto)) names.add(cls);
    else if (HEAD_RECIPES()[cls] && (!config || buildsFor(arch, config, cls))) names.add(cls);
  }
  return [...names];
}

function buildsFor(arch: TransformersArchitecture, config: Config, cls: string): boolean {
  try {
    buildByRecipe(arch, config, cls);
    return true;
  } catch {
    return false;
  }
}

/** For messages: the classes built here, then those transformers has that are not built yet. */
function classList(arch: TransformersArchitecture, config: Config): string {
  const all = [...new Set(Object.values(classTable(arch)))];
  const built = new Set(buildableClasses(arch, config));
  const missing = all.filter((c) => !built.has(c));
  return `built here: ${[...built].join(", ") || "(none)"}${missing.length ? `; not built yet: ${missing.join(", ")}` : ""}`;
}

/** The module at a dotted path of named children (`cls.predictions.decoder`) with `edit` applied; unchanged if absent. */
function editAt(m: Module, path: readonly string[], edit: (m: Module) => Module): Module {
  if (path.length === 0) return edit(m);
  const [head, ...rest] = path;
  if (!m.children.some(([n]) => n === head)) return m;
  return { ...m, children: m.children.map(([n, c]) => [n, n === head ? editAt(c, rest, edit) : c] as const) };
}

/**
 * `tie_weights()` assigns the input embeddings' weight to the output embeddings (`get_output_embeddings()`) when
 * `tie_word_embeddings` holds: accelerate counts that weight in full, the real model once (`sharedInPytorch`).
 */
export function markTiedOutput(build: ModelBuild, config: Config): ModelBuild {
  const path = OUTPUT_EMBEDDINGS[build.module.cls];
  if (!path || config.get("tie_word_embeddings") !== true) return build;
  const module = editAt(build.module, path.split("."), (m) => ({
    ...m,
    params: m.params.map(([n, t]) => [n, n === "weight" ? { ...t, sharedInPytorch: true } : t] as const),
  }));
  return { ...build, module };
}

function buildByRecipe(arch: TransformersArchitecture, config: Config, cls: string): ModelBuild | undefined {
  const recipe = HEAD_RECIPES()[cls];
  if (!recipe) return undefined;
  const backbone = (name: string): ModelBuild => {
    const base = arch.models.AutoModel(config);
    if (base.module.cls === name) return base;
    // Another class of the same model type (T5ForTokenClassification holds a T5EncoderModel).
    for (const [auto, cls] of Object.entries(classTable(arch))) {
      const builder = cls === name ? builderFor(arch, auto) : undefined;
      if (builder) return builder(config);
    }
    throw new HeadRecipeError(`its backbone \`${name}\` is not the \`${base.module.cls}\` built here`);
  };
  try {
    return buildHead(cls, recipe, config, backbone);
  } catch (error) {
    if (!(error instanceof HeadRecipeError)) throw error;
    throw new UnsupportedArchitectureError(`\`${cls}\` cannot be built for this config: ${error.message}`, arch.modelType);
  }
}

/** Builds the class accelerate, the user's class or the task names, for a resolved config. */
export function buildModelClass(
  arch: TransformersArchitecture,
  config: Config,
  raw: Readonly<Record<string, unknown>>,
  request: ClassRequest = {},
): ModelBuild {
  const table = classTable(arch);
  const type = arch.modelType;
  let autos: readonly string[];
  let cls: string | undefined;
  if (request.modelClass !== undefined) {
    cls = request.modelClass;
    autos = Object.entries(table)
      .filter(([, c]) => c === cls)
      .map(([a]) => a);
    if (autos.length === 0) {
      // A model type 4.47 did not have: its builders' classes are the list.
      const own = Object.keys(arch.models).find((a) => builderFor(arch, a)!(config).module.cls === cls);
      if (!own) {
        throw new UnsupportedArchitectureError(
          `\`${cls}\` is not a transformers class for model_type \`${type}\` (${classList(arch, config) || Object.keys(arch.models).join(", ")})`,
          type,
        );
      }
      autos = [own];
    }
  } else if (request.task !== undefined) {
    const candidates = autoClassesForTask(request.task);
    const auto = candidates.find((a) => table[a] !== undefined || builderFor(arch, a));
    if (!auto) {
      throw new UnsupportedArchitectureError(
        `task \`${request.task}\` has no class for model_type \`${type}\` (${classList(arch, config)})`,
        type,
      );
    }
    autos = [auto];
    cls = table[auto];
  } else {
    const auto = autoClassFor(raw);
    autos = [auto];
    cls = table[auto];
    if (cls === undefined && !builderFor(arch, auto) && auto !== "AutoModel") {
      // transformers itself refuses: `AutoModelForX.from_config` raises "Unrecognized configuration class".
      throw new UnsupportedArchitectureError(
        `\`${auto}\` (from the config's auto_map) has no class for model_type \`${type}\` in transformers (${classList(arch, config)})`,
        type,
      );
    }
  }
  for (const auto of autos) {
    const builder = builderFor(arch, auto);
    if (!builder) continue;
    const built = builder(config);
    if (cls === undefined || built.module.cls === cls) {
      // `_no_split_modules` is per class: BertModel declares it, BertForMaskedLM does not.
      const own = CLASS_NO_SPLIT[built.module.cls];
      return markTiedOutput(own === undefined || auto === "AutoModel" ? built : { ...built, noSplitModules: own }, config);
    }
  }
  const fromRecipe = cls !== undefined ? buildByRecipe(arch, config, cls) : undefined;
  if (fromRecipe) return markTiedOutput(fromRecipe, config);
  throw new UnsupportedArchitectureError(
    `\`${cls ?? autos[0]}\` for model_type \`${type}\` is not supported yet (${classList(arch, config)})`,
    type,
  );
}
