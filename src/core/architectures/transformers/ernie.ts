// transformers/models/ernie/{configuration,modeling}_ernie.py — BERT plus optional task-type embeddings.
import { embedding, layerNorm, positionIdsBuffer } from "../../modules/blocks.js";
import { module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { BERT_DEFAULTS, bertLikeModel } from "./shared/bert-like.js";
import { built } from "./shared/build.js";

export const ernie: TransformersArchitecture = {
  modelType: "ernie",
  source: "transformers/models/ernie/modeling_ernie.py",
  config: { modelType: "ernie", defaults: { ...BERT_DEFAULTS, task_type_vocab_size: 3, use_task_id: false } },
  models: {
    AutoModel: (c) => {
      const hidden = c.positiveInt("hidden_size");
      const maxPositions = c.int("max_position_embeddings");
      const embeddings = module("ErnieEmbeddings", {
        children: {
          word_embeddings: embedding(c.int("vocab_size"), hidden),
          position_embeddings: embedding(maxPositions, hidden),
          token_type_embeddings: embedding(c.int("type_vocab_size"), hidden),
          task_type_embeddings: c.bool("use_task_id") && embedding(c.int("task_type_vocab_size"), hidden),
          LayerNorm: layerNorm(hidden),
        },
        buffers: { position_ids: positionIdsBuffer(maxPositions), token_type_ids: positionIdsBuffer(maxPositions) },
      });
      return built(bertLikeModel(c, "Ernie", { embeddings }), null);
    },
  },
};
