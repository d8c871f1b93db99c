import type { Config, ConfigSpec } from "../config/config.js";
import type { Module } from "../modules/module.js";

/** A built model: its module tree and the `_no_split_modules` of its class (null for timm and plain torch). */
export interface ModelBuild {
  readonly module: Module;
  readonly noSplitModules: readonly string[] | null;
  /** The resolved config (class defaults + file values) the tree was built from; transformers only. */
  readonly config?: Config;
}

export type ModelBuilder = (config: Config) => ModelBuild;

/** The `AutoModel*` classes accelerate may construct: `AutoModel`, or the first `AutoModelFor*` in `auto_map`. */
export type AutoClass =
  | "AutoModel"
  | "AutoModelForCausalLM"
  | "AutoModelForMaskedLM"
  | "AutoModelForSeq2SeqLM"
  | "AutoModelForSequenceClassification"
  | "AutoModelForTokenClassification"
  | "AutoModelForQuestionAnswering"
  | "AutoModelForImageClassification"
  | "AutoModelForVision2Seq"
  | "AutoModelForImageTextToText"
  | "AutoModelForSpeechSeq2Seq"
  | "AutoModelForPreTraining"
  | "AutoModelForTextEncoding";

/**
 * One transformers `model_type`: its config class (defaults, aliases, derived values) and a builder per
 * Auto class it supports. `AutoModel` is required: it is what accelerate builds for a plain config.
 */
export interface TransformersArchitecture {
  readonly modelType: string;
  readonly config: ConfigSpec;
  readonly models: { readonly AutoModel: ModelBuilder } & Partial<Record<AutoClass, ModelBuilder>>;
  /** The transformers modeling file this is ported from (for readers, and for `--list`). */
  readonly source: string;
}

/** The arguments `timm.create_model` ends up passing to the model class. */
export interface TimmArgs {
  readonly numClasses: number;
  readonly inChans: number;
  readonly globalPool?: string;
  /** Only set when the pretrained config says `fixed_input_size` (ViT-style models bake it into their shapes). */
  readonly imgSize?: readonly [number, number];
  /** `model_args` from config.json, passed through as keyword arguments. */
  readonly extra: Readonly<Record<string, unknown>>;
}

/** A timm model family: the registered model names it serves and how to build one. */
export interface TimmFamily {
  readonly family: string;
  /** The registered model names (`resnet50`, `resnet50d`, …) this family builds. */
  readonly names: readonly string[];
  readonly build: (name: string, args: TimmArgs) => Module;
  readonly source: string;
}

/**
 * One diffusers model class (`_class_name` in its config.json): its `__init__` defaults, its `_no_split_modules`
 * (null where the class leaves it None: accelerate then walks leaves only) and how to build its module tree.
 */
export interface DiffusersModel {
  readonly className: string;
  readonly defaults: Readonly<Record<string, unknown>>;
  readonly noSplitModules: readonly string[] | null;
  readonly build: (config: Config) => Module;
  /** The diffusers modeling file this is ported from. */
  readonly source: string;
}
