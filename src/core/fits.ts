/**
 * "Which models fit this GPU?": plans each given model with the same planner options and keeps those whose plan
 * fits, largest (parameters) first. Pure: the CLI (`estimate-memory fits`, the shipped catalog) and the page
 * (the catalog fetched from the static site) hand it the configs.
 */
import type { EstimateOptions, EstimateResult, Library } from "./estimate.js";
import { OptionError, optionError, optionRef, UsageError } from "./errors.js";
import type { PlanOptions } from "./plan/types.js";

export interface FitsCandidate {
  readonly id: string;
  readonly config: unknown;
  readonly library: Library;
}

export interface FitsOutcome {
  readonly fitting: readonly EstimateResult[];
  readonly planned: number;
  /** Models the planner could not plan (unsupported class, a config it refuses). */
  readonly skipped: number;
  /** Models that would fit but whose max_position_embeddings is shorter than the planned sequence length. */
  readonly tooShort: number;
  /** Image models left out because a sequence length was asked for (a context length means nothing to them). */
  readonly notSequence: number;
}

/** Estimates one config: an estimator that holds the candidates' architectures (e.g. every one). */
export type EstimateFn = (config: unknown, options: EstimateOptions) => EstimateResult;

export function modelsThatFit(candidates: Iterable<FitsCandidate>, plan: PlanOptions, estimate: EstimateFn): FitsOutcome {
  if (!plan.gpu) throw optionError`which models fit needs ${optionRef("gpu")}`;
  const fitting: EstimateResult[] = [];
  let planned = 0;
  let skipped = 0;
  let tooShort = 0;
  let notSequence = 0;
  for (const c of candidates) {
    let result: EstimateResult;
    try {
      result = estimate(c.config, { model: c.id, library: c.library, plan });
    } catch (error) {
      // A bad combination of flags is the user's error, whatever the model; anything else: this model is skipped.
      if (error instanceof UsageError && !(error instanceof OptionError && error.option === "loraTargets")) throw error;
      skipped++;
      continue;
    }
    planned++;
    if (!result.plan?.fits) continue;
    // A model made for a shorter context does not answer a question about this one.
    if (result.plan.warnings.some((w) => w.includes("max_position_embeddings"))) tooShort++;
    else if (plan.seqLen !== undefined && (result.library === "timm" || result.plan.settings.imageSize !== undefined)) notSequence++;
    else fitting.push(result);
  }
  fitting.sort((a, b) => (b.plan?.parameters ?? 0) - (a.plan?.parameters ?? 0) || a.model.localeCompare(b.model));
  return { fitting, planned, skipped, tooShort, notSequence };
}
