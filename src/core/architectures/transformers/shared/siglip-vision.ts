// transformers/models/siglip/{configuration,modeling}_siglip.py: SiglipVisionModel, the vision tower Gemma 3 builds.
import type { Config, ConfigSpec } from "../../../config/config.js";
import { conv2d, embedding, layerNorm, linear } from "../../../modules/blocks.js";
import { module, repeat, type Module } from "../../../modules/module.js";
import { positionIdsBuffer } from "../../../modules/blocks.js";
import { SIGLIP_VISION_DEFAULTS } from "../siglip.js";

export const SIGLIP_VISION_CONFIG: ConfigSpec = { modelType: "siglip_vision_model", defaults: SIGLIP_VISION_DEFAULTS };

function siglipMlp(hidden: number, inter: number): Module {
  return module("SiglipMLP", { children: { fc1: linear(hidden, inter), fc2: linear(inter, hidden) } });
}

export function siglipVisionModel(c: Config): Module {
  const hidden = c.positiveInt("hidden_size");
  const inter = c.int("intermediate_size");
  c.divisible("hidden_size", "num_attention_heads");
  const patch = c.positiveInt("patch_size");
  const patches = Math.floor(c.int("image_size") / patch) ** 2;
  const layer = module("SiglipEncoderLayer", {
    children: {
      // SiglipAttention registers k, v, q, then out — its own order, kept for largest-layer naming.
      self_attn: module("SiglipAttention", {
        children: { k_proj: linear(hidden, hidden), v_proj: linear(hidden, hidden), q_proj: linear(hidden, hidden), out_proj: linear(hidden, hidden) },
      }),
      layer_norm1: layerNorm(hidden),
      mlp: siglipMlp(hidden, inter),
      layer_norm2: layerNorm(hidden),
    },
  });
  // `vision_use_head` is read with hasattr: absent means a pooling head is built.
  const useHead = !c.has("vision_use_head") || c.bool("vision_use_head");
  const head =
    useHead &&
    module("SiglipMultiheadAttentionPoolingHead", {
      params: { probe: [1, 1, hidden] },
      children: {
        attention: module("MultiheadAttention", {
          params: { in_proj_weight: [3 * hidden, hidden], in_proj_bias: [3 * hidden] },
          children: { out_proj: module("NonDynamicallyQuantizableLinear", { params: { weight: [hidden, hidden], bias: [hidden] } }) },
        }),
        layernorm: layerNorm(hidden),
        mlp: siglipMlp(hidden, inter),
      },
    });
  const transformer = module("SiglipVisionTransformer", {
    children: {
      embeddings: module("SiglipVisionEmbeddings", {
        buffers: { position_ids: positionIdsBuffer(patches) },
        children: {
          patch_embedding: conv2d(c.positiveInt("num_channels"), hidden, patch),
          position_embedding: embedding(patches, hidden),
        },
      }),
      encoder: module("SiglipEncoder", { children: { layers: repeat(layer, c.int("num_hidden_layers")) } }),
      post_layernorm: layerNorm(hidden),
      head,
    },
  });
  return module("SiglipVisionModel", { children: { vision_model: transformer } });
}
