// transformers/models/siglip/{configuration,modeling}_siglip.py (4.47)
import { layerNorm, linear } from "../../modules/blocks.js";
import { module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import type { TransformersArchitecture } from "../types.js";
import { built, subConfig } from "./shared/build.js";
import { clipEncoder, clipMlp, clipTextTransformer, clipVisionEmbeddings, multiheadAttention } from "./shared/clip-encoder.js";

export const SIGLIP_TEXT_DEFAULTS = {
  vocab_size: 32000,
  hidden_size: 768,
  intermediate_size: 3072,
  num_hidden_layers: 12,
  num_attention_heads: 12,
  max_position_embeddings: 64,
  hidden_act: "gelu_pytorch_tanh",
  layer_norm_eps: 1e-6,
  pad_token_id: 1,
  bos_token_id: 49406,
  eos_token_id: 49407,
} as const;

export const SIGLIP_VISION_DEFAULTS = {
  hidden_size: 768,
  intermediate_size: 3072,
  num_hidden_layers: 12,
  num_attention_heads: 12,
  num_channels: 3,
  image_size: 224,
  patch_size: 16,
  hidden_act: "gelu_pytorch_tanh",
  layer_norm_eps: 1e-6,
} as const;

const textSpec = { modelType: "siglip_text_model", defaults: SIGLIP_TEXT_DEFAULTS };
const visionSpec = { modelType: "siglip_vision_model", defaults: SIGLIP_VISION_DEFAULTS };

// One list for every SigLIP class (the text/vision model classes inherit the pretrained base's).
const NO_SPLIT = ["SiglipTextEmbeddings", "SiglipEncoderLayer", "SiglipVisionEmbeddings", "SiglipEncoderLayer", "SiglipMultiheadAttentionPoolingHead"];

export function siglipTextTransformer(c: Config) {
  const hidden = c.positiveInt("hidden_size");
  return clipTextTransformer(c, "Siglip", { head: linear(hidden, hidden) });
}

/** The vision tower: no class token nor pre-norm; an attention-pooling head unless `vision_use_head` is false. */
export function siglipVisionTransformer(c: Config) {
  const hidden = c.positiveInt("hidden_size");
  const useHead = c.get("vision_use_head") === undefined ? true : c.bool("vision_use_head");
  return module("SiglipVisionTransformer", {
    children: {
      embeddings: clipVisionEmbeddings(c, "Siglip", { classToken: false }),
      encoder: clipEncoder(c, "Siglip"),
      post_layernorm: layerNorm(hidden),
      head:
        useHead &&
        module("SiglipMultiheadAttentionPoolingHead", {
          params: { probe: [1, 1, hidden] },
          children: {
            attention: multiheadAttention(hidden),
            layernorm: layerNorm(hidden),
            mlp: clipMlp("Siglip", hidden, c.int("intermediate_size")),
          },
        }),
    },
  });
}

export const siglip: TransformersArchitecture = {
  modelType: "siglip",
  source: "transformers/models/siglip/modeling_siglip.py",
  config: { modelType: "siglip", defaults: {} },
  models: {
    AutoModel: (c) =>
      built(
        module("SiglipModel", {
          params: { logit_scale: [1], logit_bias: [1] },
          children: {
            text_model: siglipTextTransformer(subConfig(c, "text_config", textSpec)),
            vision_model: siglipVisionTransformer(subConfig(c, "vision_config", visionSpec)),
          },
        }),
        NO_SPLIT,
      ),
  },
};

export const siglipVisionModel: TransformersArchitecture = {
  modelType: "siglip_vision_model",
  source: "transformers/models/siglip/modeling_siglip.py",
  config: visionSpec,
  models: {
    AutoModel: (c) => built(module("SiglipVisionModel", { children: { vision_model: siglipVisionTransformer(c) } }), NO_SPLIT),
  },
};

export const siglipTextModel: TransformersArchitecture = {
  modelType: "siglip_text_model",
  source: "transformers/models/siglip/modeling_siglip.py",
  config: textSpec,
  models: {
    AutoModel: (c) => built(module("SiglipTextModel", { children: { text_model: siglipTextTransformer(c) } }), NO_SPLIT),
  },
};
