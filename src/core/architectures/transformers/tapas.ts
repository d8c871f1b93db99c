// transformers/models/tapas/{configuration,modeling}_tapas.py — BERT with seven token-type tables (table structure).
import { embedding, layerNorm } from "../../modules/blocks.js";
import { module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { BERT_DEFAULTS, bertLikeModel } from "./shared/bert-like.js";
import { built } from "./shared/build.js";

export const tapas: TransformersArchitecture = {
  modelType: "tapas",
  source: "transformers/models/tapas/modeling_tapas.py",
  config: {
    modelType: "tapas",
    defaults: { ...BERT_DEFAULTS, max_position_embeddings: 1024, type_vocab_sizes: [3, 256, 256, 2, 256, 256, 10] },
  },
  models: {
    AutoModel: (c) => {
      const hidden = c.positiveInt("hidden_size");
      const tokenTypes = Object.fromEntries(c.intList("type_vocab_sizes").map((n, i) => [`token_type_embeddings_${i}`, embedding(n, hidden)]));
      // No id buffers: positions are computed per table cell in forward.
      const embeddings = module("TapasEmbeddings", {
        children: {
          word_embeddings: embedding(c.int("vocab_size"), hidden),
          position_embeddings: embedding(c.int("max_position_embeddings"), hidden),
          ...tokenTypes,
          LayerNorm: layerNorm(hidden),
        },
      });
      return built(bertLikeModel(c, "Tapas", { embeddings }), null);
    },
  },
};
