/**
 * "What can I run?": the models of a list (the shipped catalog) that fit a GPU, or a memory size, for a use
 * (inference at a context length, LoRA, QLoRA, full fine-tuning), largest first, each with the largest batch and
 * context that still fit. One engine for the page and `estimate-memory fits`; browser-safe (no node:* import):
 * the caller brings the configs, read from disk or fetched.
 */
import type { EstimateResult, Library } from "../core/estimate.js";
import { GPU_CATALOG } from "../core/plan/gpu-catalog.js";
import { CONTEXT_MIB, GIB } from "../core/plan/gpus.js";
import type { Plan, PlanOptions } from "../core/plan/types.js";
import { estimateConfig } from "./estimate.js";
import { errorMessage } from "./option-names.js";
import { OptionError } from "../core/errors.js";

export interface FitsEntry {
  readonly id: string;
  readonly library?: Library;
  readonly config: unknown;
  /** For timm checkpoints: the model name the config does not hold (`resnet50` of `timm/resnet50.a1_in1k`). */
  readonly timmModelName?: string;
}

export interface FitRow {
  readonly id: string;
  readonly library: Library | undefined;
  /** `model_type` (transformers) or `architecture` (timm): what the page filters by. */
  readonly family: string;
  readonly parameters: number;
  /** Per GPU, at the plan's batch size and sequence length. */
  readonly totalBytes: number;
  readonly fits: boolean;
  /** Largest batch at the plan's sequence length; largest sequence at its batch size (both capped by the Planner's search). */
  readonly maxBatchSize: number;
  readonly maxSeqLen: number;
  /** The estimate and plan at the asked batch size and length (the CLI's `fits --json` prints it). */
  readonly result: EstimateResult;
}

export interface FitsAnswer {
  /** The models that fit, most parameters first. */
  readonly fits: FitRow[];
  /** How many were planned and did not fit. */
  readonly tooBig: number;
  /** Models the Planner could not plan (no such mode for the architecture…), with the reason. */
  readonly skipped: { readonly id: string; readonly reason: string }[];
  /** Models that would fit but take fewer positions than the planned sequence length (left out). */
  readonly tooShort: number;
  /** Image models left out because a sequence length was asked for (a context length means nothing to them). */
  readonly notSequence: number;
}

export interface FitsOptions {
  /**
   * A memory size instead of a catalog GPU (`plan.gpu`), in bytes. The Planner's own search (maxBatchSize,
   * maxSeqLen) runs only for a catalog GPU; for a typed size the same searches are made here by re-planning.
   */
  readonly memoryBytes?: number;
  /** Largest batch or sequence tried for a typed size (the Planner's catalog-GPU search has its own cap). */
  readonly searchCap?: number;
  /** Called after each model (how many are done), and awaited: the page yields to the browser here to stay responsive. */
  readonly progress?: (done: number) => void | Promise<void>;
}

const familyOf = (config: unknown): string => {
  if (typeof config !== "object" || config === null) return "unknown";
  const c = config as Record<string, unknown>;
  const name = c.model_type ?? c.architecture;
  return typeof name === "string" && name ? name : "unknown";
};

/**
 * The largest n in [1, cap] with total(n) ≤ memory, total increasing in n; 0 when total(1) is over. Memory grows
 * about linearly in batch and context, so the line through the last two points predicts the edge and two calls
 * (the guess and the guess + 1) usually settle it; the bracket shrinks every round, and bisection takes over when
 * the prediction keeps missing. Exact either way: the answer is a checked edge, not the line's estimate.
 */
async function largestUnder(total: (n: number) => Promise<number>, memory: number, cap: number): Promise<number> {
  const t1 = await total(1);
  if (t1 > memory) return 0;
  if (cap === 1) return 1;
  let lo = 1;
  let tlo = t1;
  let hi = cap + 1; // the first n known to be over (cap + 1: none known yet)
  let thi = Number.NaN;
  const seen = new Map<number, number>([[1, t1]]);
  const at = async (n: number) => seen.get(n) ?? (seen.set(n, await total(n)), seen.get(n) as number);
  let misses = 0;
  let prev = { n: 2, t: await at(Math.min(2, cap)) };
  if (prev.t <= memory) [lo, tlo] = [prev.n, prev.t];
  else [hi, thi] = [prev.n, prev.t];
  while (hi - lo > 1) {
    let guess: number;
    if (misses < 3) {
      // The line through (lo, tlo) and the bracket's other end (or the last point) meets `memory` here.
      const [n2, t2] = Number.isNaN(thi) ? (prev.n !== lo ? [prev.n, prev.t] : [lo, tlo]) : [hi, thi];
      const slope = n2 !== lo ? (t2 - tlo) / (n2 - lo) : 0;
      guess = slope > 0 ? lo + Math.floor((memory - tlo) / slope) : hi > cap ? Math.min(cap, lo * 2) : Math.floor((lo + hi) / 2);
    } else guess = hi > cap ? Math.min(cap, lo * 2) : Math.floor((lo + hi) / 2);
    guess = Math.min(Math.max(guess, lo + 1), Math.min(hi - 1, cap));
    const tg = await at(guess);
    prev = { n: guess, t: tg };
    if (tg <= memory) {
      [lo, tlo] = [guess, tg];
      if (guess + 1 < hi && guess + 1 <= cap) {
        const next = await at(guess + 1);
        if (next > memory) return guess;
        [lo, tlo] = [guess + 1, next];
      }
      misses++;
    } else {
      [hi, thi] = [guess, tg];
      misses++;
    }
    if (lo === cap) return cap;
  }
  return lo;
}

/**
 * The models of `entries` that fit under `plan` (its `gpu`, or `options.memoryBytes`), largest first. `plan` must
 * ask for `inference` or `train`; its batch size and sequence length are the ones the verdict is for.
 */
export async function modelsThatFit(entries: Iterable<FitsEntry>, plan: PlanOptions, options: FitsOptions = {}): Promise<FitsAnswer> {
  if (!plan.inference && !plan.train) throw new Error("fits: the plan needs inference or train");
  if (plan.gpu === undefined && options.memoryBytes === undefined) throw new Error("fits: name a GPU or a memory size");
  // Without a GPU the Planner counts an NVIDIA runtime context; a catalog GPU of the same size and context is then
  // the same question, and the Planner answers it in one call per model instead of a search by re-planning.
  const same = plan.gpu === undefined ? GPU_CATALOG.find((g) => g.memoryGiB * GIB === options.memoryBytes && CONTEXT_MIB[g.vendor] === CONTEXT_MIB.nvidia) : undefined;
  if (same) plan = { ...plan, gpu: same.name };
  const memory = plan.gpu === undefined ? (options.memoryBytes as number) : undefined;
  const cap = options.searchCap ?? 1 << 20;
  const rows: FitRow[] = [];
  const skipped: { id: string; reason: string }[] = [];
  let tooBig = 0;
  let tooShort = 0;
  let notSequence = 0;
  let done = 0;
  for (const entry of entries) {
    if (options.progress && done > 0) await options.progress(done);
    done++;
    const planFor = async (over: PlanOptions): Promise<Plan> => {
      const result = await estimateConfig(entry.config, {
        model: entry.id,
        dtypes: ["float32"],
        plan: over,
        ...(entry.library ? { library: entry.library } : {}),
        ...(entry.timmModelName ? { timmModelName: entry.timmModelName } : {}),
      });
      if (!result.plan) throw new Error("no plan");
      return result.plan;
    };
    let first: Plan;
    let parameters: number;
    let firstResult: EstimateResult;
    try {
      const result = await estimateConfig(entry.config, {
        model: entry.id,
        dtypes: ["float32"],
        plan,
        ...(entry.library ? { library: entry.library } : {}),
        ...(entry.timmModelName ? { timmModelName: entry.timmModelName } : {}),
      });
      if (!result.plan) throw new Error("no plan for this model");
      first = result.plan;
      // The parameters the model holds (a tied head once), as the Planner counts them.
      parameters = result.plan.parameters;
      firstResult = result;
    } catch (e) {
      // A bad combination of options is the asker's error, whatever the model (refused once, before any model).
      if (e instanceof OptionError && e.option !== "loraTargets") throw e;
      skipped.push({ id: entry.id, reason: errorMessage(e, "query").split("\n")[0] ?? "failed" });
      continue;
    }
    // A model made for a shorter context does not answer a question about this one; nor does an image model.
    const fitsAsAsked = memory === undefined ? first.fits === true : first.totalBytes <= memory;
    if (first.warnings.some((w) => w.includes("max_position_embeddings"))) {
      if (fitsAsAsked) tooShort++;
      else tooBig++;
      continue;
    }
    if (plan.seqLen !== undefined && (firstResult.library === "timm" || first.settings.imageSize !== undefined)) {
      if (fitsAsAsked) notSequence++;
      else tooBig++;
      continue;
    }
    let fits: boolean;
    let maxBatchSize: number;
    let maxSeqLen: number;
    if (memory === undefined) {
      fits = first.fits === true;
      maxBatchSize = first.maxBatchSize ?? 0;
      maxSeqLen = first.maxSeqLen ?? 0;
    } else {
      fits = first.totalBytes <= memory;
      if (fits) {
        const total = async (over: PlanOptions) => (await planFor({ ...plan, ...over })).totalBytes;
        maxBatchSize = await largestUnder((n) => total({ batchSize: n }), memory, cap);
        // The positions the model has, under the names configs give them (gpt2: n_positions).
        const c = (entry.config ?? {}) as Record<string, unknown>;
        const positions = [c.max_position_embeddings, c.n_positions, c.max_sequence_length, c.seq_length].find((v) => typeof v === "number" && v > 0) as number | undefined;
        const seqCap = positions ? Math.min(positions, cap) : cap;
        maxSeqLen = await largestUnder((n) => total({ seqLen: n }), memory, seqCap);
      } else {
        maxBatchSize = 0;
        maxSeqLen = 0;
      }
    }
    if (!fits) {
      tooBig++;
      continue;
    }
    rows.push({ id: entry.id, library: entry.library, family: familyOf(entry.config), parameters, totalBytes: first.totalBytes, fits, maxBatchSize, maxSeqLen, result: firstResult });
  }
  rows.sort((a, b) => b.parameters - a.parameters || a.id.localeCompare(b.id));
  return { fits: rows, tooBig, skipped, tooShort, notSequence };
}

/** `24`, `24GB`, `24 GiB`, `80g` → bytes (GiB-sized units, as the GPU catalog counts); undefined when not a size. */
export function parseMemorySize(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(?:(g|gb|gib)|(t|tb|tib)|(m|mb|mib))?\s*$/i.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]);
  if (!(n > 0)) return undefined;
  return Math.round(n * (m[3] ? 1024 * GIB : m[4] ? GIB / 1024 : GIB));
}
