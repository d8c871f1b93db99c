/**
 * Every planner option, defined once: its name (the CLI's `--seq-len`, the API's and the page's `seq-len`), its
 * kind, choices, default and one-line description, and the rules that refuse contradictory combinations. The CLI
 * flags, the server's query parameters, the page's controls and the Planner's own defaults are all read from this
 * table; adding an option is one entry here (plus its field in `PlanOptions`, which the `satisfies` below demands).
 */
import { optionError, optionRef as ref } from "../errors.js";
import { findGpu } from "./gpus.js";
import { ATTN_IMPLEMENTATIONS, FSDP_MODES, OFFLOADS, OPTIMIZERS, PLAN_DTYPES, PRECISIONS, QUANTIZATIONS, TRAIN_METHODS, ZERO_STAGES, type PlanOptions } from "./types.js";

export type PlanOptionKey = keyof PlanOptions;

interface Common {
  /** Kebab-case name: `--NAME` on the command line, `NAME=` in a query. */
  readonly name: string;
  /** Other spellings accepted (`seq_len`, argparse style). */
  readonly aliases?: readonly string[];
  /** Placeholder for the value in `--help`. */
  readonly valueName?: string;
  readonly description: string;
  /** The one kind of plan the option means something for; given with the other, it is refused (not ignored). */
  readonly appliesTo?: "inference" | "training";
}

/** How an option's value is written and checked. */
export type PlanOptionDef = Common &
  (
    | { readonly kind: "switch"; readonly default?: boolean }
    | { readonly kind: "choice"; readonly choices: readonly string[]; readonly default?: string }
    | { readonly kind: "integer"; readonly min: number; readonly choices?: readonly number[]; readonly default?: number }
    | { readonly kind: "number"; readonly min: number; readonly default?: number }
    /** Comma-separated names, or one keyword standing for all of them (`all-linear`). */
    | { readonly kind: "list"; readonly keyword: string; readonly default?: string }
    /** A GPU catalog name (matched loosely, see `findGpu`). */
    | { readonly kind: "gpu" }
  );

export const PLAN_OPTION_TABLE = {
  inference: { name: "inference", kind: "switch", description: "plan inference memory: weights + KV cache + activations + overhead" },
  train: { name: "train", kind: "choice", choices: TRAIN_METHODS, valueName: "METHOD", description: "plan training memory: full, lora or qlora" },
  batchSize: { name: "batch-size", aliases: ["batch_size"], kind: "integer", min: 1, default: 1, valueName: "N", description: "sequences per step, per GPU" },
  seqLen: { name: "seq-len", aliases: ["seq_len"], kind: "integer", min: 1, default: 2048, valueName: "N", description: "tokens per sequence" },
  encoderSeqLen: {
    name: "encoder-seq-len",
    aliases: ["encoder_seq_len"],
    kind: "integer",
    min: 1,
    valueName: "N",
    description: "encoder tokens for encoder-decoder models (default: the sequence length)",
  },
  dtype: { name: "dtype", appliesTo: "inference", kind: "choice", choices: PLAN_DTYPES, default: "bfloat16", valueName: "DTYPE", description: "inference weights dtype" },
  kvDtype: { name: "kv-dtype", appliesTo: "inference", aliases: ["kv_dtype"], kind: "choice", choices: PLAN_DTYPES, valueName: "DTYPE", description: "KV cache dtype (default: the compute dtype)" },
  quantization: { name: "quantization", appliesTo: "inference", kind: "choice", choices: QUANTIZATIONS, valueName: "METHOD", description: "quantized inference weights" },
  doubleQuant: { name: "double-quant", aliases: ["double_quant"], kind: "switch", default: false, description: "bitsandbytes 4-bit double quantization (nf4/fp4, QLoRA)" },
  groupSize: { name: "group-size", appliesTo: "inference", aliases: ["group_size"], kind: "integer", min: 1, default: 128, valueName: "N", description: "GPTQ/AWQ group size" },
  overheadMb: {
    name: "overhead-mb",
    aliases: ["overhead_mb"],
    kind: "number",
    min: 0,
    valueName: "MIB",
    description: "per-GPU runtime overhead in MiB (default: CUDA context + allocator reserve)",
  },
  optimizer: {
    name: "optimizer",
    appliesTo: "training",
    kind: "choice",
    choices: OPTIMIZERS,
    default: "adamw_torch",
    valueName: "OPT",
    description: "Trainer's optim name: adamw_torch, adamw_torch_fused, adamw_hf, adamw_bnb_8bit, paged_adamw_8bit, paged_adamw_32bit, lion_8bit, adafactor, sgd…",
  },
  optimizerInBackward: {
    name: "optimizer-in-backward",
    appliesTo: "training",
    aliases: ["optimizer_in_backward", "optimizer-in-bwd"],
    kind: "switch",
    default: false,
    description: "apply and free each gradient during backward (torchtune optimizer_in_bwd)",
  },
  attnImplementation: {
    name: "attn-implementation",
    aliases: ["attn_implementation"],
    kind: "choice",
    choices: ATTN_IMPLEMENTATIONS,
    valueName: "IMPL",
    description: "eager, sdpa or flash_attention_2 (default: what transformers picks, sdpa where supported)",
  },
  promptLen: {
    name: "prompt-len",
    appliesTo: "inference",
    aliases: ["prompt_len"],
    kind: "integer",
    min: 1,
    valueName: "N",
    description: "prompt tokens of the prefill (default: the sequence length)",
  },
  imageSize: { name: "image-size", aliases: ["image_size"], kind: "integer", min: 1, valueName: "PX", description: "vision models: input side in pixels (default: the model's input size)" },
  precision: { name: "precision", appliesTo: "training", kind: "choice", choices: PRECISIONS, default: "mixed-bf16", valueName: "P", description: "training precision" },
  gradientCheckpointing: {
    appliesTo: "training",
    name: "gradient-checkpointing",
    aliases: ["gradient_checkpointing"],
    kind: "switch",
    default: false,
    description: "recompute activations in backward",
  },
  chunkedLoss: { name: "chunked-loss", appliesTo: "training", aliases: ["chunked_loss"], kind: "switch", default: false, description: "loss over 8 token chunks (torchtune): 1/8 of the logits at once" },
  loraR: { name: "lora-r", appliesTo: "training", aliases: ["lora_r"], kind: "integer", min: 1, default: 8, valueName: "R", description: "LoRA rank, PEFT's r" },
  loraTargets: {
    appliesTo: "training",
    name: "lora-targets",
    aliases: ["lora_targets"],
    kind: "list",
    keyword: "all-linear",
    default: "all-linear",
    valueName: "TARGETS",
    description: "all-linear or module names: q_proj,v_proj",
  },
  gpus: { name: "gpus", kind: "integer", min: 1, default: 1, valueName: "N", description: "number of GPUs" },
  zero: { name: "zero", appliesTo: "training", kind: "integer", min: 1, choices: ZERO_STAGES, valueName: "STAGE", description: "DeepSpeed ZeRO stage (training, with the number of GPUs)" },
  offload: { name: "offload", appliesTo: "training", kind: "choice", choices: OFFLOADS, valueName: "WHAT", description: "with ZeRO: cpu (params + optimizer) or optimizer" },
  fsdp: { name: "fsdp", appliesTo: "training", kind: "choice", choices: FSDP_MODES, valueName: "MODE", description: "PyTorch FSDP sharding (training, with the number of GPUs)" },
  tp: { name: "tp", kind: "integer", min: 1, valueName: "N", description: "tensor-parallel degree (inference default: the number of GPUs)" },
  gpu: { name: "gpu", kind: "gpu", valueName: "NAME", description: "an accelerator from the GPU catalog: adds fits, gpusNeeded, maxBatchSize, maxSeqLen" },
} as const satisfies { readonly [K in PlanOptionKey]-?: PlanOptionDef };

type Table = typeof PLAN_OPTION_TABLE;
type KeysWithDefault = { [K in PlanOptionKey]: Table[K] extends { readonly default: unknown } ? K : never }[PlanOptionKey];
/** A default's type: numbers and switches widened, names kept as written (`"bfloat16"`, `"all-linear"`). */
type DefaultOf<K extends PlanOptionKey> = Table[K] extends { readonly default: infer V } ? (V extends number ? number : V extends boolean ? boolean : V) : never;

/** The Planner's defaults: what an option absent from `PlanOptions` means. */
export const PLAN_DEFAULTS = Object.fromEntries(
  Object.entries(PLAN_OPTION_TABLE).flatMap(([key, def]) => ("default" in def ? [[key, def.default]] : [])),
) as { readonly [K in KeysWithDefault]: DefaultOf<K> };

export const PLAN_OPTION_KEYS = Object.keys(PLAN_OPTION_TABLE) as PlanOptionKey[];

/** The option's kebab-case name (`seqLen` → `seq-len`): the CLI flag without dashes and the query parameter. */
export function planOptionName(key: string): string | undefined {
  return Object.hasOwn(PLAN_OPTION_TABLE, key) ? PLAN_OPTION_TABLE[key as PlanOptionKey].name : undefined;
}

/** The key for a name or alias (`seq-len`, `seq_len` → `seqLen`). */
export function planOptionKey(name: string): PlanOptionKey | undefined {
  return PLAN_OPTION_KEYS.find((key) => {
    const def: PlanOptionDef = PLAN_OPTION_TABLE[key];
    return def.name === name || (def.aliases ?? []).includes(name);
  });
}

const list = (items: readonly (string | number)[]) => items.join(", ");

/** Checks one typed value against its entry (for library callers; front ends parse strings first). */
function checkValue(key: PlanOptionKey, value: unknown): void {
  const def: PlanOptionDef = PLAN_OPTION_TABLE[key];
  const k = ref(key);
  switch (def.kind) {
    case "switch":
      if (typeof value !== "boolean") throw optionError`${k} is a switch: true or false (got ${String(value)})`;
      return;
    case "choice":
      if (typeof value !== "string" || !def.choices.includes(value)) throw optionError`${k}: invalid choice '${String(value)}' (choose from ${list(def.choices)})`;
      return;
    case "integer":
      if (def.choices) {
        if (!def.choices.includes(value as number)) throw optionError`${k} must be ${def.choices.slice(0, -1).join(", ")} or ${def.choices[def.choices.length - 1]} (got ${String(value)})`;
      } else if (typeof value !== "number" || !Number.isSafeInteger(value) || value < def.min) {
        throw optionError`${k} must be ${def.min === 1 ? "a positive integer" : `an integer ≥ ${def.min}`} (got ${String(value)})`;
      }
      return;
    case "number":
      if (typeof value !== "number" || !Number.isFinite(value) || value < def.min) throw optionError`${k} must be a number ≥ ${def.min} (got ${String(value)})`;
      return;
    case "list":
      if (value === def.keyword) return;
      if (!Array.isArray(value) || value.length === 0 || value.some((v) => typeof v !== "string" || v.trim() === "")) {
        throw optionError`${k} must be ${def.keyword} or a list of names (got ${String(value)})`;
      }
      return;
    case "gpu":
      if (typeof value !== "string") throw optionError`${k} must be a GPU name (got ${String(value)})`;
      findGpu(value);
      return;
  }
}

/** Options validated already (the same object is not checked twice: once before any Hub request is enough). */
const validated = new WeakSet<PlanOptions>();

/**
 * Refuses bad values and contradictory combinations, naming options by key (`OptionError`): the front ends call
 * it before any network access, `plan()` calls it for library callers.
 */
export function validatePlanOptions(o: PlanOptions): void {
  if (validated.has(o)) return;
  for (const key of PLAN_OPTION_KEYS) {
    const value = o[key];
    if (value !== undefined) checkValue(key, value);
  }
  const [inference, train, quantization, loraR, loraTargets, zero, fsdp, gpus, offload, tp] = (
    ["inference", "train", "quantization", "loraR", "loraTargets", "zero", "fsdp", "gpus", "offload", "tp"] as const
  ).map(ref);
  if (o.train && o.inference) throw optionError`${inference} and ${train} are exclusive`;
  if (o.quantization && o.train) throw optionError`${quantization} is for ${inference} (QLoRA is ${train} qlora)`;
  if ((o.loraR !== undefined || o.loraTargets !== undefined) && o.train !== "lora" && o.train !== "qlora") {
    throw optionError`${o.loraR !== undefined ? loraR : loraTargets} needs ${train} lora or ${train} qlora`;
  }
  if (o.zero !== undefined && o.fsdp !== undefined) throw optionError`${zero} and ${fsdp} are exclusive`;
  for (const key of PLAN_OPTION_KEYS) {
    const def: PlanOptionDef = PLAN_OPTION_TABLE[key];
    if (o[key] === undefined || def.appliesTo === undefined) continue;
    if (def.appliesTo === "training" && !o.train) throw optionError`${ref(key)} applies to ${train}`;
    if (def.appliesTo === "inference" && o.train) throw optionError`${ref(key)} applies to ${inference}`;
  }
  // Sharding across an unstated number of GPUs would silently mean one: the count is part of the question.
  if (o.zero !== undefined && o.gpus === undefined) throw optionError`${zero} needs ${gpus} (how many GPUs share the states)`;
  if (o.fsdp !== undefined && o.gpus === undefined) throw optionError`${fsdp} needs ${gpus} (how many GPUs share the states)`;
  if (o.offload && o.zero === undefined) throw optionError`${offload} needs ${zero}`;
  if (o.tp !== undefined && o.gpus !== undefined && o.tp > o.gpus) throw optionError`${tp} ${o.tp} needs at least ${o.tp} GPUs (${gpus} ${o.gpus})`;
  if (o.optimizerInBackward && (o.zero !== undefined || o.fsdp !== undefined)) {
    throw optionError`${ref("optimizerInBackward")} is single-process (torchtune): not with ${zero} or ${fsdp}`;
  }
  const fp32 = o.train ? o.precision === "fp32" : o.dtype === "float32";
  if (o.attnImplementation === "flash_attention_2" && fp32) throw optionError`${ref("attnImplementation")} flash_attention_2 runs in float16/bfloat16 only (not with float32)`;
  if (o.promptLen !== undefined && o.seqLen !== undefined && o.promptLen > o.seqLen) {
    throw optionError`${ref("promptLen")} ${o.promptLen} is longer than ${ref("seqLen")} ${o.seqLen}`;
  }
  validated.add(o);
}
