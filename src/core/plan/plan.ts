/**
 * The Planner: memory for inference, training, LoRA/QLoRA and multi-GPU setups, from the module tree and the
 * resolved config. Pure: no I/O. Every default and modelling choice is listed in `plan.assumptions`.
 *
 * The parts live by concern: weights.ts (plain and quantized weights), kv-cache.ts, activations.ts / vision.ts /
 * activation-model.ts, optimizers.ts, parallel.ts (ZeRO/FSDP/TP), inference.ts and training.ts (the phases),
 * fit-search.ts ("does it fit"), options.ts (validation and defaults), describe.ts (assumptions).
 */
import { activationModel, defaultAttention } from "./activation-model.js";
import { peakOf, type Breakdown, type Ctx, type PlanModel, type Resolved } from "./context.js";
import { describe } from "./describe.js";
import { fitSearch, type FitFields } from "./fit-search.js";
import { findGpu, gpuMemoryBytes } from "./gpus.js";
import { computeDtypeBytes, inference } from "./inference.js";
import { textConfigOf } from "./kv-cache.js";
import { isAdam } from "./optimizers.js";
import { validatePlanOptions } from "./options.js";
import { resolve } from "./resolve.js";
import { stageTable } from "./stages.js";
import { optimizerOf, training } from "./training.js";
import { treeStats } from "./tree.js";
import type { Plan, PlanOptions } from "./types.js";

export type { PlanModel } from "./context.js";
export { stageTable } from "./stages.js";
export { zero2ModelStates, zero3ModelStates } from "./parallel.js";

function compute(o: PlanOptions, r: Resolved, ctx: Ctx): Breakdown {
  return r.mode === "training" ? training(o, r, ctx) : inference(o, r, ctx);
}

function tiesWordEmbeddings(model: PlanModel): boolean {
  if (!model.config) return false;
  return textConfigOf(model.config, model.lookup).bool("tie_word_embeddings");
}

export function plan(model: PlanModel, options: PlanOptions): Plan {
  validatePlanOptions(options);
  const stats = treeStats(model.module, model.noSplitModules ?? [], { tieWordEmbeddings: tiesWordEmbeddings(model) });
  const gpu = options.gpu ? findGpu(options.gpu) : undefined;
  const maxPos = model.config ? textConfigOf(model.config, model.lookup).get("max_position_embeddings") : undefined;
  const activations = activationModel(model, stats, options.imageSize);
  const ctx: Ctx = { model, stats, activations, gpu, maxPositions: typeof maxPos === "number" && maxPos > 0 ? maxPos : undefined };
  const r = resolve(options, defaultAttention(model));
  const b = compute(options, r, ctx);
  const peak = peakOf(b.phases);
  const assumptions = describe(options, r, ctx, b);
  const warnings: string[] = [];
  if (ctx.maxPositions !== undefined && activations.kind === "text" && r.seq > ctx.maxPositions) {
    warnings.push(`sequence length ${r.seq} is longer than the model's max_position_embeddings (${ctx.maxPositions}): the model was not trained for it`);
  }
  if (activations.kind === "none") warnings.push(`activations are not modelled for ${model.module.cls}: the plan counts them as 0`);
  const vision = activations.kind === "vit" || activations.kind === "conv";
  if (options.imageSize !== undefined && !vision) warnings.push(`--image-size ${options.imageSize} is ignored: ${model.module.cls} is not planned as an image model`);
  if (options.seqLen !== undefined && vision) warnings.push(`--seq-len is ignored for an image model: its tokens come from --image-size`);

  const fitFields: FitFields = gpu ? fitSearch(options, r, ctx, b, gpu, compute) : {};
  const optimizer = optimizerOf(options);
  const settings: Record<string, unknown> = {
    batchSize: r.batch,
    ...(vision ? { imageSize: activations.imageSize } : { seqLen: r.seq }),
    ...(r.mode === "inference" && !vision && r.promptLen !== r.seq ? { promptLen: r.promptLen } : {}),
    ...(model.config?.bool("is_encoder_decoder") ? { encoderSeqLen: r.encoderSeq } : {}),
    gpus: r.gpus,
    ...(r.tp > 1 ? { tp: r.tp } : {}),
    ...(activations.kind === "text" || activations.kind === "vit" ? { attnImplementation: r.attn } : {}),
    ...(r.mode === "inference"
      ? {
          dtype: options.dtype ?? "bfloat16",
          kvDtype: options.kvDtype ?? (computeDtypeBytes(options) === 4 ? "float32" : (options.dtype ?? "bfloat16") === "fp8" ? "bfloat16" : (options.dtype ?? "bfloat16")),
          ...(options.quantization ? { quantization: options.quantization } : {}),
        }
      : {
          train: options.train,
          precision: options.precision ?? "mixed-bf16",
          optimizer,
          ...(options.optimizerInBackward ? { optimizerInBackward: true } : {}),
          gradientCheckpointing: options.gradientCheckpointing ?? false,
          ...(options.zero !== undefined ? { zero: options.zero, offload: options.offload ?? "none" } : {}),
          ...(options.fsdp ? { fsdp: options.fsdp } : {}),
        }),
  };

  return {
    mode: r.mode,
    modelClass: model.module.cls,
    parameters: stats.parameters,
    settings,
    weightsBytes: b.weightsBytes,
    kvCacheBytes: b.kvCacheBytes,
    activationBytes: b.activationBytes,
    gradientBytes: b.gradientBytes,
    optimizerBytes: b.optimizerBytes,
    ...(b.pagedOptimizerBytes !== undefined ? { pagedOptimizerBytes: b.pagedOptimizerBytes } : {}),
    overheadBytes: b.overheadBytes,
    totalBytes: peak.bytes,
    phases: b.phases,
    peakPhase: peak.name,
    activations: {
      attnImplementation: r.attn,
      modelled: activations.kind !== "none",
      ...(b.savedForBackwardBytes !== undefined && activations.kind !== "none" ? { savedForBackwardBytes: b.savedForBackwardBytes } : {}),
      ...(vision ? { imageSize: activations.imageSize } : {}),
      ...(activations.kind === "vit" ? { tokensPerImage: activations.tokens.tokens } : {}),
    },
    ...(b.trainableParameters !== undefined ? { trainableParameters: b.trainableParameters } : {}),
    ...(b.modelStatesPerGpuBytes !== undefined ? { modelStatesPerGpuBytes: b.modelStatesPerGpuBytes } : {}),
    ...(b.kv ? { kvCache: { variant: b.kv.variant, groups: b.kv.groups, formula: b.kv.formula } } : {}),
    ...(b.quantization ? { quantization: b.quantization } : {}),
    ...(b.lora ? { lora: b.lora } : {}),
    ...(b.parallel ? { parallel: b.parallel } : {}),
    // Accelerate's stage table describes full training with Adam; beside LoRA, SGD or inference it would mislead.
    ...(r.mode === "training" && options.train === "full" && isAdam(optimizer) ? { stages: stageTable(model.accelerateTotalBytes) } : {}),
    ...(gpu ? { gpu: { name: gpu.name, vendor: gpu.vendor, memoryBytes: gpuMemoryBytes(gpu) } } : {}),
    ...fitFields,
    warnings,
    assumptions,
  };
}
