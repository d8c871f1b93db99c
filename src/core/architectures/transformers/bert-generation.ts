// transformers/models/bert_generation/{configuration,modeling}_bert_generation.py
import { module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { bertEncoder, bertLayer } from "./shared/bert-like.js";
import { built } from "./shared/build.js";
import { embeddingsOf } from "./shared/bert-variants.js";

export const bertGeneration: TransformersArchitecture = {
  modelType: "bert-generation",
  source: "transformers/models/bert_generation/modeling_bert_generation.py",
  config: {
    modelType: "bert-generation",
    defaults: {
      vocab_size: 50358,
      hidden_size: 1024,
      num_hidden_layers: 24,
      num_attention_heads: 16,
      intermediate_size: 4096,
      hidden_act: "gelu",
      max_position_embeddings: 512,
      layer_norm_eps: 1e-12,
      pad_token_id: 0,
      bos_token_id: 2,
      eos_token_id: 1,
      position_embedding_type: "absolute",
      use_cache: true,
    },
  },
  models: {
    AutoModel: (c) => {
      const model = module("BertGenerationEncoder", {
        children: {
          embeddings: embeddingsOf(c, "BertGenerationEmbeddings", { tokenType: false, tokenTypeIds: false }),
          // The encoder is BERT's own class holding BertGeneration layers.
          encoder: bertEncoder(c, "Bert", bertLayer(c, "BertGeneration")),
        },
      });
      return built(model, null);
    },
  },
};
