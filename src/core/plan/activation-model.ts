/**
 * Chooses how a model's activations are modelled (transformer blocks over text tokens, a vision transformer over
 * patches, staged feature maps, or not at all) and evaluates that model for a batch.
 */
import type { Config } from "../config/config.js";
import { inferenceActivations, layerGeometry, trainingActivations, type TrainingActivationRequest, type TrainingActivations } from "./activations.js";
import type { ActivationModel, PlanModel } from "./context.js";
import type { TreeStats } from "./tree.js";
import type { AttnImplementation } from "./types.js";
import { configImageSize, configVisionTokens, stagedVision, timmViT } from "./vision.js";

/**
 * model_types whose transformers attention has no SDPA path (T5's relative position bias is computed in its own
 * attention module: modeling_t5.py `T5Attention`), so transformers runs them eager whatever is asked.
 */
const EAGER_ONLY = new Set(["t5", "mt5", "umt5", "longt5", "switch_transformers", "pix2struct", "udop"]);

/** The attention transformers runs: the one asked for, else SDPA where the architecture has it, else eager. */
export function defaultAttention(model: PlanModel): AttnImplementation {
  const type = model.config?.get("model_type");
  return typeof type === "string" && EAGER_ONLY.has(type) ? "eager" : "sdpa";
}

const GATE = /(^|\.)(gate_proj|w1|wi_0|gate_up_proj|w3|fc1_gate|fc1_g)$/;

export function activationModel(model: PlanModel, stats: TreeStats, imageSize: number | undefined): ActivationModel {
  const config: Config | undefined = model.config;
  if (!config) {
    if (model.geometry) return { kind: "text", geometry: model.geometry };
    // timm: a vision transformer from its tree, else staged feature maps.
    const vit = timmViT(model.module, imageSize);
    if (vit) return { kind: "vit", geometry: vit.geometry, tokens: vit.tokens, imageSize: imageSize ?? vit.tokens.patch * Math.round(Math.sqrt(vit.tokens.tokens - vit.tokens.prefix)) };
    const side = imageSize ?? model.imageSize ?? 224;
    const conv = stagedVision(model.module, side);
    return conv ? { kind: "conv", conv, imageSize: side } : { kind: "none" };
  }
  const gated = stats.linears.some((l) => GATE.test(l.path));
  const rms = hasRmsNorm(model);
  const native = configImageSize(config);
  if (native !== undefined) {
    const side = imageSize ?? native;
    const modelType = String(config.get("model_type") ?? "");
    const tokens = configVisionTokens(config, modelType, side);
    const geometry = layerGeometry(config, { gated, rms, causal: false, ...(model.lookup ? { lookup: model.lookup } : {}) });
    if (tokens && geometry) return { kind: "vit", geometry, tokens, imageSize: side };
    const conv = stagedVision(model.module, side);
    return conv ? { kind: "conv", conv, imageSize: side } : { kind: "none" };
  }
  const geometry = layerGeometry(config, { gated, rms, causal: model.generative, ...(model.lookup ? { lookup: model.lookup } : {}) });
  if (geometry) return { kind: "text", geometry };
  // transformers CNNs (ResNet, ConvNeXt, RegNet…) have no image_size: their pixel input says they are vision models.
  if (config.get("num_channels") !== undefined || Array.isArray(config.get("hidden_sizes"))) {
    const side = imageSize ?? 224;
    const conv = stagedVision(model.module, side);
    if (conv) return { kind: "conv", conv, imageSize: side };
  }
  return { kind: "none" };
}

function hasRmsNorm(model: PlanModel): boolean {
  let found = false;
  const walk = (m: PlanModel["module"]) => {
    if (found) return;
    // T5LayerNorm (and its MT5/UMT5/LongT5 copies) is an RMSNorm with a float32 upcast too (modeling_t5.py).
    if (/(RMSNorm|RmsNorm|T5LayerNorm)$/.test(m.cls)) found = true;
    for (const [, c] of m.children) walk(c);
    for (const r of m.items ?? []) walk(r.module);
  };
  walk(model.module);
  return found;
}

/** What a training step is planned for: the block-level request, whatever the model's kind. */
export type TrainingRequest = TrainingActivationRequest;

const ZERO: TrainingActivations = { savedBytes: 0, forwardTransientBytes: 0, backwardTransientBytes: 0 };

export function trainingActivationsOf(m: ActivationModel, r: TrainingRequest): TrainingActivations {
  switch (m.kind) {
    case "text":
      return trainingActivations(m.geometry, r);
    case "vit": {
      const blocks = trainingActivations(m.geometry, { ...r, seq: m.tokens.tokens, encoderSeq: m.tokens.tokens, lmHead: false });
      // The patch embedding's conv keeps its input: the images themselves.
      return { ...blocks, savedBytes: blocks.savedBytes + r.batch * 3 * m.imageSize * m.imageSize * r.bytes };
    }
    case "conv": {
      const saved = m.conv.savedPerImage * r.batch * r.bytes;
      // Gradient checkpointing is not modelled for feature-map models: counted without (the plan says so).
      return { savedBytes: saved, forwardTransientBytes: 0, backwardTransientBytes: 2 * m.conv.largestMapPerImage * r.batch * r.bytes };
    }
    case "none":
      return ZERO;
  }
}

export interface InferenceRequest {
  readonly batch: number;
  readonly seq: number;
  readonly encoderSeq: number;
  readonly bytes: number;
  readonly attn: AttnImplementation;
  readonly generative: boolean;
}

export function inferenceActivationsOf(m: ActivationModel, r: InferenceRequest): number {
  switch (m.kind) {
    case "text":
      return inferenceActivations(m.geometry, r);
    case "vit":
      return inferenceActivations(m.geometry, { ...r, seq: m.tokens.tokens, encoderSeq: m.tokens.tokens, generative: false });
    case "conv":
      // A block's input, its output and the residual it adds to, at the largest feature map.
      return 3 * m.conv.largestMapPerImage * r.batch * r.bytes;
    case "none":
      return 0;
  }
}

/** Whether the model's activations depend on a token count (the max-seq-len search makes sense). */
export function isSequenceModel(m: ActivationModel): boolean {
  return m.kind === "text";
}
