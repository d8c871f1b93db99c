/**
 * Multi-GPU training: tensor parallelism, DeepSpeed ZeRO (DeepSpeed's own estimators) and PyTorch FSDP, applied to
 * the single-GPU model states. Inference tensor parallelism is in inference.ts.
 */
import type { TreeStats } from "./tree.js";
import type { ParallelDetail, PlanOptions } from "./types.js";

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

/** Single-GPU model states of a training plan, before any sharding. */
export interface ModelStates {
  readonly method: "full" | "lora" | "qlora";
  /** All parameters (P) and trainable ones (T). */
  readonly parameters: number;
  readonly trainable: number;
  readonly weights: number;
  /** The frozen base (adapters only). */
  readonly frozenBytes: number;
  readonly gradients: number;
  readonly optimizer: number;
  readonly stepTemporary: number;
  /** Bytes per trainable element (4, or 2 in pure-bf16 training) and of the activations. */
  readonly trainBytes: number;
  readonly actBytes: number;
}

export interface Sharded {
  weights: number;
  gradients: number;
  optimizer: number;
  stepTemporary: number;
  /** Divisor of the activations (tensor parallelism). */
  actDivisor: number;
  modelStates?: number;
  parallel?: ParallelDetail;
}

export function shard(o: PlanOptions, s: ModelStates, stats: TreeStats, gpus: number, tp: number): Sharded {
  const { method, parameters: P, trainable: T, trainBytes, actBytes } = s;
  let w = s.weights;
  let g = s.gradients;
  let opt = s.optimizer;
  let stepTemp = s.stepTemporary;
  let modelStates: number | undefined;
  if (tp > 1) {
    w = Math.ceil(w / tp);
    g = Math.ceil(g / tp);
    opt = Math.ceil(opt / tp);
    stepTemp = Math.ceil(stepTemp / tp);
  }
  const N = gpus;
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
      const frozen = Math.ceil(s.frozenBytes / tp);
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
    // FSDP with a 16-bit compute copy: fp32 params, grads and optimizer states sharded (÷ N); FULL_SHARD gathers
    // one wrapped block at a time (plus the prefetched next one), SHARD_GRAD_OP keeps the whole 16-bit model
    // gathered between forward and backward.
    const unit = stats.largestBlockParameters || L;
    const Tt = Math.ceil(T / tp);
    const statesPerParam = T > 0 ? s.optimizer / T : 0;
    // A QLoRA base is gathered as it is stored (NF4 packed + scales: torchao's NF4 under FSDP2, bitsandbytes'
    // 4-bit weights all-gather their packed storage), not as 16-bit copies: its average bytes per parameter.
    const gatherBytes = method === "qlora" && P > 0 ? s.frozenBytes / P : actBytes;
    const gathered = Math.ceil(o.fsdp === "full" ? 2 * unit * gatherBytes : Math.ceil(P / tp) * gatherBytes);
    const frozenShard = method === "full" ? 0 : Math.ceil(Math.ceil(s.frozenBytes / tp) / dp);
    strategy = `FSDP ${o.fsdp === "full" ? "FULL_SHARD" : "SHARD_GRAD_OP"} over ${dp}${tp > 1 ? ` × tensor parallel ${tp}` : ""}`;
    w = gathered + frozenShard + Math.trunc((trainBytes * Tt) / dp);
    g = Math.trunc((trainBytes * Tt) / dp);
    opt = Math.trunc((statesPerParam * Tt) / dp);
    modelStates = w + g + opt;
    stepTemp = Math.ceil(stepTemp / dp);
  }
  const parallel: ParallelDetail | undefined =
    N > 1 || tp > 1 ? { gpus: N, strategy, tp, largestLayerParameters: L, ...(cpuBytesPerNode !== undefined ? { cpuBytesPerNode } : {}) } : undefined;
  return { weights: w, gradients: g, optimizer: opt, stepTemporary: stepTemp, actDivisor: tp, ...(modelStates !== undefined ? { modelStates } : {}), ...(parallel ? { parallel } : {}) };
}
