// transformers/models/visual_bert/{configuration,modeling}_visual_bert.py
import { embedding, linear } from "../../modules/blocks.js";
import { module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { BERT_DEFAULTS, bertEncoder, bertLayer, bertPooler } from "./shared/bert-like.js";
import { built } from "./shared/build.js";
import { embeddingsOf, withChildren } from "./shared/bert-variants.js";

export const visualBert: TransformersArchitecture = {
  modelType: "visual_bert",
  source: "transformers/models/visual_bert/modeling_visual_bert.py",
  config: {
    modelType: "visual_bert",
    defaults: {
      ...BERT_DEFAULTS,
      visual_embedding_dim: 512,
      bypass_transformer: false,
      special_visual_initialize: true,
      pad_token_id: 1,
      bos_token_id: 0,
      eos_token_id: 2,
    },
  },
  models: {
    AutoModel: (c) => {
      const hidden = c.positiveInt("hidden_size");
      // The text embeddings, then the visual token-type/position tables and the feature projection.
      const embeddings = withChildren(embeddingsOf(c, "VisualBertEmbeddings", { tokenTypeIds: false }), {
        visual_token_type_embeddings: embedding(c.int("type_vocab_size"), hidden),
        visual_position_embeddings: embedding(c.int("max_position_embeddings"), hidden),
        visual_projection: linear(c.positiveInt("visual_embedding_dim"), hidden),
      });
      const model = module("VisualBertModel", {
        children: {
          embeddings,
          encoder: bertEncoder(c, "VisualBert"),
          pooler: bertPooler(c, "VisualBert"),
          additional_layer: c.bool("bypass_transformer") && bertLayer(c, "VisualBert"),
        },
      });
      return built(model, null);
    },
  },
};
