/**
 * The Planner: memory for inference, training, LoRA/QLoRA and multi-GPU setups, from the module tree and the
 * resolved config. Pure: no I/O. Every default and modelling choice is listed in `plan.assumptions`.
 */
import type { Config } from "../config/config.js";
import type { Module } from "../modules/module.js";
import { convertBytes } from "../format/convert-bytes.js";
import { inferenceActivations, layerGeometry, trainingActivations, type LayerGeometry } from "./activations.js";
import { findGpu, gpuMemoryBytes, ALLOCATOR_RESERVE_FRACTION, CONTEXT_MIB, MIB } from "./gpus.js";
import type { GpuSpec } from "./gpu-catalog.js";
import { kvCache, noKvCache, type KvResult } from "./kv-cache.js";
import type { ArchitectureLookup } from "../architectures/registry.js";
import { loraAdapters } from "./lora.js";
import { PLAN_DEFAULTS as D, validatePlanOptions } from "./options.js";
import { treeStats, type TreeStats } from "./tree.js";
import { DTYPE_SIZE, plainWeights, quantizedWeights } from "./weights.js";
import type { LoraDetail, ParallelDetail, Plan, PlanOptions, QuantizationDetail, StageRow } from "./types.js";

/** The model the plan is about (a causal LM where one exists) and what accelerate measured. */
export interface PlanModel {
  readonly module: Module;
  readonly noSplitModules: readonly string[] | null;
  /** Resolved transformers config; absent for timm. */
  readonly config?: Config;
  /** The model decodes token by token (causal LM or encoder-decoder): it has a KV cache. */
  readonly generative: boolean;
  /** accelerate's float32 total for the model it builds (the Space's stage table starts from it). */
  readonly accelerateTotalBytes: number;
  /** The estimator's architectures, for a nested `text_config`'s class defaults. */
  readonly lookup: ArchitectureLookup;
}

const MAX_SEARCH = 2 ** 24;

interface Resolved {
  readonly mode: "inference" | "training";
  readonly batch: number;
  readonly seq: number;
  readonly encoderSeq: number;
  readonly gpus: number;
  readonly tp: number;
}

/** accelerate's `estimate_training_usage` stages, as the Accelerate Space tabulates them (batch size 1). */
export function stageTable(fp32Total: number): StageRow[] {
  const half = Math.floor(fp32Total / 2);
  const row = (dtype: "float32" | "float16", model: number, gradientCalculation: number, backwardPass: number, optimizerStep: number): StageRow => ({
    dtype,
    model,
    gradientCalculation,
    backwardPass,
    optimizerStep,
    display: {
      model: convertBytes(model, true),
      gradientCalculation: convertBytes(gradientCalculation, true),
      backwardPass: convertBytes(backwardPass, true),
      optimizerStep: convertBytes(optimizerStep, true),
    },
  });
  return [
    // float32: model, + gradients, + 2 Adam states, peak 4×.
    row("float32", fp32Total, fp32Total, fp32Total * 2, fp32Total * 4),
    // mixed precision: fp32 model, gradients 1.5× (fp32 + fp16 copy), Adam states 2×; step = optimizer.
    row("float16", fp32Total, fp32Total + half, fp32Total * 2, fp32Total * 2),
  ];
}

/** DeepSpeed's `estimate_zero2_model_states_mem_needs` (stage_1_and_2.py), one node of N GPUs. */
export function zero2ModelStates(totalParams: number, gpus: number, cpuOffload: boolean, bufferFactor = 1.5): { gpu: number; cpu: number } {
  if (cpuOffload) return { gpu: 2 * totalParams, cpu: Math.trunc(totalParams * Math.max(4 * gpus, 16) * bufferFactor) };
  return { gpu: 4 * totalParams + Math.trunc((16 * totalParams) / gpus), cpu: Math.trunc(totalParams * 4 * gpus * bufferFactor) };
}

/** DeepSpeed's `estimate_zero3_model_states_mem_needs` (stage3.py), one node of N GPUs, zero_init=True. */
export function zero3ModelStates(
  totalParams: number,
  largestLayerParams: number,
  gpus: number,
  offload: "none" | "optimizer" | "cpu",
  bufferFactor = 1.5,
): { gpu: number; cpu: number } {
  const largest = 4 * largestLayerParams;
  if (offload === "cpu") return { gpu: largest, cpu: Math.trunc(totalParams * 18 * bufferFactor) };
  if (offload === "optimizer") return { gpu: largest + Math.trunc((2 * totalParams) / gpus), cpu: Math.trunc(totalParams * 16 * bufferFactor) };
  return { gpu: largest + Math.trunc((18 * totalParams) / gpus), cpu: Math.trunc(largestLayerParams * 4 * gpus * bufferFactor) };
}

interface Ctx {
  readonly model: PlanModel;
  readonly stats: TreeStats;
  readonly geometry: LayerGeometry | undefined;
  readonly gpu: GpuSpec | undefined;
  readonly maxPositions: number | undefined;
}

interface Breakdown {
  weightsBytes: number;
  kvCacheBytes: number;
  activationBytes: number;
  gradientBytes: number;
  optimizerBytes: number;
  overheadBytes: number;
  totalBytes: number;
  trainableParameters?: number;
  modelStatesPerGpuBytes?: number;
  kv?: KvResult;
  quantization?: QuantizationDetail;
  lora?: LoraDetail;
  parallel?: ParallelDetail;
}

function overhead(o: PlanOptions, ctx: Ctx, transient: number): number {
  if (o.overheadMb !== undefined) return Math.round(o.overheadMb * MIB);
  const context = CONTEXT_MIB[ctx.gpu?.vendor ?? "nvidia"] * MIB;
  return context + Math.ceil(transient * ALLOCATOR_RESERVE_FRACTION);
}

function kvBytesPerElement(o: PlanOptions): number {
  if (o.kvDtype) return DTYPE_SIZE[o.kvDtype];
  // Quantized weights still compute (and cache) in the 16-bit dtype; fp8 weights keep a 16-bit cache unless asked.
  const dtype = o.dtype ?? D.dtype;
  return dtype === "float32" ? 4 : 2;
}

function computeDtypeBytes(o: PlanOptions): number {
  return (o.dtype ?? D.dtype) === "float32" ? 4 : 2;
}

function inference(o: PlanOptions, r: Resolved, ctx: Ctx): Breakdown {
  const { stats, model } = ctx;
  const dtype = o.dtype ?? D.dtype;
  const computeBytes = computeDtypeBytes(o);
  let weights: number;
  let quantization: QuantizationDetail | undefined;
  if (o.quantization) {
    const q = quantizedWeights(stats, o.quantization, computeBytes, { doubleQuant: o.doubleQuant ?? D.doubleQuant, groupSize: o.groupSize ?? D.groupSize });
    weights = q.bytes;
    quantization = q.detail;
  } else {
    weights = plainWeights(stats, DTYPE_SIZE[dtype]);
  }
  const kvReq = { batch: r.batch, seq: r.seq, encoderSeq: r.encoderSeq, bytes: kvBytesPerElement(o), stateBytes: computeBytes };
  const kv = model.config ? kvCache(model.config, kvReq, model.generative, model.lookup) : noKvCache("timm model: no KV cache");
  const act = ctx.geometry ? inferenceActivations(ctx.geometry, r.batch, r.seq, computeBytes, model.generative) : 0;
  // Tensor parallelism splits weights, heads and MLP columns; a cache of one KV head (MQA) or one latent (MLA) is
  // replicated on every rank, as vLLM does.
  const tp = r.tp;
  const replicatedKv = kv.variant.startsWith("mqa") || kv.variant === "mla";
  const perGpuWeights = Math.ceil(weights / tp);
  const perGpuKv = replicatedKv ? kv.bytes : Math.ceil(kv.bytes / tp);
  const perGpuAct = Math.ceil(act / tp);
  const over = overhead(o, ctx, perGpuKv + perGpuAct);
  const parallel: ParallelDetail | undefined =
    r.gpus > 1 || tp > 1 ? { gpus: r.gpus, strategy: `tensor parallel ${tp}`, tp, largestLayerParameters: stats.largestOwnParameters } : undefined;
  return {
    weightsBytes: perGpuWeights,
    kvCacheBytes: perGpuKv,
    activationBytes: perGpuAct,
    gradientBytes: 0,
    optimizerBytes: 0,
    overheadBytes: over,
    totalBytes: perGpuWeights + perGpuKv + perGpuAct + over,
    kv,
    ...(quantization ? { quantization } : {}),
    ...(parallel ? { parallel } : {}),
  };
}

function training(o: PlanOptions, r: Resolved, ctx: Ctx): Breakdown {
  const { stats } = ctx;
  const method = o.train ?? "full";
  const precision = o.precision ?? D.precision;
  const optimizer = o.optimizer ?? D.optimizer;
  const P = stats.parameters;
  const pure16 = precision === "bf16";
  const actBytes = precision === "fp32" ? 4 : 2;
  // Trainable tensors are float32 except in pure-bf16 training.
  const trainBytes = pure16 ? 2 : 4;

  let lora: LoraDetail | undefined;
  let adafactorElements = 0;
  let T: number;
  let frozenBytes = 0;
  let quantization: QuantizationDetail | undefined;
  if (method === "full") {
    T = P;
    for (const s of stats.paramShapes) {
      const n = s.shape.reduce((a, b) => a * b, 1);
      if (s.shape.length >= 2) {
        const cols = s.shape[s.shape.length - 1] as number;
        adafactorElements += (n / cols + n / (s.shape[s.shape.length - 2] as number)) * s.count;
      } else adafactorElements += n * s.count;
    }
  } else {
    const adapters = loraAdapters(stats, o.loraR ?? D.loraR, o.loraTargets ?? D.loraTargets);
    lora = adapters.detail;
    adafactorElements = adapters.adafactorElements;
    T = lora.trainableParameters;
    if (method === "qlora") {
      const q = quantizedWeights(stats, "bnb-nf4", precision === "fp32" ? 4 : 2, { doubleQuant: o.doubleQuant ?? D.doubleQuant, groupSize: D.groupSize });
      frozenBytes = q.bytes;
      quantization = q.detail;
    } else {
      // LoRA loads the base in the 16-bit compute dtype for mixed/bf16, in float32 for fp32 training.
      frozenBytes = plainWeights(stats, precision === "fp32" ? 4 : 2);
    }
  }

  // Weights: HF "Model training anatomy": fp32 4 B/param; mixed precision 6 B/param (fp32 master + 16-bit copy
  // autocast works from); pure bf16 2 B/param. LoRA adapters are trainable tensors (float32 unless pure bf16).
  const weights =
    method === "full"
      ? precision === "fp32"
        ? plainWeights(stats, 4)
        : pure16
          ? plainWeights(stats, 2)
          : plainWeights(stats, 4) + P * 2
      : frozenBytes + T * trainBytes;
  const gradients = T * trainBytes;
  const stateBytes = pure16 ? 2 : 4;
  let optimizerStates: number;
  let stepTemp = 0;
  switch (optimizer) {
    case "adamw":
      optimizerStates = 2 * T * stateBytes;
      // torch's foreach AdamW materialises sqrt(v) for the whole group during step().
      stepTemp = T * stateBytes;
      break;
    case "adamw-8bit":
      // bitsandbytes 8-bit Adam: two uint8 states + a float32 absmax per 2048-element block.
      optimizerStates = 2 * T + Math.ceil((2 * T) / 2048) * 4;
      break;
    case "sgd":
      optimizerStates = T * stateBytes; // momentum buffer
      break;
    case "adafactor":
      optimizerStates = Math.round(adafactorElements) * stateBytes;
      stepTemp = T * stateBytes; // the update tensor
      break;
  }

  const geometry = ctx.geometry;
  const activations = geometry
    ? trainingActivations(geometry, {
        batch: r.batch,
        seq: r.seq,
        encoderSeq: r.encoderSeq,
        bytes: actBytes,
        checkpointing: o.gradientCheckpointing ?? D.gradientCheckpointing,
        lmHead: ctx.model.generative,
        chunkedLoss: o.chunkedLoss ?? D.chunkedLoss,
      })
    : 0;

  let w = weights;
  let g = gradients;
  let opt = optimizerStates;
  let act = activations;
  let modelStates: number | undefined;
  let parallel: ParallelDetail | undefined;
  const N = r.gpus;
  const tp = r.tp;
  if (tp > 1) {
    w = Math.ceil(w / tp);
    g = Math.ceil(g / tp);
    opt = Math.ceil(opt / tp);
    stepTemp = Math.ceil(stepTemp / tp);
    act = Math.ceil(act / tp);
  }
  const dp = Math.max(1, Math.floor(N / tp));
  const L = stats.largestOwnParameters;
  let cpuBytesPerNode: number | undefined;
  let strategy = N > 1 ? (tp > 1 ? `tensor parallel ${tp} × data parallel ${dp}` : `data parallel ${N} (DDP)`) : "single GPU";
  if (o.zero !== undefined) {
    const offload = o.offload ?? "none";
    strategy = `ZeRO-${o.zero}${offload === "none" ? "" : ` + ${offload === "cpu" ? "CPU offload" : "optimizer offload"}`}${tp > 1 ? ` × tensor parallel ${tp}` : ""}`;
    if (method === "full") {
      // DeepSpeed's own estimators (fp16 mixed precision + Adam), P = every parameter once.
      const Pp = tp > 1 ? Math.ceil(P / tp) : P;
      if (o.zero === 3) {
        const z = zero3ModelStates(Pp, L, dp, offload);
        modelStates = z.gpu;
        cpuBytesPerNode = z.cpu;
        w = 4 * L + (offload === "optimizer" ? Math.trunc((2 * Pp) / dp) : 0);
        g = 0;
        opt = z.gpu - w;
      } else if (o.zero === 2 || offload !== "none") {
        const z = zero2ModelStates(Pp, dp, offload !== "none");
        modelStates = z.gpu;
        cpuBytesPerNode = z.cpu;
        w = 2 * Pp;
        g = offload !== "none" ? 0 : 2 * Pp;
        opt = z.gpu - w - g;
      } else {
        // ZeRO-1 (DeepSpeed has no estimator for it): fp16 params and grads whole, fp32 master + Adam (12 B) sharded.
        modelStates = 4 * Pp + Math.trunc((12 * Pp) / dp);
        w = 2 * Pp;
        g = 2 * Pp;
        opt = Math.trunc((12 * Pp) / dp);
      }
      stepTemp = 0;
    } else {
      // Adapters: the same rules on the trainable part; the frozen base is sharded only by ZeRO-3.
      const frozen = Math.ceil(frozenBytes / tp);
      const Tt = Math.ceil(T / tp);
      if (o.zero === 3) {
        const z = zero3ModelStates(Tt, 0, dp, offload);
        w = (offload === "cpu" ? 0 : Math.ceil(frozen / dp)) + 4 * L;
        opt = z.gpu;
        cpuBytesPerNode = z.cpu + (offload === "cpu" ? frozen : 0);
      } else {
        const z = zero2ModelStates(Tt, dp, offload !== "none");
        w = frozen;
        opt = z.gpu;
        cpuBytesPerNode = z.cpu;
      }
      g = 0;
      modelStates = w + opt;
      stepTemp = 0;
    }
  } else if (o.fsdp !== undefined) {
    // FSDP with a 16-bit compute copy: fp32 params, grads and Adam states sharded (16 B/param / N); FULL_SHARD
    // gathers one wrapped block at a time (plus the prefetched next one), SHARD_GRAD_OP keeps the whole 16-bit
    // model gathered between forward and backward.
    const unit = stats.largestBlockParameters || L;
    const Tt = Math.ceil(T / tp);
    const statesPerParam = T > 0 ? optimizerStates / T : 0;
    const gathered = o.fsdp === "full" ? 2 * unit * actBytes : Math.ceil(P / tp) * actBytes;
    const frozenShard = method === "full" ? 0 : Math.ceil(Math.ceil(frozenBytes / tp) / dp);
    strategy = `FSDP ${o.fsdp === "full" ? "FULL_SHARD" : "SHARD_GRAD_OP"} over ${dp}${tp > 1 ? ` × tensor parallel ${tp}` : ""}`;
    w = gathered + frozenShard + Math.trunc((trainBytes * Tt) / dp);
    g = Math.trunc((trainBytes * Tt) / dp);
    opt = Math.trunc((statesPerParam * Tt) / dp);
    modelStates = w + g + opt;
    stepTemp = Math.ceil(stepTemp / dp);
  }
  if (N > 1 || tp > 1) parallel = { gpus: N, strategy, tp, largestLayerParameters: L, ...(cpuBytesPerNode !== undefined ? { cpuBytesPerNode } : {}) };
  const over = overhead(o, ctx, act);
  const total = w + g + opt + Math.max(act, stepTemp) + over;
  return {
    weightsBytes: w,
    kvCacheBytes: 0,
    activationBytes: act,
    gradientBytes: g,
    optimizerBytes: opt,
    overheadBytes: over,
    totalBytes: total,
    trainableParameters: T,
    ...(modelStates !== undefined ? { modelStatesPerGpuBytes: modelStates } : {}),
    ...(lora ? { lora } : {}),
    ...(quantization ? { quantization } : {}),
    ...(parallel ? { parallel } : {}),
  };
}

/** The options with their defaults applied (values were validated before). */
function resolve(o: PlanOptions, overrides: Partial<Resolved> = {}): Resolved {
  const mode = o.train ? "training" : "inference";
  const seq = o.seqLen ?? D.seqLen;
  const gpus = o.gpus ?? D.gpus;
  // Inference on several GPUs means tensor parallelism across them unless told otherwise.
  const tp = o.tp ?? (mode === "inference" ? gpus : 1);
  return {
    mode,
    batch: o.batchSize ?? D.batchSize,
    seq,
    encoderSeq: o.encoderSeqLen ?? seq,
    gpus: Math.max(gpus, tp),
    tp,
    ...overrides,
  };
}

function compute(o: PlanOptions, r: Resolved, ctx: Ctx): Breakdown {
  return r.mode === "training" ? training(o, r, ctx) : inference(o, r, ctx);
}

/** Largest n in [1, limit] with fits(n), assuming fits is monotone decreasing; 0 when even 1 does not fit. */
function largestFitting(fits: (n: number) => boolean, limit: number): number {
  if (!fits(1)) return 0;
  let lo = 1;
  let hi = 2;
  while (hi <= limit && fits(hi)) {
    lo = hi;
    hi *= 2;
  }
  hi = Math.min(hi, limit + 1);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

export function plan(model: PlanModel, options: PlanOptions): Plan {
  validatePlanOptions(options);
  const stats = treeStats(model.module, model.noSplitModules ?? []);
  const gated = stats.linears.some((l) => /(^|\.)(gate_proj|w1|wi_0|gate_up_proj|w3|fc1_gate)$/.test(l.path));
  const geometry = model.config ? layerGeometry(model.config, gated, model.lookup) : undefined;
  const gpu = options.gpu ? findGpu(options.gpu) : undefined;
  const maxPos = model.config?.get("max_position_embeddings");
  const ctx: Ctx = { model, stats, geometry, gpu, maxPositions: typeof maxPos === "number" && maxPos > 0 ? maxPos : undefined };
  const r = resolve(options);
  const b = compute(options, r, ctx);
  const assumptions = describe(options, r, ctx, b);

  let fitFields: Pick<Plan, "fits" | "gpusNeeded" | "maxBatchSize" | "maxSeqLen"> = {};
  if (gpu) {
    const memory = gpuMemoryBytes(gpu);
    const totalWith = (over: Partial<Resolved>, opts: PlanOptions = options) => compute(opts, { ...r, ...over }, ctx).totalBytes;
    let gpusNeeded: number | null = null;
    for (let n = 1; n <= 1024; n++) {
      const opts: PlanOptions =
        r.mode === "inference"
          ? { ...options, gpus: n, tp: n }
          : options.zero !== undefined || options.fsdp !== undefined || options.tp !== undefined
            ? { ...options, gpus: n * (options.tp ?? 1) }
            : { ...options, gpus: n, zero: 3 };
      if (compute(opts, resolve(opts), ctx).totalBytes <= memory) {
        gpusNeeded = r.mode === "inference" ? n : n * (options.tp ?? 1);
        break;
      }
    }
    const seqLimit = ctx.maxPositions ?? MAX_SEARCH;
    fitFields = {
      fits: b.totalBytes <= memory,
      gpusNeeded,
      maxBatchSize: largestFitting((n) => totalWith({ batch: n }) <= memory, MAX_SEARCH),
      maxSeqLen: largestFitting((n) => totalWith({ seq: n, encoderSeq: options.encoderSeqLen ?? n }) <= memory, seqLimit),
    };
  }

  const settings: Record<string, unknown> = {
    batchSize: r.batch,
    seqLen: r.seq,
    ...(model.config?.bool("is_encoder_decoder") ? { encoderSeqLen: r.encoderSeq } : {}),
    gpus: r.gpus,
    ...(r.tp > 1 ? { tp: r.tp } : {}),
    ...(r.mode === "inference"
      ? {
          dtype: options.dtype ?? D.dtype,
          kvDtype: options.kvDtype ?? (computeDtypeBytes(options) === 4 ? "float32" : (options.dtype ?? D.dtype) === "fp8" ? "bfloat16" : (options.dtype ?? D.dtype)),
          ...(options.quantization ? { quantization: options.quantization } : {}),
        }
      : {
          train: options.train,
          precision: options.precision ?? D.precision,
          optimizer: options.optimizer ?? D.optimizer,
          gradientCheckpointing: options.gradientCheckpointing ?? D.gradientCheckpointing,
          ...(options.zero !== undefined ? { zero: options.zero, offload: options.offload ?? "none" } : {}),
          ...(options.fsdp ? { fsdp: options.fsdp } : {}),
        }),
  };

  return {
    mode: r.mode,
    modelClass: model.module.cls,
    parameters: stats.parameters,
    settings,
    weightsBytes: b.weightsBytes,
    kvCacheBytes: b.kvCacheBytes,
    activationBytes: b.activationBytes,
    gradientBytes: b.gradientBytes,
    optimizerBytes: b.optimizerBytes,
    overheadBytes: b.overheadBytes,
    totalBytes: b.totalBytes,
    ...(b.trainableParameters !== undefined ? { trainableParameters: b.trainableParameters } : {}),
    ...(b.modelStatesPerGpuBytes !== undefined ? { modelStatesPerGpuBytes: b.modelStatesPerGpuBytes } : {}),
    ...(b.kv ? { kvCache: { variant: b.kv.variant, groups: b.kv.groups, formula: b.kv.formula } } : {}),
    ...(b.quantization ? { quantization: b.quantization } : {}),
    ...(b.lora ? { lora: b.lora } : {}),
    ...(b.parallel ? { parallel: b.parallel } : {}),
    ...(r.mode === "training" ? { stages: stageTable(model.accelerateTotalBytes) } : {}),
    ...(gpu ? { gpu: { name: gpu.name, vendor: gpu.vendor, memoryBytes: gpuMemoryBytes(gpu) } } : {}),
    ...fitFields,
    assumptions,
  };
}

function describe(o: PlanOptions, r: Resolved, ctx: Ctx, b: Breakdown): string[] {
  const a: string[] = [];
  a.push(`model: ${ctx.model.module.cls} (${ctx.stats.parameters.toLocaleString("en-US")} parameters, tied tensors once)`);
  if (o.batchSize === undefined) a.push("batch size 1 (default)");
  if (o.seqLen === undefined) a.push(`sequence length ${D.seqLen} (default)`);
  if (r.mode === "inference") {
    if (!o.dtype) a.push(`weights in ${D.dtype} (default); floating buffers cast with them`);
    if (o.quantization) {
      a.push(`${o.quantization}: Linear weights outside the output head quantized; embeddings, norms, biases and the head stay ${computeDtypeBytes(o) === 4 ? "float32" : "16-bit"}`);
      if (o.quantization.startsWith("gptq") || o.quantization === "awq-4bit") a.push(`group size ${o.groupSize ?? D.groupSize}`);
      if (o.quantization === "bnb-nf4" || o.quantization === "bnb-fp4") a.push(`64-element absmax blocks, double quantization ${o.doubleQuant ? "on" : "off (transformers' default)"}`);
    }
    for (const note of b.kv?.notes ?? []) a.push(note);
    a.push("KV cache preallocated for the full batch × sequence length");
    a.push(
      ctx.geometry
        ? "activations: one prefill of batch × seq tokens with SDPA/FlashAttention (no seq² scores); logits for the last position only, float32"
        : "activations not modelled for this architecture (0)",
    );
  } else {
    a.push(`precision ${o.precision ?? D.precision}${o.precision ? "" : " (default)"}; optimizer ${o.optimizer ?? D.optimizer}${o.optimizer ? "" : " (default)"}`);
    if (o.train !== "full") {
      a.push(`LoRA r=${o.loraR ?? D.loraR}${o.loraR === undefined ? " (PEFT's default)" : ""}, targets ${o.loraTargets === undefined ? "all-linear (default)" : Array.isArray(o.loraTargets) ? o.loraTargets.join(",") : "all-linear"}; adapters trained in ${o.precision === "bf16" ? "bf16" : "float32"}`);
      if (o.train === "qlora") a.push(`QLoRA base: bnb-nf4, double quantization ${o.doubleQuant ? "on" : "off"}, 16-bit embeddings/norms/head`);
    }
    if (o.train === "full" && (o.precision ?? D.precision).startsWith("mixed")) a.push("mixed precision keeps float32 weights plus a 16-bit copy (6 B/param), float32 gradients");
    a.push(
      ctx.geometry
        ? `activations saved for backward with SDPA/FlashAttention${o.gradientCheckpointing ? ", gradient checkpointing (block inputs + one recomputed block)" : ""}; LM-head logits with float32 upcast and gradient`
        : "activations not modelled for this architecture (0)",
    );
    a.push("peak = weights + gradients + optimizer states + max(activations, optimizer-step temporaries) + overhead");
    if (o.zero !== undefined) a.push("ZeRO figures are DeepSpeed's estimators (fp16 mixed precision + Adam, one node, zero_init, buffer factor 1.5 for CPU)");
    if (o.fsdp !== undefined) a.push("FSDP: float32 shards of params/grads/optimizer, 16-bit gathered copy of the largest _no_split_modules block (twice: current + prefetch)");
    if (r.gpus > 1) a.push("batch size is per GPU");
  }
  if (o.overheadMb !== undefined) a.push(`overhead ${o.overheadMb} MiB (given)`);
  else a.push(`overhead: ${CONTEXT_MIB[ctx.gpu?.vendor ?? "nvidia"]} MiB runtime context (${ctx.gpu?.vendor ?? "nvidia"}) + ${ALLOCATOR_RESERVE_FRACTION * 100}% of transient memory for the caching allocator`);
  if (ctx.gpu) {
    a.push(`GPU memory ${ctx.gpu.memoryGiB} GiB (${ctx.gpu.name})${ctx.gpu.kind === "unified" ? "; unified memory: the OS and other processes share it" : ""}`);
    if (r.mode === "training" && o.zero === undefined && o.fsdp === undefined && o.tp === undefined) a.push("gpusNeeded assumes ZeRO-3 sharding");
    if (r.mode === "inference") a.push("gpusNeeded assumes tensor parallelism over the GPUs");
    if (ctx.maxPositions !== undefined) a.push(`maxSeqLen capped at max_position_embeddings (${ctx.maxPositions})`);
  }
  return a;
}
