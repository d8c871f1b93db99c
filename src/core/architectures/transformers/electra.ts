// transformers/models/electra/{configuration,modeling}_electra.py
import { linear } from "../../modules/blocks.js";
import { module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { BERT_DEFAULTS, bertEncoder } from "./shared/bert-like.js";
import { built } from "./shared/build.js";
import { embeddingsOf } from "./shared/bert-variants.js";

export const electra: TransformersArchitecture = {
  modelType: "electra",
  source: "transformers/models/electra/modeling_electra.py",
  config: {
    modelType: "electra",
    defaults: { ...BERT_DEFAULTS, embedding_size: 128, hidden_size: 256, num_attention_heads: 4, intermediate_size: 1024, summary_type: "first" },
  },
  models: {
    AutoModel: (c) => {
      const emb = c.positiveInt("embedding_size");
      const hidden = c.positiveInt("hidden_size");
      const model = module("ElectraModel", {
        children: {
          embeddings: embeddingsOf(c, "ElectraEmbeddings", { widthKey: "embedding_size" }),
          embeddings_project: emb !== hidden && linear(emb, hidden),
          encoder: bertEncoder(c, "Electra"),
        },
      });
      return built(model, null);
    },
  },
};
