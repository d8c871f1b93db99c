// transformers/models/blip/{configuration_blip,modeling_blip,modeling_blip_text}.py (4.47)
import { conv2d, embedding, layerNorm, linear, positionIdsBuffer } from "../../modules/blocks.js";
import { module, repeat, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import type { TransformersArchitecture } from "../types.js";
import { built, subConfig } from "./shared/build.js";
import { clipMlp, clipPatches } from "./shared/clip-encoder.js";
import { pair } from "./vit.js";

export const BLIP_TEXT_DEFAULTS = {
  vocab_size: 30524,
  hidden_size: 768,
  encoder_hidden_size: 768,
  intermediate_size: 3072,
  projection_dim: 768,
  num_hidden_layers: 12,
  num_attention_heads: 8,
  max_position_embeddings: 512,
  hidden_act: "gelu",
  layer_norm_eps: 1e-12,
  pad_token_id: 0,
  bos_token_id: 30522,
  eos_token_id: 2,
  sep_token_id: 102,
  is_decoder: true,
  use_cache: true,
} as const;

export const BLIP_VISION_DEFAULTS = {
  hidden_size: 768,
  intermediate_size: 3072,
  projection_dim: 512,
  num_hidden_layers: 12,
  num_attention_heads: 12,
  image_size: 384,
  patch_size: 16,
  hidden_act: "gelu",
  layer_norm_eps: 1e-5,
} as const;

function textAttention(c: Config, kvWidth: number): Module {
  const hidden = c.positiveInt("hidden_size");
  c.divisible("hidden_size", "num_attention_heads");
  return module("BlipTextAttention", {
    children: {
      self: module("BlipTextSelfAttention", {
        children: { query: linear(hidden, hidden), key: linear(kvWidth, hidden), value: linear(kvWidth, hidden) },
      }),
      output: module("BlipTextSelfOutput", { children: { dense: linear(hidden, hidden), LayerNorm: layerNorm(hidden) } }),
    },
  });
}

/** `BlipTextModel`: a BERT without token types whose layers cross-attend to the image when `is_decoder`. */
export function blipTextModel(c: Config, opts: { pooler?: boolean } = {}): Module {
  const hidden = c.positiveInt("hidden_size");
  const inter = c.int("intermediate_size");
  const maxPositions = c.int("max_position_embeddings");
  const layer = module("BlipTextLayer", {
    children: {
      attention: textAttention(c, hidden),
      crossattention: c.bool("is_decoder") && textAttention(c, c.int("encoder_hidden_size")),
      intermediate: module("BlipTextIntermediate", { children: { dense: linear(hidden, inter) } }),
      output: module("BlipTextOutput", { children: { dense: linear(inter, hidden), LayerNorm: layerNorm(hidden) } }),
    },
  });
  return module("BlipTextModel", {
    children: {
      embeddings: module("BlipTextEmbeddings", {
        children: {
          word_embeddings: embedding(c.int("vocab_size"), hidden),
          position_embeddings: embedding(maxPositions, hidden),
          LayerNorm: layerNorm(hidden),
        },
        buffers: { position_ids: positionIdsBuffer(maxPositions) },
      }),
      encoder: module("BlipTextEncoder", { children: { layer: repeat(layer, c.int("num_hidden_layers")) } }),
      pooler: (opts.pooler ?? true) && module("BlipTextPooler", { children: { dense: linear(hidden, hidden) } }),
    },
  });
}

/** `BlipVisionModel` (Blip2's is the same tree under "Blip2", with an optional qkv bias). */
export function blipVisionModel(c: Config, prefix = "Blip", qkvBias = true): Module {
  const hidden = c.positiveInt("hidden_size");
  c.divisible("hidden_size", "num_attention_heads");
  const positions = clipPatches(c) + 1;
  const layer = module(`${prefix}EncoderLayer`, {
    children: {
      // BLIP-2 builds q/v biases and installs them, with a zero k part, as the qkv Linear's one bias.
      self_attn: module(`${prefix}Attention`, {
        children: { qkv: linear(hidden, 3 * hidden, qkvBias), projection: linear(hidden, hidden) },
      }),
      layer_norm1: layerNorm(hidden),
      mlp: clipMlp(prefix, hidden, c.int("intermediate_size")),
      layer_norm2: layerNorm(hidden),
    },
  });
  return module(`${prefix}VisionModel`, {
    children: {
      embeddings: module(`${prefix}VisionEmbeddings`, {
        params: { class_embedding: [1, 1, hidden], position_embedding: [1, positions, hidden] },
        // BLIP's patch conv always takes RGB (the config has no `num_channels`).
        children: { patch_embedding: conv2d(3, hidden, pair(c, "patch_size")) },
      }),
      encoder: module(`${prefix}Encoder`, { children: { layers: repeat(layer, c.int("num_hidden_layers")) } }),
      post_layernorm: layerNorm(hidden),
    },
  });
}

export const blip: TransformersArchitecture = {
  modelType: "blip",
  source: "transformers/models/blip/modeling_blip.py",
  config: { modelType: "blip", defaults: { projection_dim: 512, logit_scale_init_value: 2.6592, image_text_hidden_size: 256, label_smoothing: 0.0 } },
  models: {
    AutoModel: (c) => {
      const text = subConfig(c, "text_config", { modelType: "blip_text_model", defaults: BLIP_TEXT_DEFAULTS });
      const vision = subConfig(c, "vision_config", { modelType: "blip_vision_model", defaults: BLIP_VISION_DEFAULTS });
      const proj = c.int("projection_dim");
      const model = module("BlipModel", {
        params: { logit_scale: [] },
        children: {
          text_model: blipTextModel(text),
          vision_model: blipVisionModel(vision),
          visual_projection: linear(vision.positiveInt("hidden_size"), proj, false),
          text_projection: linear(text.positiveInt("hidden_size"), proj, false),
        },
      });
      return built(model, null);
    },
  },
};
