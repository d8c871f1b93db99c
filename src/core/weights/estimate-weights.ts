import { createAsciiTable } from "../format/ascii-table.js";
import { TABLE_DTYPES, TABLE_HEADERS, tableRows, tableTitle, type TableDType } from "../measure/table-rows.js";
import { InvalidConfigError, UsageError } from "../errors.js";
import type { EstimateResult, Library } from "../estimate.js";
import { countTensors, detectQuantization, layerOf, naturalCompare, type StoredTensor } from "./tensors.js";
import { plan as planMemory } from "../plan/plan.js";
import { planModelFromTensors } from "../plan/from-tensors.js";
import type { PlanOptions } from "../plan/types.js";

export interface WeightsEstimateOptions {
  readonly model: string;
  readonly source: "safetensors" | "gguf";
  /** config.json when the repo has one (its `quantization_config` and `architectures` are used). */
  readonly config?: Readonly<Record<string, unknown>>;
  readonly library?: Library;
  readonly dtypes?: readonly TableDType[];
  /** A class name to report (`LlamaForCausalLM` from config.json, `gguf:llama` from GGUF metadata). */
  readonly modelClass?: string;
  /** Adds `plan`: the Planner over the stored tensors (geometry from the config, else from the shapes). */
  readonly plan?: PlanOptions;
}

/**
 * Accelerate's table for a model known only by its stored tensors: every tensor is taken as a float32
 * parameter (what `from_config` would allocate), buffers are not stored so count 0, and the largest layer is
 * the heaviest block or module after grouping tensor names.
 */
export function estimateFromTensors(tensors: readonly StoredTensor[], options: WeightsEstimateOptions): EstimateResult {
  const dtypes = options.dtypes ?? TABLE_DTYPES;
  for (const d of dtypes) if (!(TABLE_DTYPES as readonly string[]).includes(d)) throw new UsageError(`dtype \`${String(d)}\` is not one of ${TABLE_DTYPES.join(", ")}`);
  const quant = detectQuantization(tensors, options.config);
  const counts = countTensors(tensors, quant);
  const byLayer = new Map<string, number>();
  let parameters = 0;
  for (const c of counts) {
    parameters += c.parameters;
    const layer = layerOf(c.name);
    byLayer.set(layer, (byLayer.get(layer) ?? 0) + c.parameters * 4);
  }
  let largest = 0;
  let names: string[] = [];
  for (const [layer, bytes] of [...byLayer].sort(([a], [b]) => naturalCompare(a, b))) {
    if (bytes > largest) {
      largest = bytes;
      names = [layer];
    } else if (bytes === largest) names.push(layer);
  }
  const totalBytes = parameters * 4;
  const checkpointBytes = tensors.reduce((sum, t) => sum + t.bytes, 0);
  // Each shape is checked by its reader; their sum must still be a count a JSON reader holds exactly.
  if (!Number.isSafeInteger(totalBytes) || totalBytes < 0 || !Number.isSafeInteger(checkpointBytes) || checkpointBytes < 0) {
    throw new InvalidConfigError(`${options.model}: the checkpoint headers describe a model too large to count exactly (over 2^53 bytes)`);
  }
  const rows = tableRows({ totalBytes, largestLayerBytes: largest, totalIsFloat: false, largestLayerIsFloat: false }, dtypes);
  const architectures = options.config?.architectures;
  const modelClass = options.modelClass ?? (Array.isArray(architectures) && typeof architectures[0] === "string" ? architectures[0] : options.source);
  return {
    model: options.model,
    library: options.library ?? "transformers",
    modelClass,
    parameters,
    bufferBytes: 0,
    totalBytes,
    largestLayer: { bytes: largest, names },
    rows,
    noSplitModules: null,
    table: createAsciiTable(TABLE_HEADERS, rows.map((r) => [r.dtype, r.display.largestLayer, r.display.total, r.display.training]), tableTitle(options.model)),
    source: options.source,
    checkpointBytes,
    quantization: quant.method === "none" ? null : { method: quant.method, bits: quant.bits },
    ...(options.plan
      ? {
          plan: planMemory(
            planModelFromTensors({
              tensors,
              counts,
              source: options.source,
              modelClass,
              // GGUF's block types (Q4_K, Q8_0…) are quantized storage whatever the tensor names say.
              quantized: quant.method !== "none" || (options.source === "gguf" && tensors.some((t) => !/^ggml:(0|1|30)$/.test(t.dtype))),
              checkpointBytes, ...(options.config ? { config: options.config } : {}) }),
            options.plan,
          ),
        }
      : {}),
  };
}
