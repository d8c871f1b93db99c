/**
 * Inference memory: weights (plain or quantized), the KV cache and the forward's transient activations, as phases.
 * Generative models have two: the prefill (the prompt's cache being written while one block's activations are
 * live) and the decode (the cache at full length, one token's activations). The peak is the larger — not their sum
 * when the prompt is shorter than the full length. Encoders and vision models have one forward.
 */
import { inferenceActivationsOf } from "./activation-model.js";
import { peakOf, type Breakdown, type Ctx, type Resolved } from "./context.js";
import { kvCache, noKvCache, type KvResult } from "./kv-cache.js";
import { overhead } from "./overhead.js";
import { DTYPE_SIZE, plainWeights, quantizedWeights } from "./weights.js";
import type { ParallelDetail, PlanOptions, PlanPhase, QuantizationDetail } from "./types.js";

export function kvBytesPerElement(o: PlanOptions): number {
  if (o.kvDtype) return DTYPE_SIZE[o.kvDtype];
  // Quantized weights still compute (and cache) in the 16-bit dtype; fp8 weights keep a 16-bit cache unless asked.
  return computeDtypeBytes(o);
}

export function computeDtypeBytes(o: PlanOptions): number {
  return (o.dtype ?? "bfloat16") === "float32" ? 4 : 2;
}

export function inference(o: PlanOptions, r: Resolved, ctx: Ctx): Breakdown {
  const { stats, model } = ctx;
  const dtype = o.dtype ?? "bfloat16";
  const computeBytes = computeDtypeBytes(o);
  let weights: number;
  let quantization: QuantizationDetail | undefined;
  if (model.storedWeightsBytes !== undefined && !o.quantization && !o.dtype) {
    weights = model.storedWeightsBytes;
  } else if (o.quantization) {
    const q = quantizedWeights(stats, o.quantization, computeBytes, { doubleQuant: o.doubleQuant ?? false, groupSize: o.groupSize ?? 128 });
    weights = q.bytes;
    quantization = q.detail;
  } else {
    weights = plainWeights(stats, DTYPE_SIZE[dtype]);
  }
  const cacheFor = (seq: number): KvResult => {
    const req = { batch: r.batch, seq, encoderSeq: r.encoderSeq, bytes: kvBytesPerElement(o), stateBytes: computeBytes };
    if (model.config) return kvCache(model.config, req, model.generative, model.lookup);
    return noKvCache(ctx.activations.kind === "text" ? "no config: the cache is not modelled" : "vision model: no KV cache");
  };
  const kv = cacheFor(r.seq);
  const act = (seq: number) => inferenceActivationsOf(ctx.activations, { batch: r.batch, seq, encoderSeq: r.encoderSeq, bytes: computeBytes, attn: r.attn, generative: model.generative });
  // Tensor parallelism splits weights, heads and MLP columns; a cache of one KV head (MQA) or one latent (MLA) is
  // replicated on every rank, as vLLM does.
  const tp = r.tp;
  const replicatedKv = kv.variant.startsWith("mqa") || kv.variant === "mla";
  const perGpu = (bytes: number, replicated = false) => (replicated ? bytes : Math.ceil(bytes / tp));
  const perGpuWeights = perGpu(weights);
  const perGpuKv = perGpu(kv.bytes, replicatedKv);
  const prefillAct = perGpu(act(r.promptLen));
  const phases: PlanPhase[] = [];
  const phase = (name: string, kvBytes: number, actBytes: number) => {
    const over = overhead(o, ctx, kvBytes + actBytes);
    phases.push({ name, bytes: perGpuWeights + kvBytes + actBytes + over });
    return over;
  };
  let overheadBytes: number;
  if (model.generative && kv.variant !== "none") {
    const promptKv = r.promptLen === r.seq ? perGpuKv : perGpu(cacheFor(r.promptLen).bytes, replicatedKv);
    const o1 = phase("prefill", promptKv, prefillAct);
    const o2 = phase("decode", perGpuKv, perGpu(act(1)));
    overheadBytes = peakOf(phases).name === "prefill" ? o1 : o2;
  } else {
    overheadBytes = phase("forward", perGpuKv, prefillAct);
  }
  const parallel: ParallelDetail | undefined =
    r.gpus > 1 || tp > 1 ? { gpus: r.gpus, strategy: `tensor parallel ${tp}`, tp, largestLayerParameters: stats.largestOwnParameters } : undefined;
  return {
    weightsBytes: perGpuWeights,
    kvCacheBytes: perGpuKv,
    activationBytes: prefillAct,
    gradientBytes: 0,
    optimizerBytes: 0,
    overheadBytes,
    phases,
    kv,
    ...(quantization ? { quantization } : {}),
    ...(parallel ? { parallel } : {}),
  };
}
