// transformers/models/clip/{configuration,modeling}_clip.py (4.47)
import { linear } from "../../modules/blocks.js";
import { module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import type { TransformersArchitecture } from "../types.js";
import { built, subConfig } from "./shared/build.js";
import { clipTextTransformer, clipVisionTransformer } from "./shared/clip-encoder.js";

export const CLIP_TEXT_DEFAULTS = {
  vocab_size: 49408,
  hidden_size: 512,
  intermediate_size: 2048,
  projection_dim: 512,
  num_hidden_layers: 12,
  num_attention_heads: 8,
  max_position_embeddings: 77,
  hidden_act: "quick_gelu",
  layer_norm_eps: 1e-5,
  pad_token_id: 1,
  bos_token_id: 49406,
  eos_token_id: 49407,
} as const;

export const CLIP_VISION_DEFAULTS = {
  hidden_size: 768,
  intermediate_size: 3072,
  projection_dim: 512,
  num_hidden_layers: 12,
  num_attention_heads: 12,
  num_channels: 3,
  image_size: 224,
  patch_size: 32,
  hidden_act: "quick_gelu",
  layer_norm_eps: 1e-5,
} as const;

const textSpec = { modelType: "clip_text_model", defaults: CLIP_TEXT_DEFAULTS };
const visionSpec = { modelType: "clip_vision_model", defaults: CLIP_VISION_DEFAULTS };

/** `CLIPModel`: both towers, each projected (bias-free) to `projection_dim`, and the learned `logit_scale`. */
function clipModel(c: Config) {
  const text = subConfig(c, "text_config", textSpec);
  const vision = subConfig(c, "vision_config", visionSpec);
  const proj = c.int("projection_dim");
  return module("CLIPModel", {
    params: { logit_scale: [] },
    children: {
      text_model: clipTextTransformer(text, "CLIP"),
      vision_model: clipVisionTransformer(vision, "CLIP"),
      visual_projection: linear(vision.positiveInt("hidden_size"), proj, false),
      text_projection: linear(text.positiveInt("hidden_size"), proj, false),
    },
  });
}

export const clip: TransformersArchitecture = {
  modelType: "clip",
  source: "transformers/models/clip/modeling_clip.py",
  config: { modelType: "clip", defaults: { projection_dim: 512, logit_scale_init_value: 2.6592 } },
  models: {
    AutoModel: (c) => built(clipModel(c), ["CLIPTextEmbeddings", "CLIPEncoderLayer", "CLIPVisionEmbeddings"]),
  },
};

export const clipTextModel: TransformersArchitecture = {
  modelType: "clip_text_model",
  source: "transformers/models/clip/modeling_clip.py",
  config: textSpec,
  models: {
    AutoModel: (c) =>
      built(module("CLIPTextModel", { children: { text_model: clipTextTransformer(c, "CLIP") } }), ["CLIPTextEmbeddings", "CLIPEncoderLayer"]),
  },
};

export const clipVisionModel: TransformersArchitecture = {
  modelType: "clip_vision_model",
  source: "transformers/models/clip/modeling_clip.py",
  config: visionSpec,
  models: {
    AutoModel: (c) => built(module("CLIPVisionModel", { children: { vision_model: clipVisionTransformer(c, "CLIP") } }), ["CLIPEncoderLayer"]),
  },
};
