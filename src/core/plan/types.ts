/**
 * The Planner's inputs and outputs. Field names are a contract: the CLI's `--json` prints `plan` as is,
 * and later versions only add fields.
 */

export const PLAN_DTYPES = ["float32", "float16", "bfloat16", "fp8"] as const;
export type PlanDType = (typeof PLAN_DTYPES)[number];

export const QUANTIZATIONS = ["bnb-int8", "bnb-nf4", "bnb-fp4", "gptq-4bit", "gptq-8bit", "awq-4bit", "fp8"] as const;
export type Quantization = (typeof QUANTIZATIONS)[number];

export const TRAIN_METHODS = ["full", "lora", "qlora"] as const;
export type TrainMethod = (typeof TRAIN_METHODS)[number];


/** Hugging Face Trainer's `optim` names (their memory in optimizers.ts). */
export const OPTIMIZER_NAMES = [
  "adamw_torch",
  "adamw_torch_fused",
  "adamw_apex_fused",
  "adamw_hf",
  "adamw_bnb_8bit",
  "adamw_8bit",
  "paged_adamw_8bit",
  "paged_adamw_32bit",
  "lion_8bit",
  "lion_32bit",
  "paged_lion_8bit",
  "paged_lion_32bit",
  "adafactor",
  "sgd",
  "adagrad",
  "rmsprop",
] as const;
export type OptimizerName = (typeof OPTIMIZER_NAMES)[number];

/** The short names of the first Planner release stay accepted. */
export const OPTIMIZER_ALIASES = { adamw: "adamw_torch", "adamw-8bit": "adamw_bnb_8bit" } as const satisfies Record<string, OptimizerName>;
export type OptimizerAlias = keyof typeof OPTIMIZER_ALIASES;

/** Hugging Face Trainer's `optim` names, then the short names of the first release (aliases). */
export const OPTIMIZERS = [...OPTIMIZER_NAMES, ...(Object.keys(OPTIMIZER_ALIASES) as (keyof typeof OPTIMIZER_ALIASES)[])] as const;
export type Optimizer = (typeof OPTIMIZERS)[number];

/** transformers' `attn_implementation` names. */
export const ATTN_IMPLEMENTATIONS = ["eager", "sdpa", "flash_attention_2"] as const;
export type AttnImplementation = (typeof ATTN_IMPLEMENTATIONS)[number];

export const PRECISIONS = ["fp32", "mixed-bf16", "mixed-fp16", "bf16"] as const;
export type Precision = (typeof PRECISIONS)[number];

export const FSDP_MODES = ["full", "shard-grad-op"] as const;
export type FsdpMode = (typeof FSDP_MODES)[number];

/** DeepSpeed ZeRO stages. */
export const ZERO_STAGES = [1, 2, 3] as const;
export type ZeroStage = (typeof ZERO_STAGES)[number];

/** `cpu`: parameters and optimizer states offloaded (DeepSpeed's estimator default); `optimizer`: optimizer only. */
export const OFFLOADS = ["cpu", "optimizer"] as const;
export type Offload = (typeof OFFLOADS)[number];

export interface PlanOptions {
  /** Inference plan (the default when `train` is absent). */
  readonly inference?: boolean;
  readonly train?: TrainMethod;
  /** Sequences per step (per GPU for data parallelism). Default 1. */
  readonly batchSize?: number;
  /** Tokens per sequence (prompt + generated for inference). Default 2048 for inference/training. */
  readonly seqLen?: number;
  /** Encoder tokens for encoder-decoder models (cross-attention cache). Default: seqLen (Whisper: 1500 frames). */
  readonly encoderSeqLen?: number;
  /** Inference weights dtype (default bfloat16). */
  readonly dtype?: PlanDType;
  /** KV cache dtype (default: the weights dtype; fp8 → 1 byte). */
  readonly kvDtype?: PlanDType;
  readonly quantization?: Quantization;
  /** bitsandbytes 4-bit double quantization (`bnb_4bit_use_double_quant`). Default false, as transformers. */
  readonly doubleQuant?: boolean;
  /** GPTQ/AWQ group size. Default 128. */
  readonly groupSize?: number;
  /** Replaces the default per-GPU overhead (CUDA context + allocator reserve), in MiB. */
  readonly overheadMb?: number;
  /** Trainer's `optim` name (default adamw_torch); `adamw`, `adamw-8bit` are aliases. */
  readonly optimizer?: Optimizer;
  /** torchtune's optimizer-in-backward: each gradient is applied and freed as soon as it is computed. */
  readonly optimizerInBackward?: boolean;
  /** transformers' `attn_implementation` (default sdpa: what transformers picks where the model supports it). */
  readonly attnImplementation?: AttnImplementation;
  /** Inference: tokens of the prompt processed by the prefill (default: seqLen). */
  readonly promptLen?: number;
  /** Vision models: the input side in pixels (default: the model's own input size). */
  readonly imageSize?: number;
  readonly precision?: Precision;
  readonly gradientCheckpointing?: boolean;
  /** Loss computed over chunks of tokens (torchtune CEWithChunkedOutputLoss / LinearCrossEntropyLoss, 8 chunks): 1/8 of the logits live at once. */
  readonly chunkedLoss?: boolean;
  readonly loraR?: number;
  /** `all-linear` or module-name suffixes (`q_proj`, `v_proj`). Default all-linear. */
  readonly loraTargets?: "all-linear" | readonly string[];
  readonly gpus?: number;
  readonly zero?: ZeroStage;
  readonly offload?: Offload;
  readonly fsdp?: FsdpMode;
  readonly tp?: number;
  /** A name from the GPU catalog (`H100 80GB`): adds fits / gpusNeeded / maxBatchSize / maxSeqLen. */
  readonly gpu?: string;
}

export interface KvCacheLayerGroup {
  /** `full`, `sliding`, `chunked`, `mla`, `cross`, `ssm`, `recurrent`. */
  readonly kind: string;
  readonly layers: number;
  /** Tokens held per sequence on each such layer (the fixed state size for SSM layers: 0). */
  readonly tokens: number;
  /** Bytes per layer per sequence-token (KV) or per sequence (SSM/recurrent state). */
  readonly bytesPerUnit: number;
  readonly bytes: number;
}

export interface KvCacheDetail {
  /** `mha`, `gqa`, `mqa`, `mla`, `sliding-window`, `hybrid-ssm`, `ssm`, `encoder-decoder`, `none`. */
  readonly variant: string;
  readonly groups: readonly KvCacheLayerGroup[];
  readonly formula: string;
}

export interface QuantizationDetail {
  readonly method: Quantization;
  /** Parameters stored quantized (Linear weights outside the output head). */
  readonly quantizedParameters: number;
  /** Parameters kept in 16-bit (embeddings, norms, output head, biases, other tensors). */
  readonly keptParameters: number;
  /** Scales, zeros, absmax and index tensors the method adds. */
  readonly stateBytes: number;
}

export interface LoraDetail {
  readonly r: number;
  readonly targets: "all-linear" | readonly string[];
  /** Number of module instances that receive an adapter. */
  readonly targetedModules: number;
  readonly trainableParameters: number;
}

export interface StageRow {
  readonly dtype: "float32" | "float16";
  readonly model: number;
  readonly gradientCalculation: number;
  readonly backwardPass: number;
  readonly optimizerStep: number;
  readonly display: { readonly model: string; readonly gradientCalculation: string; readonly backwardPass: string; readonly optimizerStep: string };
}

export interface ParallelDetail {
  readonly gpus: number;
  readonly strategy: string;
  readonly tp: number;
  /** DeepSpeed's estimate of host memory per node (`cpu_mem`), when ZeRO is used. */
  readonly cpuBytesPerNode?: number;
  /** The largest module's own parameter count (DeepSpeed's `model_to_params`). */
  readonly largestLayerParameters: number;
}

export interface PlanPhase {
  /** `prefill`, `decode` (inference); `forward`, `backward`, `optimizer` (training). */
  readonly name: string;
  /** What is resident on each GPU during the phase, overhead included. */
  readonly bytes: number;
}

export interface ActivationDetail {
  readonly attnImplementation: AttnImplementation;
  /** Training: bytes autograd holds for backward at the end of the forward (what the oracle kit measures). */
  readonly savedForBackwardBytes?: number;
  /** Vision models: tokens (or the feature maps' input side) the activations were computed for. */
  readonly imageSize?: number;
  readonly tokensPerImage?: number;
  /** Whether activations are modelled for this architecture (false: counted as 0 and fit searches refuse). */
  readonly modelled: boolean;
}

export interface GpuInfo {
  readonly name: string;
  readonly vendor: string;
  readonly memoryBytes: number;
}

export interface Plan {
  readonly mode: "inference" | "training";
  readonly modelClass: string;
  readonly parameters: number;
  readonly settings: Readonly<Record<string, unknown>>;
  /** Per GPU. */
  readonly weightsBytes: number;
  readonly kvCacheBytes: number;
  readonly activationBytes: number;
  readonly gradientBytes: number;
  readonly optimizerBytes: number;
  /** Of optimizerBytes, states in unified (paged) memory: evicted to the host under pressure, not in the peak. */
  readonly pagedOptimizerBytes?: number;
  readonly overheadBytes: number;
  /** Peak per GPU: what has to fit on each device = the largest phase. */
  readonly totalBytes: number;
  readonly phases: readonly PlanPhase[];
  readonly peakPhase: string;
  readonly activations?: ActivationDetail;
  readonly trainableParameters?: number;
  readonly modelStatesPerGpuBytes?: number;
  readonly kvCache?: KvCacheDetail;
  readonly quantization?: QuantizationDetail;
  readonly lora?: LoraDetail;
  readonly parallel?: ParallelDetail;
  /** The Accelerate Space's "Training using Adam explained" table (full training with an Adam optimizer only). */
  readonly stages?: readonly StageRow[];
  readonly gpu?: GpuInfo;
  readonly fits?: boolean;
  readonly gpusNeeded?: number | null;
  /** null: activations are not modelled for this architecture, so no batch/context search is made. */
  readonly maxBatchSize?: number | null;
  readonly maxSeqLen?: number | null;
  /** Things the user should know (a sequence longer than the model's positions…); the CLI prints them on stderr. */
  readonly warnings: readonly string[];
  readonly assumptions: readonly string[];
}
