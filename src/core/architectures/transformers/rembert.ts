// transformers/models/rembert/{configuration,modeling}_rembert.py
import { linear } from "../../modules/blocks.js";
import { module, repeat } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { bertLayer, bertPooler } from "./shared/bert-like.js";
import { built } from "./shared/build.js";
import { embeddingsOf } from "./shared/bert-variants.js";

export const rembert: TransformersArchitecture = {
  modelType: "rembert",
  source: "transformers/models/rembert/modeling_rembert.py",
  config: {
    modelType: "rembert",
    defaults: {
      vocab_size: 250300,
      hidden_size: 1152,
      num_hidden_layers: 32,
      num_attention_heads: 18,
      input_embedding_size: 256,
      output_embedding_size: 1664,
      intermediate_size: 4608,
      hidden_act: "gelu",
      max_position_embeddings: 512,
      type_vocab_size: 2,
      layer_norm_eps: 1e-12,
      use_cache: true,
      pad_token_id: 0,
      bos_token_id: 312,
      eos_token_id: 313,
      tie_word_embeddings: false,
    },
  },
  models: {
    AutoModel: (c) => {
      const hidden = c.positiveInt("hidden_size");
      const model = module("RemBertModel", {
        children: {
          // Narrow input embeddings, projected up to the hidden width by the encoder.
          embeddings: embeddingsOf(c, "RemBertEmbeddings", { widthKey: "input_embedding_size", tokenTypeIds: false }),
          encoder: module("RemBertEncoder", {
            children: {
              embedding_hidden_mapping_in: linear(c.positiveInt("input_embedding_size"), hidden),
              layer: repeat(bertLayer(c, "RemBert"), c.int("num_hidden_layers")),
            },
          }),
          pooler: bertPooler(c, "RemBert"),
        },
      });
      return built(model, null);
    },
  },
};
