/**
 * "Does it fit": fits / gpusNeeded / maxBatchSize / maxSeqLen on a catalog GPU. The searches re-run the plan with
 * one setting changed; they are refused (null) where what they vary is not modelled — a batch or context search on
 * a model whose activations are not modelled would only find the 2^24 search limit.
 */
import { isSequenceModel } from "./activation-model.js";
import { peakOf, type Breakdown, type Ctx, type Resolved } from "./context.js";
import { gpuMemoryBytes } from "./gpus.js";
import type { GpuSpec } from "./gpu-catalog.js";
import { resolve } from "./resolve.js";
import type { Plan, PlanOptions } from "./types.js";

const MAX_SEARCH = 2 ** 24;

/** Largest n in [1, limit] with fits(n), assuming fits is monotone decreasing; 0 when even 1 does not fit. */
export function largestFitting(fits: (n: number) => boolean, limit: number): number {
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

export type FitFields = Pick<Plan, "fits" | "gpusNeeded" | "maxBatchSize" | "maxSeqLen">;

export function fitSearch(
  options: PlanOptions,
  r: Resolved,
  ctx: Ctx,
  b: Breakdown,
  gpu: GpuSpec,
  compute: (o: PlanOptions, r: Resolved, ctx: Ctx) => Breakdown,
): FitFields {
  const memory = gpuMemoryBytes(gpu);
  const total = (x: Breakdown) => peakOf(x.phases).bytes;
  const totalWith = (over: Partial<Resolved>) => total(compute(options, { ...r, ...over }, ctx));
  const fits = total(b) <= memory;
  // What fits on one GPU as planned needs one; otherwise search the smallest count that does.
  let gpusNeeded: number | null = fits && r.gpus === 1 ? 1 : null;
  for (let n = 1; gpusNeeded === null && n <= 1024; n++) {
    const opts: PlanOptions =
      r.mode === "inference"
        ? { ...options, gpus: n, tp: n }
        : options.zero !== undefined || options.fsdp !== undefined || options.tp !== undefined
          ? { ...options, gpus: n * (options.tp ?? 1) }
          : { ...options, gpus: n, zero: 3, optimizerInBackward: false };
    if (total(compute(opts, { ...resolve(opts, r.attn), attn: r.attn }, ctx)) <= memory) {
      gpusNeeded = r.mode === "inference" ? n : n * (options.tp ?? 1);
      break;
    }
  }
  const modelled = ctx.activations.kind !== "none";
  const seqLimit = ctx.maxPositions ?? MAX_SEARCH;
  return {
    fits,
    gpusNeeded,
    maxBatchSize: modelled ? largestFitting((n) => totalWith({ batch: n }) <= memory, MAX_SEARCH) : null,
    maxSeqLen: isSequenceModel(ctx.activations)
      ? largestFitting((n) => totalWith({ seq: n, promptLen: options.promptLen !== undefined ? Math.min(options.promptLen, n) : n, encoderSeq: options.encoderSeqLen ?? n }) <= memory, seqLimit)
      : null,
  };
}
