/** Validation of PlanOptions and the defaults they resolve to (one place for both). */
import { UsageError } from "../errors.js";
import { ATTN_IMPLEMENTATIONS } from "./activations.js";
import { DEFAULT_SEQ, type Resolved } from "./context.js";
import { canonicalOptimizer, OPTIMIZER_NAMES } from "./optimizers.js";
import type { AttnImplementation, PlanOptions } from "./types.js";

export function positive(name: string, v: number | undefined, fallback: number): number {
  if (v === undefined) return fallback;
  if (!Number.isInteger(v) || v < 1 || v > Number.MAX_SAFE_INTEGER) throw new UsageError(`--${name} must be a positive integer (got ${v})`);
  return v;
}

export function validate(o: PlanOptions): void {
  if (o.train && o.inference) throw new UsageError("--inference and --train are exclusive");
  if (o.quantization && o.train) throw new UsageError("--quantization is for --inference (QLoRA is --train qlora)");
  if ((o.loraR !== undefined || o.loraTargets !== undefined) && o.train !== "lora" && o.train !== "qlora") {
    throw new UsageError("--lora-r / --lora-targets need --train lora or --train qlora");
  }
  if (o.zero !== undefined && o.fsdp !== undefined) throw new UsageError("--zero and --fsdp are exclusive");
  if ((o.zero !== undefined || o.fsdp !== undefined) && !o.train) throw new UsageError("--zero / --fsdp apply to --train");
  if (o.offload && o.zero === undefined) throw new UsageError("--offload needs --zero");
  if (o.zero !== undefined && ![1, 2, 3].includes(o.zero)) throw new UsageError(`--zero must be 1, 2 or 3 (got ${o.zero})`);
  if (o.overheadMb !== undefined && !(o.overheadMb >= 0)) throw new UsageError("--overhead-mb must be a non-negative number");
  if (o.groupSize !== undefined) positive("group-size", o.groupSize, 128);
  if (o.optimizer !== undefined && !canonicalOptimizer(o.optimizer)) {
    throw new UsageError(`--optimizer \`${String(o.optimizer)}\` is not one of ${OPTIMIZER_NAMES.join(", ")} (or adamw, adamw-8bit)`);
  }
  if ((o.optimizer !== undefined || o.optimizerInBackward) && !o.train) throw new UsageError("--optimizer / --optimizer-in-backward apply to --train");
  if (o.optimizerInBackward && (o.zero !== undefined || o.fsdp !== undefined)) throw new UsageError("--optimizer-in-backward is single-process (torchtune): not with --zero / --fsdp");
  if (o.attnImplementation !== undefined && !(ATTN_IMPLEMENTATIONS as readonly string[]).includes(o.attnImplementation)) {
    throw new UsageError(`--attn-implementation \`${String(o.attnImplementation)}\` is not one of ${ATTN_IMPLEMENTATIONS.join(", ")}`);
  }
  if (o.attnImplementation === "flash_attention_2" && ((o.train && o.precision === "fp32") || (!o.train && o.dtype === "float32"))) {
    throw new UsageError("--attn-implementation flash_attention_2 runs in float16/bfloat16 only (not with float32)");
  }
  if (o.promptLen !== undefined) {
    positive("prompt-len", o.promptLen, 1);
    if (o.train) throw new UsageError("--prompt-len applies to --inference");
    if (o.seqLen !== undefined && o.promptLen > o.seqLen) throw new UsageError(`--prompt-len ${o.promptLen} is longer than --seq-len ${o.seqLen}`);
  }
  if (o.imageSize !== undefined) positive("image-size", o.imageSize, 224);
}

export function resolve(o: PlanOptions, defaultAttn: AttnImplementation = "sdpa"): Resolved {
  const mode = o.train ? "training" : "inference";
  const seq = positive("seq-len", o.seqLen, Math.max(DEFAULT_SEQ, o.promptLen ?? 0));
  const gpus = positive("gpus", o.gpus, 1);
  // Inference on several GPUs means tensor parallelism across them unless told otherwise.
  const tp = positive("tp", o.tp, mode === "inference" ? gpus : 1);
  if (tp > gpus && o.gpus !== undefined) throw new UsageError(`--tp ${tp} needs at least ${tp} GPUs (--gpus ${gpus})`);
  return {
    mode,
    batch: positive("batch-size", o.batchSize, 1),
    seq,
    promptLen: Math.min(positive("prompt-len", o.promptLen, seq), seq),
    encoderSeq: positive("encoder-seq-len", o.encoderSeqLen, seq),
    gpus: Math.max(gpus, tp),
    tp,
    attn: o.attnImplementation ?? defaultAttn,
  };
}
