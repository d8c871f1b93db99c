// transformers/models/roc_bert/{configuration,modeling}_roc_bert.py — BERT plus glyph-shape and pronunciation tables.
import { embedding, layerNorm, linear, positionIdsBuffer } from "../../modules/blocks.js";
import { module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { BERT_DEFAULTS, bertLikeModel } from "./shared/bert-like.js";
import { built } from "./shared/build.js";

export const rocBert: TransformersArchitecture = {
  modelType: "roc_bert",
  source: "transformers/models/roc_bert/modeling_roc_bert.py",
  config: {
    modelType: "roc_bert",
    defaults: {
      ...BERT_DEFAULTS,
      enable_pronunciation: true,
      enable_shape: true,
      pronunciation_embed_dim: 768,
      pronunciation_vocab_size: 910,
      shape_embed_dim: 512,
      shape_vocab_size: 24858,
      concat_input: true,
    },
  },
  models: {
    AutoModel: (c) => {
      const hidden = c.positiveInt("hidden_size");
      const maxPositions = c.int("max_position_embeddings");
      const pronunciation = c.positiveInt("pronunciation_embed_dim");
      const shape = c.positiveInt("shape_embed_dim");
      // Concatenated inputs (word + enabled extra channels) are mapped back to hidden_size.
      const mapIn = hidden + (c.bool("enable_pronunciation") ? pronunciation : 0) + (c.bool("enable_shape") ? shape : 0);
      const embeddings = module("RoCBertEmbeddings", {
        children: {
          word_embeddings: embedding(c.int("vocab_size"), hidden),
          // Both tables exist even when their channel is disabled.
          pronunciation_embed: embedding(c.int("pronunciation_vocab_size"), pronunciation),
          shape_embed: embedding(c.int("shape_vocab_size"), shape),
          position_embeddings: embedding(maxPositions, hidden),
          token_type_embeddings: embedding(c.int("type_vocab_size"), hidden),
          map_inputs_layer: c.bool("concat_input") && linear(mapIn, hidden),
          LayerNorm: layerNorm(hidden),
        },
        buffers: { position_ids: positionIdsBuffer(maxPositions), token_type_ids: positionIdsBuffer(maxPositions) },
      });
      return built(bertLikeModel(c, "RoCBert", { embeddings }), null);
    },
  },
};
