/**
 * The estimate for a resolved MODEL, shared by the CLI, the server and the page. This file holds the application's
 * one call into the core's `estimate` (`estimateConfig`), so how architectures are made available to it (all
 * bundled, or loaded on demand) is decided in one place. Browser-safe: no node:* import.
 */
import type { EstimateOptions, EstimateResult, Library } from "../core/estimate.js";
import { estimateAsync, estimatePipelineAsync, loadedEstimator, preparePlanner } from "../core/load-architectures.js";
import { optionError, optionRef, UnsupportedArchitectureError, UsageError } from "../core/errors.js";
import type { TableDType } from "../core/measure/table-rows.js";
import type { PlanOptions } from "../core/plan/types.js";
import type { ResolvedModel } from "../hub/resolved-model.js";

/** What to compute for each MODEL: table rows, the library to build with, and (optionally) a plan. */
export interface EstimateRequest {
  readonly library?: Library;
  readonly dtypes?: readonly TableDType[];
  readonly plan?: PlanOptions;
  /** `--model-class` / `--task`: the transformers class to build instead of accelerate's choice. */
  readonly modelClass?: string;
  readonly task?: string;
}

/**
 * The estimate from a config whose architecture is available now: the application's only call into the core's
 * `estimate`. The page uses it directly to re-plan a model `estimateConfig` has already estimated.
 */
export function estimateLoaded(config: unknown, options: EstimateOptions): EstimateResult {
  return loadedEstimator.estimate(config, options);
}

/** The estimate from a config, making its architecture available first (where that is asynchronous, it is here). */
export async function estimateConfig(config: unknown, options: EstimateOptions, prepare: { readonly planner?: boolean } = {}): Promise<EstimateResult> {
  // `planner`: load the Planner too, for callers that re-plan synchronously afterwards (`estimateLoaded`).
  if (prepare.planner) await preparePlanner();
  return estimateAsync(config, options);
}

/**
 * The estimate for a resolved MODEL: from its config when this package builds the architecture; from the
 * checkpoint headers (never running remote code) when it does not, or when there is no config at all.
 */
export async function estimateResolved(resolved: ResolvedModel, request: EstimateRequest): Promise<EstimateResult[]> {
  const library = request.library ?? resolved.library;
  const fromHeaders = async (): Promise<EstimateResult[]> => {
    // Header-only estimates are the rare path: their code (and the Planner it plans with) loads only here.
    const [sources, { estimateFromTensors }] = await Promise.all([(resolved.weights as NonNullable<ResolvedModel["weights"]>)(), import("../core/weights/estimate-weights.js")]);
    const config = typeof resolved.config === "object" && resolved.config !== null ? (resolved.config as Record<string, unknown>) : undefined;
    return sources.map((w) =>
      estimateFromTensors(w.tensors, {
        model: w.name,
        source: w.source,
        ...(config ? { config } : {}),
        ...(library ? { library } : {}),
        ...(request.dtypes ? { dtypes: request.dtypes } : {}),
        ...(w.modelClass ? { modelClass: w.modelClass } : {}),
        ...(request.plan ? { plan: request.plan } : {}),
      }),
    );
  };
  if (resolved.pipeline) {
    if (request.plan) throw new UsageError("planning diffusion pipelines is not supported yet (run without a planner option)");
    return [await estimatePipelineAsync(resolved.pipeline.modelIndex, resolved.pipeline.components, { model: resolved.name, ...(request.dtypes ? { dtypes: request.dtypes } : {}) })];
  }
  if (resolved.adapter) {
    const base = resolved.adapter.base;
    if (!base || base.config === undefined || base.pipeline || base.sentenceTransformer) {
      throw new UnsupportedArchitectureError(`the adapter's base \`${resolved.adapter.baseName}\` has no transformers config.json to build`, resolved.adapter.baseName);
    }
    if (request.plan) {
      // The planner plans the base with this adapter's LoRA: its r and targets, unless the options say otherwise.
      const a = resolved.adapter.config as Record<string, unknown>;
      const targets = a.target_modules;
      if (typeof targets === "string" && targets !== "all-linear") {
        throw optionError`this adapter's target_modules is a regex; the planner takes a list or all-linear (pass ${optionRef("loraTargets")})`;
      }
      const fromAdapter = {
        ...(typeof a.r === "number" ? { loraR: a.r } : {}),
        ...(targets === "all-linear" || Array.isArray(targets) ? { loraTargets: targets as "all-linear" | string[] } : {}),
      };
      return [await estimateConfig(base.config, { model: resolved.name, plan: { ...fromAdapter, ...request.plan }, ...(request.dtypes ? { dtypes: request.dtypes } : {}) })];
    }
    // Rare paths (local folders, the shipped catalog): the estimator over every architecture, loaded on demand.
    const { estimateWithAdapter } = await import("../core/estimate-all.js");
    return [estimateWithAdapter(base.config, resolved.adapter.config, { model: resolved.name, ...(request.dtypes ? { dtypes: request.dtypes } : {}) })];
  }
  if (resolved.sentenceTransformer) {
    if (request.plan) throw new UsageError("planning sentence-transformers models is not supported yet (run without a planner option)");
    const { modules, configs } = resolved.sentenceTransformer;
    const { estimateSentenceTransformer } = await import("../core/estimate-all.js");
    return [estimateSentenceTransformer(modules, configs, { model: resolved.name, ...(request.dtypes ? { dtypes: request.dtypes } : {}) })];
  }
  if (resolved.config === undefined) return fromHeaders();
  try {
    return [
      await estimateConfig(resolved.config, {
        model: resolved.name,
        ...(library ? { library } : {}),
        ...(request.dtypes ? { dtypes: request.dtypes } : {}),
        ...(resolved.timmModelName ? { timmModelName: resolved.timmModelName } : {}),
        ...(request.plan ? { plan: request.plan } : {}),
        ...(request.modelClass !== undefined ? { modelClass: request.modelClass } : {}),
        ...(request.task !== undefined ? { task: request.task } : {}),
      }).then((result) => (resolved.shipped ? { ...result, origin: resolved.shipped.origin, rebuilt: resolved.shipped.rebuilt } : result)),
    ];
  } catch (error) {
    // A class the user asked for is not answered with the checkpoint's headers (they describe another model).
    const asked = request.modelClass !== undefined || request.task !== undefined;
    if (error instanceof UnsupportedArchitectureError && resolved.weights && !asked) return fromHeaders();
    throw error;
  }
}
