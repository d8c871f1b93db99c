/** The options with their defaults applied: what a plan is computed for (values were validated before). */
import { type Resolved } from "./context.js";
import { PLAN_DEFAULTS as D } from "./options.js";
import type { AttnImplementation, PlanOptions } from "./types.js";

export function resolve(o: PlanOptions, defaultAttn: AttnImplementation = "sdpa"): Resolved {
  const mode = o.train ? "training" : "inference";
  const seq = o.seqLen ?? Math.max(D.seqLen, o.promptLen ?? 0);
  const gpus = o.gpus ?? D.gpus;
  // Inference on several GPUs means tensor parallelism across them unless told otherwise.
  const tp = o.tp ?? (mode === "inference" ? gpus : 1);
  return {
    mode,
    batch: o.batchSize ?? D.batchSize,
    seq,
    promptLen: Math.min(o.promptLen ?? seq, seq),
    encoderSeq: o.encoderSeqLen ?? seq,
    gpus: Math.max(gpus, tp),
    tp,
    attn: o.attnImplementation ?? defaultAttn,
  };
}
