// transformers/models/ernie_m/{configuration,modeling}_ernie_m.py — PaddleNLP-style post-norm encoder layers.
import { embedding, layerNorm, linear } from "../../modules/blocks.js";
import { module, repeat } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { bertPooler } from "./shared/bert-like.js";
import { built } from "./shared/build.js";

export const ernieM: TransformersArchitecture = {
  modelType: "ernie_m",
  source: "transformers/models/ernie_m/modeling_ernie_m.py",
  config: {
    modelType: "ernie_m",
    defaults: {
      vocab_size: 250002,
      hidden_size: 768,
      num_hidden_layers: 12,
      num_attention_heads: 12,
      intermediate_size: 3072,
      hidden_act: "gelu",
      max_position_embeddings: 514,
      pad_token_id: 1,
      layer_norm_eps: 1e-5,
      classifier_dropout: null,
      act_dropout: 0.0,
    },
  },
  models: {
    AutoModel: (c) => {
      const hidden = c.positiveInt("hidden_size");
      const inter = c.int("intermediate_size");
      const heads = c.positiveInt("num_attention_heads");
      c.divisible("hidden_size", "num_attention_heads");
      const positionType = c.get("position_embedding_type") ?? "absolute";
      const relative = positionType === "relative_key" || positionType === "relative_key_query";
      const layer = module("ErnieMEncoderLayer", {
        children: {
          self_attn: module("ErnieMAttention", {
            children: {
              self_attn: module("ErnieMSelfAttention", {
                children: {
                  q_proj: linear(hidden, hidden),
                  k_proj: linear(hidden, hidden),
                  v_proj: linear(hidden, hidden),
                  distance_embedding: relative && embedding(2 * c.int("max_position_embeddings") - 1, hidden / heads),
                },
              }),
              out_proj: linear(hidden, hidden),
            },
          }),
          linear1: linear(hidden, inter),
          linear2: linear(inter, hidden),
          norm1: layerNorm(hidden),
          norm2: layerNorm(hidden),
        },
      });
      const model = module("ErnieMModel", {
        children: {
          // No token types and no id buffers.
          embeddings: module("ErnieMEmbeddings", {
            children: {
              word_embeddings: embedding(c.int("vocab_size"), hidden),
              position_embeddings: embedding(c.int("max_position_embeddings"), hidden),
              layer_norm: layerNorm(hidden),
            },
          }),
          encoder: module("ErnieMEncoder", { children: { layers: repeat(layer, c.int("num_hidden_layers")) } }),
          pooler: bertPooler(c, "ErnieM"),
        },
      });
      return built(model, null);
    },
  },
};
