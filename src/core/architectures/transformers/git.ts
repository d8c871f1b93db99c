// transformers/models/git/{configuration,modeling}_git.py (4.47)
import { embedding, layerNorm, linear, positionIdsBuffer } from "../../modules/blocks.js";
import { checkIndexedLayers, list, module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { bertEncoder } from "./shared/bert-like.js";
import { built, subConfig } from "./shared/build.js";
import { clipVisionTransformer } from "./shared/clip-encoder.js";
import { CLIP_VISION_DEFAULTS } from "./clip.js";

const DEFAULTS = {
  vocab_size: 30522,
  hidden_size: 768,
  num_hidden_layers: 6,
  num_attention_heads: 12,
  intermediate_size: 3072,
  hidden_act: "gelu",
  max_position_embeddings: 1024,
  layer_norm_eps: 1e-12,
  pad_token_id: 0,
  position_embedding_type: "absolute",
  use_cache: true,
  tie_word_embeddings: false,
  bos_token_id: 101,
  eos_token_id: 102,
  num_image_with_embedding: null,
} as const;

export const git: TransformersArchitecture = {
  modelType: "git",
  source: "transformers/models/git/modeling_git.py",
  config: { modelType: "git", defaults: DEFAULTS },
  models: {
    AutoModel: (c) => {
      const hidden = c.positiveInt("hidden_size");
      const maxPositions = c.int("max_position_embeddings");
      // GitVisionConfig differs from CLIP's only in its patch size.
      const vision = subConfig(c, "vision_config", { modelType: "git_vision_model", defaults: { ...CLIP_VISION_DEFAULTS, patch_size: 16 } });
      const visionHidden = vision.positiveInt("hidden_size");
      const images = c.optionalInt("num_image_with_embedding");
      // A ParameterList holds one tensor per image: bounded like any per-index list.
      if (images !== undefined) checkIndexedLayers(images, "image embeddings");
      const model = module("GitModel", {
        children: {
          embeddings: module("GitEmbeddings", {
            children: {
              word_embeddings: embedding(c.int("vocab_size"), hidden),
              position_embeddings: embedding(maxPositions, hidden),
              LayerNorm: layerNorm(hidden),
            },
            buffers: { position_ids: positionIdsBuffer(maxPositions) },
          }),
          image_encoder: module("GitVisionModel", {
            children: {
              vision_model: clipVisionTransformer(vision, "Git", {
                layer: { encoderCls: "GitVisionEncoder", layerCls: "GitVisionEncoderLayer", attentionCls: "GitVisionAttention", mlpCls: "GitVisionMLP" },
              }),
            },
          }),
          encoder: bertEncoder(c, "Git"),
          // One learned [1, 1, vision hidden] embedding per frame when several images are embedded.
          img_temperal_embedding:
            images !== undefined &&
            module("ParameterList", { params: Object.fromEntries(Array.from({ length: images }, (_, i) => [String(i), [1, 1, visionHidden]])) }),
          visual_projection: module("GitProjection", {
            children: { visual_projection: list("Sequential", linear(visionHidden, hidden), layerNorm(hidden)) },
          }),
        },
      });
      return built(model, null);
    },
  },
};
