// transformers/models/albert/{configuration,modeling}_albert.py
import type { Config } from "../../config/config.js";
import { embedding, layerNorm, linear, positionIdsBuffer } from "../../modules/blocks.js";
import { module, repeat, type Module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";

function albertModel(c: Config, pooler: boolean): Module {
  const emb = c.positiveInt("embedding_size");
  const hidden = c.positiveInt("hidden_size");
  const heads = c.positiveInt("num_attention_heads");
  const inter = c.int("intermediate_size");
  const maxPositions = c.int("max_position_embeddings");
  const headSize = Math.floor(hidden / heads);
  const positionType = c.get("position_embedding_type") ?? "absolute";
  const relative = positionType === "relative_key" || positionType === "relative_key_query";
  const layer = module("AlbertLayer", {
    children: {
      full_layer_layer_norm: layerNorm(hidden),
      attention: module("AlbertSdpaAttention", {
        children: {
          query: linear(hidden, headSize * heads),
          key: linear(hidden, headSize * heads),
          value: linear(hidden, headSize * heads),
          dense: linear(hidden, hidden),
          LayerNorm: layerNorm(hidden),
          distance_embedding: relative && embedding(2 * maxPositions - 1, headSize),
        },
      }),
      ffn: linear(hidden, inter),
      ffn_output: linear(inter, hidden),
    },
  });
  // Layers are shared: `num_hidden_layers` passes cycle through `num_hidden_groups` groups of `inner_group_num`.
  const group = module("AlbertLayerGroup", { children: { albert_layers: repeat(layer, c.int("inner_group_num")) } });
  return module("AlbertModel", {
    children: {
      embeddings: module("AlbertEmbeddings", {
        children: {
          word_embeddings: embedding(c.int("vocab_size"), emb),
          position_embeddings: embedding(maxPositions, emb),
          token_type_embeddings: embedding(c.int("type_vocab_size"), emb),
          LayerNorm: layerNorm(emb),
        },
        buffers: {
          position_ids: positionIdsBuffer(maxPositions),
          token_type_ids: positionIdsBuffer(maxPositions),
        },
      }),
      encoder: module("AlbertTransformer", {
        children: {
          embedding_hidden_mapping_in: linear(emb, hidden),
          albert_layer_groups: repeat(group, c.int("num_hidden_groups")),
        },
      }),
      pooler: pooler && linear(hidden, hidden),
    },
  });
}

export const albert: TransformersArchitecture = {
  modelType: "albert",
  source: "transformers/models/albert/modeling_albert.py",
  config: {
    modelType: "albert",
    defaults: {
      vocab_size: 30000,
      embedding_size: 128,
      hidden_size: 4096,
      num_hidden_layers: 12,
      num_hidden_groups: 1,
      num_attention_heads: 64,
      intermediate_size: 16384,
      inner_group_num: 1,
      hidden_act: "gelu_new",
      max_position_embeddings: 512,
      type_vocab_size: 2,
      layer_norm_eps: 1e-12,
      position_embedding_type: "absolute",
      pad_token_id: 0,
      bos_token_id: 2,
      eos_token_id: 3,
    },
  },
  models: {
    AutoModel: (c) => built(albertModel(c, true), null),
    AutoModelForMaskedLM: (c) => {
      const emb = c.positiveInt("embedding_size");
      const vocab = c.int("vocab_size");
      const head = module("AlbertMLMHead", {
        params: { bias: [vocab] },
        children: {
          LayerNorm: layerNorm(emb),
          dense: linear(c.positiveInt("hidden_size"), emb),
          // The decoder's weight is tied to the word embeddings and its bias is `predictions.bias`.
          decoder: module("Linear", {
            params: { weight: [vocab, emb], bias: [vocab] },
          }),
        },
      });
      return built(module("AlbertForMaskedLM", { children: { albert: albertModel(c, false), predictions: head } }), null);
    },
  },
};
