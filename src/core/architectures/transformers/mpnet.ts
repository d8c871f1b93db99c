// transformers/models/mpnet/{configuration,modeling}_mpnet.py
import { embedding, layerNorm, linear, positionIdsBuffer } from "../../modules/blocks.js";
import { module, repeat } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { bertPooler } from "./shared/bert-like.js";
import { built } from "./shared/build.js";

export const mpnet: TransformersArchitecture = {
  modelType: "mpnet",
  source: "transformers/models/mpnet/modeling_mpnet.py",
  config: {
    modelType: "mpnet",
    defaults: {
      vocab_size: 30527,
      hidden_size: 768,
      num_hidden_layers: 12,
      num_attention_heads: 12,
      intermediate_size: 3072,
      hidden_act: "gelu",
      max_position_embeddings: 512,
      layer_norm_eps: 1e-12,
      relative_attention_num_buckets: 32,
      pad_token_id: 1,
      bos_token_id: 0,
      eos_token_id: 2,
    },
  },
  models: {
    AutoModel: (c) => {
      const hidden = c.positiveInt("hidden_size");
      const heads = c.positiveInt("num_attention_heads");
      const inter = c.int("intermediate_size");
      const maxPositions = c.int("max_position_embeddings");
      const allHead = Math.floor(hidden / heads) * heads;
      const layer = module("MPNetLayer", {
        children: {
          attention: module("MPNetAttention", {
            children: {
              attn: module("MPNetSelfAttention", {
                children: {
                  q: linear(hidden, allHead),
                  k: linear(hidden, allHead),
                  v: linear(hidden, allHead),
                  o: linear(hidden, hidden),
                },
              }),
              LayerNorm: layerNorm(hidden),
            },
          }),
          intermediate: module("MPNetIntermediate", { children: { dense: linear(hidden, inter) } }),
          output: module("MPNetOutput", { children: { dense: linear(inter, hidden), LayerNorm: layerNorm(hidden) } }),
        },
      });
      const model = module("MPNetModel", {
        children: {
          // No token types: MPNet embeds words and positions only.
          embeddings: module("MPNetEmbeddings", {
            children: {
              word_embeddings: embedding(c.int("vocab_size"), hidden),
              position_embeddings: embedding(maxPositions, hidden),
              LayerNorm: layerNorm(hidden),
            },
            buffers: { position_ids: positionIdsBuffer(maxPositions) },
          }),
          encoder: module("MPNetEncoder", {
            children: {
              layer: repeat(layer, c.int("num_hidden_layers")),
              relative_attention_bias: embedding(c.int("relative_attention_num_buckets"), heads),
            },
          }),
          pooler: bertPooler(c, "MPNet"),
        },
      });
      return built(model, null);
    },
  },
};
