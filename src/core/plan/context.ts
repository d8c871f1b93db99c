/** What every part of the Planner reads: the model, its tree statistics, its activation model, the GPU. */
import type { ArchitectureLookup } from "../architectures/registry.js";
import { PLAN_DEFAULTS } from "./options.js";
import type { Config } from "../config/config.js";
import type { Module } from "../modules/module.js";
import type { LayerGeometry } from "./activations.js";
import type { GpuSpec } from "./gpu-catalog.js";
import type { KvResult } from "./kv-cache.js";
import type { TreeStats } from "./tree.js";
import type { AttnImplementation, LoraDetail, ParallelDetail, PlanPhase, QuantizationDetail } from "./types.js";
import type { ConvActivations, VisionTokens } from "./vision.js";

/** The model the plan is about (a causal LM where one exists) and what accelerate measured. */
export interface PlanModel {
  readonly module: Module;
  readonly noSplitModules: readonly string[] | null;
  /** Resolved transformers config; absent for timm and header-only checkpoints. */
  readonly config?: Config;
  /** The model decodes token by token (causal LM or encoder-decoder): it has a KV cache. */
  readonly generative: boolean;
  /** Training ends in a cross-entropy over the vocabulary (causal/masked LM, seq2seq). Default: `generative`. */
  readonly vocabLoss?: boolean;
  /** accelerate's float32 total for the model it builds (the Space's stage table starts from it). */
  readonly accelerateTotalBytes: number;
  /** The input side the model is made for (timm's pretrained_cfg.input_size, a vision config's image_size). */
  readonly imageSize?: number;
  /** Geometry read from checkpoint tensors when there is no config (header-only plans). */
  readonly geometry?: LayerGeometry;
  /**
   * Bytes of a quantized checkpoint's tensors as stored (GGUF blocks, GPTQ/AWQ packing + scales): what inference
   * holds when no --dtype / --quantization asks for something else.
   */
  readonly storedWeightsBytes?: number;
  /** The estimator's architectures, for a nested `text_config`'s class defaults (none for header-only plans). */
  readonly lookup?: ArchitectureLookup;
}

/** The sequence length a plan assumes when none is given (the option table's default). */
export const DEFAULT_SEQ = PLAN_DEFAULTS.seqLen;

export interface Resolved {
  readonly mode: "inference" | "training";
  readonly batch: number;
  readonly seq: number;
  readonly promptLen: number;
  readonly encoderSeq: number;
  readonly gpus: number;
  readonly tp: number;
  readonly attn: AttnImplementation;
}

/** How activations are modelled: transformer blocks over tokens, staged feature maps, or not at all. */
export type ActivationModel =
  | { readonly kind: "text"; readonly geometry: LayerGeometry }
  | { readonly kind: "vit"; readonly geometry: LayerGeometry; readonly tokens: VisionTokens; readonly imageSize: number }
  | { readonly kind: "conv"; readonly conv: ConvActivations; readonly imageSize: number }
  | { readonly kind: "none" };

export interface Ctx {
  readonly model: PlanModel;
  readonly stats: TreeStats;
  readonly activations: ActivationModel;
  readonly gpu: GpuSpec | undefined;
  readonly maxPositions: number | undefined;
}

export interface Breakdown {
  weightsBytes: number;
  kvCacheBytes: number;
  activationBytes: number;
  gradientBytes: number;
  optimizerBytes: number;
  pagedOptimizerBytes?: number;
  overheadBytes: number;
  /** Each phase's resident bytes, overhead included; the peak is the largest. */
  phases: PlanPhase[];
  savedForBackwardBytes?: number;
  trainableParameters?: number;
  modelStatesPerGpuBytes?: number;
  kv?: KvResult;
  quantization?: QuantizationDetail;
  lora?: LoraDetail;
  parallel?: ParallelDetail;
}

export function peakOf(phases: readonly PlanPhase[]): PlanPhase {
  return phases.reduce((a, b) => (b.bytes > a.bytes ? b : a));
}
