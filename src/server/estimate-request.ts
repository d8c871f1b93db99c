import { LIBRARIES, type EstimateResult, type Library } from "../core/estimate.js";
import { UsageError } from "../core/errors.js";
import { TABLE_DTYPES, type TableDType } from "../core/measure/table-rows.js";
import { estimateModel, type EstimateRequest } from "../app/estimate-model.js";
import { planOptionsFromQuery } from "../app/plan-options.js";
import type { HubSettings } from "../hub/settings.js";

/** What `/api/estimate` was asked, checked: nothing here touches the disk or the network. */
export interface EstimateQuery {
  readonly model: string;
  readonly request: EstimateRequest;
  readonly revision?: string;
  readonly ggufFile?: string;
}

const MAX_MODEL_LENGTH = 512;

/**
 * `/api/estimate?model=ID&library=…&dtypes=a,b&revision=…`: Hub ids only — a server never reads its own files on
 * a client's behalf. Planner options are the CLI's flags without the dashes (`inference=1&seq-len=8192&gpu=H100%2080GB`)
 * and add `plan`, as `--json` does. Every value is checked here, before any Hub request.
 */
export function parseEstimateQuery(query: URLSearchParams): EstimateQuery {
  const model = query.get("model")?.trim();
  if (!model) throw new UsageError("missing `model` parameter");
  if (model.length > MAX_MODEL_LENGTH) throw new UsageError("`model` is too long");
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
  const plan = planOptionsFromQuery(query);
  const revision = query.get("revision") ?? undefined;
  const ggufFile = query.get("gguf_file") ?? undefined;
  return {
    model,
    request: {
      ...(library && library !== "auto" ? { library: library as Library } : {}),
      ...(dtypes ? { dtypes: dtypes as TableDType[] } : {}),
      ...(plan ? { plan } : {}),
    },
    ...(revision !== undefined ? { revision } : {}),
    ...(ggufFile !== undefined ? { ggufFile } : {}),
  };
}

/** The estimate a checked query asks for (the first result: one object per answer). */
export async function estimateFromQuery(q: EstimateQuery, settings: HubSettings, fetchFn?: typeof fetch): Promise<EstimateResult> {
  const [first] = await estimateModel(q.model, q.request, {
    settings,
    revision: q.revision,
    ggufFile: q.ggufFile,
    // Never a path on this machine: any MODEL that is not a Hub reference gets the same refusal.
    localPaths: false,
    ...(fetchFn ? { fetch: fetchFn } : {}),
  });
  if (!first) throw new UsageError(`${q.model}: nothing to estimate`);
  return first;
}
