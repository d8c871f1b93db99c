// transformers/models/vilt/{configuration,modeling}_vilt.py (4.47)
import { embedding, layerNorm, linear } from "../../modules/blocks.js";
import { module, repeat } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { bertEmbeddings } from "./shared/bert-like.js";
import { built } from "./shared/build.js";
import { numPatches, pair, vitLayer } from "./vit.js";
import { conv2d } from "../../modules/blocks.js";

const DEFAULTS = {
  vocab_size: 30522,
  type_vocab_size: 2,
  modality_type_vocab_size: 2,
  max_position_embeddings: 40,
  hidden_size: 768,
  num_hidden_layers: 12,
  num_attention_heads: 12,
  intermediate_size: 3072,
  hidden_act: "gelu",
  layer_norm_eps: 1e-12,
  image_size: 384,
  patch_size: 32,
  num_channels: 3,
  qkv_bias: true,
  max_image_length: -1,
  tie_word_embeddings: false,
  num_images: -1,
} as const;

export const vilt: TransformersArchitecture = {
  modelType: "vilt",
  source: "transformers/models/vilt/modeling_vilt.py",
  config: { modelType: "vilt", defaults: DEFAULTS },
  models: {
    AutoModel: (c) => {
      const hidden = c.positiveInt("hidden_size");
      // Text side is a BERT embedding (class `TextEmbeddings`); the image side ViT's patches and positions.
      const embeddings = module("ViltEmbeddings", {
        params: { cls_token: [1, 1, hidden], position_embeddings: [1, numPatches(c) + 1, hidden] },
        children: {
          text_embeddings: bertEmbeddings(c, "Text"),
          patch_embeddings: module("ViltPatchEmbeddings", {
            children: { projection: conv2d(c.positiveInt("num_channels"), hidden, pair(c, "patch_size")) },
          }),
          token_type_embeddings: embedding(c.int("modality_type_vocab_size"), hidden),
        },
      });
      const model = module("ViltModel", {
        children: {
          embeddings,
          encoder: module("ViltEncoder", { children: { layer: repeat(vitLayer(c, "Vilt"), c.int("num_hidden_layers")) } }),
          layernorm: layerNorm(hidden),
          pooler: module("ViltPooler", { children: { dense: linear(hidden, hidden) } }),
        },
      });
      return built(model, ["ViltEmbeddings", "ViltSelfAttention"]);
    },
  },
};
