// transformers/models/distilbert/{configuration,modeling}_distilbert.py
import { embedding, layerNorm, linear, positionIdsBuffer } from "../../modules/blocks.js";
import { module, repeat } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";

export const distilbert: TransformersArchitecture = {
  modelType: "distilbert",
  source: "transformers/models/distilbert/modeling_distilbert.py",
  config: {
    modelType: "distilbert",
    defaults: {
      vocab_size: 30522,
      max_position_embeddings: 512,
      sinusoidal_pos_embds: false,
      n_layers: 6,
      n_heads: 12,
      dim: 768,
      hidden_dim: 4 * 768,
      activation: "gelu",
      pad_token_id: 0,
    },
    attributeMap: { hidden_size: "dim", num_attention_heads: "n_heads", num_hidden_layers: "n_layers" },
  },
  models: {
    AutoModel: (c) => {
      const dim = c.positiveInt("dim");
      c.divisible("dim", "n_heads");
      const hidden = c.int("hidden_dim");
      const maxPositions = c.int("max_position_embeddings");
      const block = module("TransformerBlock", {
        children: {
          attention: module("MultiHeadSelfAttention", {
            children: { q_lin: linear(dim, dim), k_lin: linear(dim, dim), v_lin: linear(dim, dim), out_lin: linear(dim, dim) },
          }),
          sa_layer_norm: layerNorm(dim),
          ffn: module("FFN", { children: { lin1: linear(dim, hidden), lin2: linear(hidden, dim) } }),
          output_layer_norm: layerNorm(dim),
        },
      });
      const model = module("DistilBertModel", {
        children: {
          embeddings: module("Embeddings", {
            children: {
              word_embeddings: embedding(c.int("vocab_size"), dim),
              position_embeddings: embedding(maxPositions, dim),
              LayerNorm: layerNorm(dim),
            },
            buffers: { position_ids: positionIdsBuffer(maxPositions) },
          }),
          transformer: module("Transformer", { children: { layer: repeat(block, c.int("n_layers")) } }),
        },
      });
      // DistilBertPreTrainedModel sets no `_no_split_modules`.
      return built(model, null);
    },
  },
};
