/**
 * The Planner's CLI flags (issue #6: names are a contract) and its human-readable breakdown table.
 */
import { UsageError } from "../core/errors.js";
import { createAsciiTable } from "../core/format/ascii-table.js";
import { listGpus } from "../core/plan/gpus.js";
import {
  ATTN_IMPLEMENTATIONS,
  FSDP_MODES,
  OFFLOADS,
  OPTIMIZERS,
  PLAN_DTYPES,
  PRECISIONS,
  QUANTIZATIONS,
  TRAIN_METHODS,
  type Plan,
  type PlanOptions,
} from "../core/plan/types.js";
import type { OptionSpec } from "./args.js";

export const PLAN_OPTIONS = {
  inference: { kind: "flag", description: "plan inference memory: weights + KV cache + activations + overhead" },
  train: { kind: "value", choices: TRAIN_METHODS, valueName: "METHOD", description: "plan training memory: full, lora or qlora" },
  "batch-size": { kind: "value", aliases: ["batch_size"], valueName: "N", description: "sequences per step, per GPU (default 1)" },
  "seq-len": { kind: "value", aliases: ["seq_len"], valueName: "N", description: "tokens per sequence (default 2048)" },
  "encoder-seq-len": { kind: "value", aliases: ["encoder_seq_len"], valueName: "N", description: "encoder tokens for encoder-decoder models (default: --seq-len)" },
  dtype: { kind: "value", choices: PLAN_DTYPES, valueName: "DTYPE", description: "inference weights dtype (default bfloat16)" },
  "kv-dtype": { kind: "value", aliases: ["kv_dtype"], choices: PLAN_DTYPES, valueName: "DTYPE", description: "KV cache dtype (default: the compute dtype)" },
  quantization: { kind: "value", choices: QUANTIZATIONS, valueName: "METHOD", description: "quantized inference weights" },
  "double-quant": { kind: "flag", aliases: ["double_quant"], description: "bitsandbytes 4-bit double quantization (nf4/fp4, QLoRA)" },
  "group-size": { kind: "value", aliases: ["group_size"], valueName: "N", description: "GPTQ/AWQ group size (default 128)" },
  "overhead-mb": { kind: "value", aliases: ["overhead_mb"], valueName: "MIB", description: "per-GPU runtime overhead in MiB (default: CUDA context + allocator reserve)" },
  optimizer: { kind: "value", choices: OPTIMIZERS, valueName: "OPT", description: "Trainer's optim name: adamw_torch (default), adamw_torch_fused, adamw_hf, adamw_bnb_8bit, paged_adamw_8bit, paged_adamw_32bit, lion_8bit, adafactor, sgd…" },
  "optimizer-in-backward": { kind: "flag", aliases: ["optimizer_in_backward", "optimizer-in-bwd"], description: "apply and free each gradient during backward (torchtune optimizer_in_bwd)" },
  "attn-implementation": { kind: "value", aliases: ["attn_implementation"], choices: ATTN_IMPLEMENTATIONS, valueName: "IMPL", description: "eager, sdpa or flash_attention_2 (default: what transformers picks, sdpa where supported)" },
  "prompt-len": { kind: "value", aliases: ["prompt_len"], valueName: "N", description: "inference: prompt tokens of the prefill (default: --seq-len)" },
  "image-size": { kind: "value", aliases: ["image_size"], valueName: "PX", description: "vision models: input side in pixels (default: the model's input size)" },
  precision: { kind: "value", choices: PRECISIONS, valueName: "P", description: "training precision (default mixed-bf16)" },
  "gradient-checkpointing": { kind: "flag", aliases: ["gradient_checkpointing"], description: "recompute activations in backward" },
  "chunked-loss": { kind: "flag", aliases: ["chunked_loss"], description: "loss over 8 token chunks (torchtune): 1/8 of the logits at once" },
  "lora-r": { kind: "value", aliases: ["lora_r"], valueName: "R", description: "LoRA rank (default 8, PEFT's)" },
  "lora-targets": { kind: "values", aliases: ["lora_targets"], valueName: "TARGETS", description: "all-linear (default) or module names: q_proj,v_proj" },
  gpus: { kind: "value", valueName: "N", description: "number of GPUs" },
  zero: { kind: "value", choices: ["1", "2", "3"], valueName: "STAGE", description: "DeepSpeed ZeRO stage (training)" },
  offload: { kind: "value", choices: OFFLOADS, valueName: "WHAT", description: "with --zero: cpu (params + optimizer) or optimizer" },
  fsdp: { kind: "value", choices: FSDP_MODES, valueName: "MODE", description: "PyTorch FSDP sharding (training)" },
  tp: { kind: "value", valueName: "N", description: "tensor-parallel degree" },
  gpu: { kind: "value", valueName: "NAME", description: "an accelerator from --list-gpus: adds fits, gpusNeeded, maxBatchSize, maxSeqLen" },
  "list-gpus": { kind: "flag", aliases: ["list_gpus"], description: "print the accelerator catalog" },
} as const satisfies Record<string, OptionSpec>;

type Parsed = Readonly<Record<string, string | string[] | boolean | undefined>>;

function intOption(o: Parsed, name: string): number | undefined {
  const v = o[name];
  if (v === undefined) return undefined;
  const n = Number(v);
  if (typeof v !== "string" || !/^\d+$/.test(v) || !Number.isSafeInteger(n) || n < 1) throw new UsageError(`--${name} must be a positive integer (got ${String(v)})`);
  return n;
}

/** The PlanOptions the flags ask for, or undefined when no planning flag was given. */
export function planOptionsFrom(o: Parsed): PlanOptions | undefined {
  const planning = Object.keys(PLAN_OPTIONS).some((k) => k !== "list-gpus" && o[k] !== undefined);
  if (!planning) return undefined;
  if (!o.inference && !o.train) throw new UsageError("planning flags need --inference or --train");
  let overheadMb: number | undefined;
  if (o["overhead-mb"] !== undefined) {
    overheadMb = Number(o["overhead-mb"]);
    if (!Number.isFinite(overheadMb) || overheadMb < 0) throw new UsageError(`--overhead-mb must be a non-negative number (got ${String(o["overhead-mb"])})`);
  }
  let loraTargets: PlanOptions["loraTargets"];
  if (o["lora-targets"] !== undefined) {
    const raw = (Array.isArray(o["lora-targets"]) ? o["lora-targets"] : [String(o["lora-targets"])]).flatMap((t) => t.split(",")).map((t) => t.trim()).filter(Boolean);
    loraTargets = raw.length === 1 && raw[0] === "all-linear" ? "all-linear" : raw;
  }
  const pick = <K extends string>(name: string) => (o[name] as K | undefined);
  const options: PlanOptions = {
    ...(o.inference ? { inference: true } : {}),
    ...(o.train ? { train: pick<NonNullable<PlanOptions["train"]>>("train") as NonNullable<PlanOptions["train"]> } : {}),
    ...(intOption(o, "batch-size") !== undefined ? { batchSize: intOption(o, "batch-size") as number } : {}),
    ...(intOption(o, "seq-len") !== undefined ? { seqLen: intOption(o, "seq-len") as number } : {}),
    ...(intOption(o, "encoder-seq-len") !== undefined ? { encoderSeqLen: intOption(o, "encoder-seq-len") as number } : {}),
    ...(o.dtype ? { dtype: o.dtype as NonNullable<PlanOptions["dtype"]> } : {}),
    ...(o["kv-dtype"] ? { kvDtype: o["kv-dtype"] as NonNullable<PlanOptions["kvDtype"]> } : {}),
    ...(o.quantization ? { quantization: o.quantization as NonNullable<PlanOptions["quantization"]> } : {}),
    ...(o["double-quant"] ? { doubleQuant: true } : {}),
    ...(intOption(o, "group-size") !== undefined ? { groupSize: intOption(o, "group-size") as number } : {}),
    ...(overheadMb !== undefined ? { overheadMb } : {}),
    ...(o.optimizer ? { optimizer: o.optimizer as NonNullable<PlanOptions["optimizer"]> } : {}),
    ...(o["optimizer-in-backward"] ? { optimizerInBackward: true } : {}),
    ...(o["attn-implementation"] ? { attnImplementation: o["attn-implementation"] as NonNullable<PlanOptions["attnImplementation"]> } : {}),
    ...(intOption(o, "prompt-len") !== undefined ? { promptLen: intOption(o, "prompt-len") as number } : {}),
    ...(intOption(o, "image-size") !== undefined ? { imageSize: intOption(o, "image-size") as number } : {}),
    ...(o.precision ? { precision: o.precision as NonNullable<PlanOptions["precision"]> } : {}),
    ...(o["gradient-checkpointing"] ? { gradientCheckpointing: true } : {}),
    ...(o["chunked-loss"] ? { chunkedLoss: true } : {}),
    ...(intOption(o, "lora-r") !== undefined ? { loraR: intOption(o, "lora-r") as number } : {}),
    ...(loraTargets !== undefined ? { loraTargets } : {}),
    ...(intOption(o, "gpus") !== undefined ? { gpus: intOption(o, "gpus") as number } : {}),
    ...(o.zero ? { zero: Number(o.zero) as 1 | 2 | 3 } : {}),
    ...(o.offload ? { offload: o.offload as NonNullable<PlanOptions["offload"]> } : {}),
    ...(o.fsdp ? { fsdp: o.fsdp as NonNullable<PlanOptions["fsdp"]> } : {}),
    ...(intOption(o, "tp") !== undefined ? { tp: intOption(o, "tp") as number } : {}),
    ...(o.gpu ? { gpu: String(o.gpu) } : {}),
  };
  return options;
}

const FLAG_ON = new Set(["", "1", "true", "yes"]);
const FLAG_OFF = new Set(["0", "false", "no"]);

/**
 * `/api/estimate?inference=1&seq-len=8192&gpu=H100%2080GB`: the planner flags as query parameters, under the same
 * names, aliases and choices, turned into the shape `parseArgs` gives and mapped by `planOptionsFrom` — one mapping
 * for the CLI and the API, so the two cannot drift apart.
 */
export function planOptionsFromQuery(query: URLSearchParams): PlanOptions | undefined {
  const parsed: Record<string, string | string[] | boolean> = {};
  for (const [name, spec] of Object.entries(PLAN_OPTIONS) as [string, (typeof PLAN_OPTIONS)[keyof typeof PLAN_OPTIONS]][]) {
    if (name === "list-gpus") continue;
    const keys = [name, ...("aliases" in spec ? spec.aliases : [])];
    const values = keys.flatMap((k) => query.getAll(k));
    if (values.length === 0) continue;
    if (spec.kind === "flag") {
      const v = (values[values.length - 1] as string).toLowerCase();
      if (FLAG_ON.has(v)) parsed[name] = true;
      else if (!FLAG_OFF.has(v)) throw new UsageError(`\`${name}\` is a switch: 1 or 0 (got ${v})`);
      continue;
    }
    const list = spec.kind === "values" ? values.flatMap((v) => v.split(",")).map((v) => v.trim()) : [(values[values.length - 1] as string).trim()];
    if (list.length === 0 || list.some((v) => v === "")) throw new UsageError(`\`${name}\` needs a value`);
    const choices: readonly string[] | undefined = "choices" in spec ? spec.choices : undefined;
    for (const v of list) {
      if (choices && !choices.includes(v)) throw new UsageError(`\`${name}\`: invalid choice '${v}' (choose from ${choices.join(", ")})`);
    }
    parsed[name] = spec.kind === "values" ? list : (list[0] as string);
  }
  return planOptionsFrom(parsed);
}

export function renderGpuList(): string {
  return listGpus();
}

/** The planner's figures are binary (2^30 bytes to a GiB), and say so — unlike accelerate's table, labelled "GB". */
export function binaryBytes(n: number): string {
  const units = ["bytes", "KiB", "MiB", "GiB", "TiB"];
  let v = n;
  let i = 0;
  while (Math.abs(v) >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return i === 0 ? `${n} bytes` : `${v.toFixed(2)} ${units[i]}`;
}
const bytes = binaryBytes;

/** The breakdown table printed after accelerate's, then the stage table (training) and the stated assumptions. */
export function renderPlan(plan: Plan): string {
  const rows: string[][] = [["weights", bytes(plan.weightsBytes)]];
  if (plan.mode === "inference") rows.push(["KV cache", bytes(plan.kvCacheBytes)]);
  rows.push(["activations", bytes(plan.activationBytes)]);
  if (plan.mode === "training") {
    rows.push(["gradients", bytes(plan.gradientBytes)], ["optimizer", bytes(plan.optimizerBytes)]);
  }
  rows.push(["overhead", bytes(plan.overheadBytes)], [`total (peak: ${plan.peakPhase})`, bytes(plan.totalBytes)]);
  const s = plan.settings;
  const what =
    plan.mode === "inference"
      ? `Inference: ${String(s.quantization ?? s.dtype)}, batch ${String(s.batchSize)}, ${s.imageSize !== undefined ? `image ${String(s.imageSize)}` : `seq ${String(s.seqLen)}`}`
      : `Training (${String(s.train)}): ${String(s.precision)}, ${String(s.optimizer)}, batch ${String(s.batchSize)}, ${s.imageSize !== undefined ? `image ${String(s.imageSize)}` : `seq ${String(s.seqLen)}`}`;
  const perGpu = (plan.parallel?.gpus ?? 1) > 1 ? " per GPU" : "";
  const out = [createAsciiTable(["component", `memory${perGpu}`], rows, what)];
  const facts: string[] = [];
  if (plan.phases.length > 1) facts.push(`phases: ${plan.phases.map((p) => `${p.name} ${bytes(p.bytes)}`).join(", ")}`);
  if (plan.pagedOptimizerBytes) facts.push(`paged optimizer states (unified memory, not in the peak): ${bytes(plan.pagedOptimizerBytes)}`);
  if (plan.trainableParameters !== undefined) facts.push(`trainable parameters: ${plan.trainableParameters.toLocaleString("en-US")} of ${plan.parameters.toLocaleString("en-US")}`);
  if (plan.kvCache && plan.mode === "inference") facts.push(`KV cache: ${plan.kvCache.variant} — ${plan.kvCache.formula}`);
  if (plan.parallel) facts.push(`parallelism: ${plan.parallel.strategy}`);
  if (plan.modelStatesPerGpuBytes !== undefined) facts.push(`model states per GPU: ${bytes(plan.modelStatesPerGpuBytes)}${plan.parallel?.cpuBytesPerNode !== undefined ? `; CPU per node: ${bytes(plan.parallel.cpuBytesPerNode)}` : ""}`);
  if (plan.gpu) {
    facts.push(
      `${plan.gpu.name}: ${plan.fits ? "fits" : "does not fit"}; GPUs needed: ${plan.gpusNeeded ?? "more than 1024"}; max batch size: ${
        plan.maxBatchSize ?? "not modelled"
      }; max sequence length: ${plan.maxSeqLen ?? (plan.activations?.modelled ? "not a sequence model" : "not modelled")}`,
    );
  }
  if (facts.length) out.push(facts.join("\n"));
  if (plan.stages) {
    out.push(
      createAsciiTable(
        ["dtype", "Model", "Gradient calculation", "Backward pass", "Optimizer step"],
        plan.stages.map((r) => [r.dtype, r.display.model, r.display.gradientCalculation, r.display.backwardPass, r.display.optimizerStep]),
        "Training using Adam explained (Accelerate Space, batch size 1)",
      ),
    );
  }
  out.push(`assumptions:\n${plan.assumptions.map((a) => `- ${a}`).join("\n")}`);
  return out.join("\n");
}
