/**
 * estimate-memory's library entry: the pure core (no Node APIs), usable in the browser.
 * `estimate(config, options)` returns the same object the CLI prints with `--json`.
 */
export { estimate, detectLibrary, autoClassFor, LIBRARIES } from "./core/estimate.js";
export type { EstimateOptions, EstimateResult, Library } from "./core/estimate.js";
export { estimatePipeline, pipelineEntries } from "./core/pipeline.js";
export type { ComponentConfig, ComponentResult, SkippedComponent, PipelineEntry } from "./core/pipeline.js";
export { estimateSentenceTransformer } from "./core/sentence-transformers.js";
export { estimateWithAdapter } from "./core/adapter.js";
export type { AdapterSummary } from "./core/adapter.js";
export { TABLE_DTYPES } from "./core/measure/table-rows.js";
export type { TableDType, TableRow, TrainingStages } from "./core/measure/table-rows.js";
export { trainingStages, STAGE_HEADERS, TABLE_HEADERS } from "./core/measure/table-rows.js";
export { parseConfigJson } from "./core/config/parse-json.js";
export { supportedArchitectures } from "./core/architectures/registry.js";
export { convertBytes } from "./core/format/convert-bytes.js";
export { createAsciiTable } from "./core/format/ascii-table.js";
export { estimateFromTensors } from "./core/weights/estimate-weights.js";
export type { WeightsEstimateOptions } from "./core/weights/estimate-weights.js";
export { countTensors, detectQuantization, layerOf } from "./core/weights/tensors.js";
export type { StoredTensor, QuantMethod } from "./core/weights/tensors.js";
export {
  EstimateError,
  ConfigParseError,
  InvalidConfigError,
  UnsupportedArchitectureError,
  ModelNotFoundError,
  UsageError,
  isEstimateError,
} from "./core/errors.js";
export type { Module, Tensor, DType } from "./core/modules/module.js";
export { PLAN_DTYPES, QUANTIZATIONS, TRAIN_METHODS, OPTIMIZERS, PRECISIONS, FSDP_MODES, OFFLOADS } from "./core/plan/types.js";
export type { PlanOptions, Plan, PlanDType, Quantization, TrainMethod, Optimizer, Precision, KvCacheDetail, LoraDetail, StageRow, GpuInfo } from "./core/plan/types.js";
export { GPU_CATALOG } from "./core/plan/gpu-catalog.js";
export type { GpuSpec, GpuVendor } from "./core/plan/gpu-catalog.js";
