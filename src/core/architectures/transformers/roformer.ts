// transformers/models/roformer/{configuration,modeling}_roformer.py
import { embedding, linear } from "../../modules/blocks.js";
import { module, repeat } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { BERT_DEFAULTS, bertLayer } from "./shared/bert-like.js";
import { built } from "./shared/build.js";
import { embeddingsOf } from "./shared/bert-variants.js";

export const roformer: TransformersArchitecture = {
  modelType: "roformer",
  source: "transformers/models/roformer/modeling_roformer.py",
  config: {
    modelType: "roformer",
    defaults: { ...BERT_DEFAULTS, vocab_size: 50000, embedding_size: null, max_position_embeddings: 1536, rotary_value: false },
    derive: (c) => c.setDefault("embedding_size", c.get("hidden_size")),
  },
  models: {
    AutoModel: (c) => {
      const emb = c.positiveInt("embedding_size");
      const hidden = c.positiveInt("hidden_size");
      const heads = c.positiveInt("num_attention_heads");
      const model = module("RoFormerModel", {
        children: {
          // Rotary positions: no position table in the embeddings and no id buffers.
          embeddings: embeddingsOf(c, "RoFormerEmbeddings", {
            widthKey: "embedding_size",
            position: false,
            positionIds: false,
            tokenTypeIds: false,
          }),
          embeddings_project: emb !== hidden && linear(emb, hidden),
          encoder: module("RoFormerEncoder", {
            children: {
              // An nn.Embedding subclass holding the sinusoid table as a (frozen) parameter.
              embed_positions: embedding(c.int("max_position_embeddings"), Math.floor(hidden / heads), "RoFormerSinusoidalPositionalEmbedding"),
              layer: repeat(bertLayer(c, "RoFormer"), c.int("num_hidden_layers")),
            },
          }),
        },
      });
      return built(model, null);
    },
  },
};
