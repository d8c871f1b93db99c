/**
 * Resolve a MODEL (Hub id or URL, local path, shipped config) and estimate it: the whole request as the CLI and the
 * server make it. Node-only (the resolver reads the Hub cache and the shipped catalog on disk); the page resolves
 * in the browser and shares `estimateResolved`.
 */
import type { EstimateResult } from "../core/estimate.js";
import { resolveModel, type ResolveOptions } from "../hub-node/resolve-model.js";
import { estimateResolved, type EstimateRequest } from "./estimate.js";

export { resolveModel, type ResolveOptions } from "../hub-node/resolve-model.js";
export { estimateResolved, estimateConfig, type EstimateRequest } from "./estimate.js";

/** Every result for one MODEL (several for a repo of GGUF files). Options are validated by the caller, before. */
export async function estimateModel(model: string, request: EstimateRequest, options: ResolveOptions): Promise<EstimateResult[]> {
  const resolved = await resolveModel(model, options);
  return estimateResolved(resolved, request);
}
