/**
 * estimate-memory without its architectures loaded up front (`estimate-memory/lazy`), for bundles that should
 * stay small: `estimateAsync` loads the families a config needs (one chunk each), `createEstimator` takes the
 * architectures you give it; either way `estimate` is synchronous once they are at hand.
 */
export { supportedArchitectures } from "./core/load-architectures.js";
export { createEstimator, detectLibrary, autoClassFor, LIBRARIES } from "./core/estimate.js";
export type { Estimator, EstimateOptions, EstimateResult, Library } from "./core/estimate.js";
export { estimateAsync, loadArchitecturesFor, familiesFor } from "./core/load-architectures.js";
export type { ArchitectureSet } from "./core/architectures/registry.js";
export type { TransformersArchitecture, TimmFamily } from "./core/architectures/types.js";
export { TABLE_DTYPES } from "./core/measure/table-rows.js";
export type { TableDType, TableRow, TrainingStages } from "./core/measure/table-rows.js";
export { trainingStages, STAGE_HEADERS, TABLE_HEADERS } from "./core/measure/table-rows.js";
export { parseConfigJson } from "./core/config/parse-json.js";
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
  OptionError,
  isEstimateError,
} from "./core/errors.js";
export type { Module, Tensor, DType } from "./core/modules/module.js";
export { PLAN_DTYPES, QUANTIZATIONS, TRAIN_METHODS, OPTIMIZERS, PRECISIONS, FSDP_MODES, OFFLOADS, ZERO_STAGES, ATTN_IMPLEMENTATIONS } from "./core/plan/types.js";
export { PLAN_OPTION_TABLE, PLAN_DEFAULTS, validatePlanOptions } from "./core/plan/options.js";
export type { PlanOptionDef, PlanOptionKey } from "./core/plan/options.js";
export type {
  PlanOptions,
  Plan,
  PlanDType,
  Quantization,
  TrainMethod,
  Optimizer,
  Precision,
  KvCacheDetail,
  LoraDetail,
  StageRow,
  GpuInfo,
  PlanPhase,
  ActivationDetail,
  AttnImplementation,
} from "./core/plan/types.js";
export { pipelineEntries } from "./core/pipeline.js";
export type { ComponentConfig, ComponentResult, SkippedComponent, PipelineEntry } from "./core/pipeline.js";
export type { AdapterSummary } from "./core/adapter.js";
export { GPU_CATALOG } from "./core/plan/gpu-catalog.js";
export type { GpuSpec, GpuVendor } from "./core/plan/gpu-catalog.js";
