// transformers/models/layoutlm/{configuration,modeling}_layoutlm.py — BERT plus 2-D box embeddings.
import { embedding, layerNorm, positionIdsBuffer } from "../../modules/blocks.js";
import { module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { BERT_DEFAULTS, bertLikeModel } from "./shared/bert-like.js";
import { built } from "./shared/build.js";

export const layoutlm: TransformersArchitecture = {
  modelType: "layoutlm",
  source: "transformers/models/layoutlm/modeling_layoutlm.py",
  config: { modelType: "layoutlm", defaults: { ...BERT_DEFAULTS, max_2d_position_embeddings: 1024 } },
  models: {
    AutoModel: (c) => {
      const hidden = c.positiveInt("hidden_size");
      const max2d = c.int("max_2d_position_embeddings");
      const maxPositions = c.int("max_position_embeddings");
      const embeddings = module("LayoutLMEmbeddings", {
        children: {
          word_embeddings: embedding(c.int("vocab_size"), hidden),
          position_embeddings: embedding(maxPositions, hidden),
          x_position_embeddings: embedding(max2d, hidden),
          y_position_embeddings: embedding(max2d, hidden),
          h_position_embeddings: embedding(max2d, hidden),
          w_position_embeddings: embedding(max2d, hidden),
          token_type_embeddings: embedding(c.int("type_vocab_size"), hidden),
          LayerNorm: layerNorm(hidden),
        },
        buffers: { position_ids: positionIdsBuffer(maxPositions) },
      });
      return built(bertLikeModel(c, "LayoutLM", { embeddings }), null);
    },
  },
};
