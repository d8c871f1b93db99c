import { existsSync } from "node:fs";
import { LIBRARIES, type EstimateResult, type Library } from "../core/estimate.js";
import { UsageError } from "../core/errors.js";
import { TABLE_DTYPES, type TableDType } from "../core/measure/table-rows.js";
import { estimateResolved } from "../cli/main.js";
import { planOptionsFromQuery } from "../cli/plan-cli.js";
import { findGpu } from "../core/plan/gpus.js";
import { looksLikePath } from "../hub/resolve-model.js";
import { resolveModel } from "../hub/resolve-hub-model.js";
import type { HubSettings } from "../hub/settings.js";

/**
 * `/api/estimate?model=ID&library=…&dtypes=a,b&revision=…`: the same resolution and estimate as the CLI's
 * `--json`, for Hub ids only — a server never reads its own files on a client's behalf. Planner options are the
 * CLI's flags without the dashes (`inference=1&seq-len=8192&gpu=H100%2080GB`) and add `plan`, as `--json` does.
 */
export async function estimateFromQuery(query: URLSearchParams, settings: HubSettings): Promise<EstimateResult> {
  const model = query.get("model")?.trim();
  if (!model) throw new UsageError("missing `model` parameter");
  if (model.length > 512) throw new UsageError("`model` is too long");
  if (looksLikePath(model) || existsSync(model)) throw new UsageError(`${model} is not a Hub model id`);
  const library = query.get("library") ?? undefined;
  if (library !== undefined && library !== "auto" && !(LIBRARIES as readonly string[]).includes(library)) {
    throw new UsageError(`library \`${library}\` is not supported (transformers or timm)`);
  }
  const dtypesParam = query.get("dtypes");
  const dtypes = dtypesParam ? dtypesParam.split(",").map((d) => d.trim()).filter(Boolean) : undefined;
  for (const d of dtypes ?? []) {
    if (!(TABLE_DTYPES as readonly string[]).includes(d)) throw new UsageError(`dtype \`${d}\` is not one of ${TABLE_DTYPES.join(", ")}`);
  }
  if (dtypes && dtypes.length === 0) throw new UsageError("`dtypes` is empty");
  // Bad planner values are refused before the Hub is asked for anything.
  const plan = planOptionsFromQuery(query);
  if (plan?.gpu !== undefined) findGpu(plan.gpu);
  const resolved = await resolveModel(model, { settings, revision: query.get("revision") ?? undefined, ggufFile: query.get("gguf_file") ?? undefined });
  const [first] = await estimateResolved(resolved, {
    ...(library && library !== "auto" ? { library: library as Library } : {}),
    ...(dtypes ? { dtypes: dtypes as TableDType[] } : {}),
    ...(plan ? { plan } : {}),
  });
  if (!first) throw new UsageError(`${model}: nothing to estimate`);
  return first;
}
