/**
 * Training memory: weights, gradients and optimizer states (full fine-tuning or LoRA/QLoRA adapters), activations,
 * and the three phases a step goes through — forward (states + activations being saved), backward (+ gradients,
 * the logits' gradient, a recomputed block) and the optimizer step (+ its temporaries). With
 * `--optimizer-in-backward` (torchtune) each gradient is applied and freed as it is produced: no step phase, and
 * only the largest tensor's gradient exists at once.
 */
import { trainingActivationsOf } from "./activation-model.js";
import type { Breakdown, Ctx, Resolved } from "./context.js";
import { loraAdapters } from "./lora.js";
import { canonicalOptimizer, optimizerMemory, type OptimizerName } from "./optimizers.js";
import { overhead } from "./overhead.js";
import { shard, type ModelStates } from "./parallel.js";
import { plainWeights, quantizedWeights } from "./weights.js";
import type { LoraDetail, PlanOptions, PlanPhase, QuantizationDetail } from "./types.js";

export function optimizerOf(o: PlanOptions): OptimizerName {
  return canonicalOptimizer(o.optimizer ?? "adamw_torch") ?? "adamw_torch";
}

export function training(o: PlanOptions, r: Resolved, ctx: Ctx): Breakdown {
  const { stats } = ctx;
  const method = o.train ?? "full";
  const precision = o.precision ?? "mixed-bf16";
  const P = stats.parameters;
  const pure16 = precision === "bf16";
  const actBytes = precision === "fp32" ? 4 : 2;
  // Trainable tensors are float32 except in pure-bf16 training.
  const trainBytes = pure16 ? 2 : 4;

  let lora: LoraDetail | undefined;
  let factored = 0;
  let largestTensor = 0;
  let T: number;
  let frozenBytes = 0;
  let quantization: QuantizationDetail | undefined;
  if (method === "full") {
    T = P;
    largestTensor = stats.largestParameterNumel;
    for (const s of stats.paramShapes) {
      const n = s.shape.reduce((a, b) => a * b, 1);
      if (s.shape.length >= 2) {
        const cols = s.shape[s.shape.length - 1] as number;
        factored += (n / cols + n / (s.shape[s.shape.length - 2] as number)) * s.count;
      } else factored += n * s.count;
    }
  } else {
    const adapters = loraAdapters(stats, o.loraR ?? 8, o.loraTargets ?? "all-linear");
    lora = adapters.detail;
    factored = adapters.adafactorElements;
    T = lora.trainableParameters;
    largestTensor = adapters.largestTensor;
    if (method === "qlora") {
      const q = quantizedWeights(stats, "bnb-nf4", precision === "fp32" ? 4 : 2, { doubleQuant: o.doubleQuant ?? false, groupSize: 128 });
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
  const inBackward = o.optimizerInBackward === true;
  const gradients = inBackward ? largestTensor * trainBytes : T * trainBytes;
  const opt = optimizerMemory(optimizerOf(o), { trainable: T, factoredElements: factored, largestTensor, stateBytes: pure16 ? 2 : 4 });
  const states: ModelStates = {
    method,
    parameters: P,
    trainable: T,
    weights,
    frozenBytes,
    gradients,
    optimizer: opt.stateBytes,
    stepTemporary: inBackward ? Math.min(opt.stepTemporaryBytes, largestTensor * 4 * 2) : opt.stepTemporaryBytes,
    trainBytes,
    actBytes,
  };
  const sharded = shard(o, states, stats, r.gpus, r.tp);
  const acts = trainingActivationsOf(ctx.activations, {
    batch: r.batch,
    seq: r.seq,
    encoderSeq: r.encoderSeq,
    bytes: actBytes,
    attn: r.attn,
    checkpointing: o.gradientCheckpointing ?? false,
    lmHead: ctx.model.vocabLoss ?? ctx.model.generative,
    maskedLmTransform: (ctx.model.vocabLoss ?? false) && !ctx.model.generative,
    chunkedLoss: o.chunkedLoss ?? false,
  });
  const div = sharded.actDivisor;
  const saved = Math.ceil(acts.savedBytes / div);
  const fwdExtra = Math.ceil(acts.forwardTransientBytes / div);
  const bwdExtra = Math.ceil(acts.backwardTransientBytes / div);
  // Paged states live in unified memory: reported, not resident when the device is full.
  const pagedShare = opt.stateBytes > 0 ? opt.pagedBytes / opt.stateBytes : 0;
  const residentOpt = Math.round(sharded.optimizer * (1 - pagedShare));
  const w = sharded.weights;
  const g = sharded.gradients;
  const phases: PlanPhase[] = [];
  const overheads: number[] = [];
  const phase = (name: string, resident: number, transient: number) => {
    const over = overhead(o, ctx, transient);
    overheads.push(over);
    phases.push({ name, bytes: resident + transient + over });
  };
  // zero_grad(set_to_none=True) (torch ≥ 2.0's default) frees the gradients before the next forward.
  phase("forward", w + residentOpt, saved + fwdExtra);
  phase("backward", w + residentOpt + g, saved + bwdExtra + (inBackward ? sharded.stepTemporary : 0));
  if (!inBackward) phase("optimizer", w + residentOpt + g, sharded.stepTemporary);
  const peakIndex = phases.reduce((best, p, i) => ((p.bytes > (phases[best] as PlanPhase).bytes ? i : best)), 0);
  return {
    weightsBytes: w,
    kvCacheBytes: 0,
    activationBytes: saved + Math.max(fwdExtra, bwdExtra),
    gradientBytes: g,
    optimizerBytes: sharded.optimizer,
    ...(opt.pagedBytes > 0 ? { pagedOptimizerBytes: sharded.optimizer - residentOpt } : {}),
    overheadBytes: overheads[peakIndex] as number,
    phases,
    savedForBackwardBytes: saved,
    trainableParameters: T,
    ...(sharded.modelStates !== undefined ? { modelStatesPerGpuBytes: sharded.modelStates } : {}),
    ...(lora ? { lora } : {}),
    ...(quantization ? { quantization } : {}),
    ...(sharded.parallel ? { parallel: sharded.parallel } : {}),
  };
}
