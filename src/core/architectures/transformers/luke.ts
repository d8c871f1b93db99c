// transformers/models/luke/{configuration,modeling}_luke.py
import { embedding, layerNorm, linear } from "../../modules/blocks.js";
import { module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { ROBERTA_DEFAULTS } from "./roberta.js";
import { bertEncoder, bertPooler } from "./shared/bert-like.js";
import { built } from "./shared/build.js";
import { embeddingsOf } from "./shared/bert-variants.js";
import { sixProjectionLayer } from "./longformer.js";

export const luke: TransformersArchitecture = {
  modelType: "luke",
  source: "transformers/models/luke/modeling_luke.py",
  config: {
    modelType: "luke",
    defaults: {
      ...ROBERTA_DEFAULTS,
      vocab_size: 50267,
      entity_vocab_size: 500000,
      entity_emb_size: 256,
      use_entity_aware_attention: true,
      classifier_dropout: null,
    },
  },
  models: {
    AutoModel: (c) => {
      const hidden = c.positiveInt("hidden_size");
      const entityWidth = c.positiveInt("entity_emb_size");
      // Entity-aware attention adds word→entity, entity→word and entity→entity queries.
      const projections = ["query", "key", "value", ...(c.bool("use_entity_aware_attention") ? ["w2e_query", "e2w_query", "e2e_query"] : [])];
      const model = module("LukeModel", {
        children: {
          embeddings: embeddingsOf(c, "LukeEmbeddings", { positionIds: false, tokenTypeIds: false }),
          entity_embeddings: module("LukeEntityEmbeddings", {
            children: {
              entity_embeddings: embedding(c.int("entity_vocab_size"), entityWidth),
              entity_embedding_dense: entityWidth !== hidden && linear(entityWidth, hidden, false),
              position_embeddings: embedding(c.int("max_position_embeddings"), hidden),
              token_type_embeddings: embedding(c.int("type_vocab_size"), hidden),
              LayerNorm: layerNorm(hidden),
            },
          }),
          encoder: bertEncoder(c, "Luke", sixProjectionLayer(c, "Luke", projections)),
          pooler: bertPooler(c, "Luke"),
        },
      });
      return built(model, ["LukeAttention", "LukeEntityEmbeddings"]);
    },
  },
};
