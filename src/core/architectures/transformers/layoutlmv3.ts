// transformers/models/layoutlmv3/{configuration,modeling}_layoutlmv3.py — text + 2-D layout + image patch inputs.
import { conv2d, embedding, layerNorm, linear, positionIdsBuffer } from "../../modules/blocks.js";
import { module, repeat } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { ROBERTA_DEFAULTS } from "./roberta.js";
import { bertLayer } from "./shared/bert-like.js";
import { built } from "./shared/build.js";

export const layoutlmv3: TransformersArchitecture = {
  modelType: "layoutlmv3",
  source: "transformers/models/layoutlmv3/modeling_layoutlmv3.py",
  config: {
    modelType: "layoutlmv3",
    defaults: {
      ...ROBERTA_DEFAULTS,
      vocab_size: 50265,
      layer_norm_eps: 1e-5,
      max_2d_position_embeddings: 1024,
      coordinate_size: 128,
      shape_size: 128,
      has_relative_attention_bias: true,
      rel_pos_bins: 32,
      max_rel_pos: 128,
      rel_2d_pos_bins: 64,
      max_rel_2d_pos: 256,
      has_spatial_attention_bias: true,
      text_embed: true,
      visual_embed: true,
      input_size: 224,
      num_channels: 3,
      patch_size: 16,
    },
  },
  models: {
    AutoModel: (c) => {
      const hidden = c.positiveInt("hidden_size");
      const heads = c.positiveInt("num_attention_heads");
      const max2d = c.int("max_2d_position_embeddings");
      const maxPositions = c.int("max_position_embeddings");
      const coordinate = c.int("coordinate_size");
      const shape = c.int("shape_size");
      const visual = c.bool("visual_embed");
      const patch = c.positiveInt("patch_size");
      const size = Math.floor(c.int("input_size") / patch);
      const embeddings = module("LayoutLMv3TextEmbeddings", {
        children: {
          word_embeddings: embedding(c.int("vocab_size"), hidden),
          token_type_embeddings: embedding(c.int("type_vocab_size"), hidden),
          LayerNorm: layerNorm(hidden),
          position_embeddings: embedding(maxPositions, hidden),
          x_position_embeddings: embedding(max2d, coordinate),
          y_position_embeddings: embedding(max2d, coordinate),
          h_position_embeddings: embedding(max2d, shape),
          w_position_embeddings: embedding(max2d, shape),
        },
        buffers: { position_ids: positionIdsBuffer(maxPositions) },
      });
      const model = module("LayoutLMv3Model", {
        // The image branch's class token and patch position table (one row per patch plus the class token).
        params: { cls_token: visual && [1, 1, hidden], pos_embed: visual && [1, size * size + 1, hidden] },
        children: {
          embeddings: c.bool("text_embed") && embeddings,
          patch_embed:
            visual &&
            module("LayoutLMv3PatchEmbeddings", { children: { proj: conv2d(c.positiveInt("num_channels"), hidden, patch, { stride: patch }) } }),
          LayerNorm: visual && layerNorm(hidden),
          norm: visual && layerNorm(hidden),
          encoder: module("LayoutLMv3Encoder", {
            children: {
              layer: repeat(bertLayer(c, "LayoutLMv3"), c.int("num_hidden_layers")),
              rel_pos_bias: c.bool("has_relative_attention_bias") && linear(c.int("rel_pos_bins"), heads, false),
              rel_pos_x_bias: c.bool("has_spatial_attention_bias") && linear(c.int("rel_2d_pos_bins"), heads, false),
              rel_pos_y_bias: c.bool("has_spatial_attention_bias") && linear(c.int("rel_2d_pos_bins"), heads, false),
            },
          }),
        },
      });
      return built(model, null);
    },
  },
};
