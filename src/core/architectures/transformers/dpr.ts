// transformers/models/dpr/{configuration,modeling}_dpr.py — AutoModel builds the question encoder.
import { linear } from "../../modules/blocks.js";
import { module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { BERT_DEFAULTS, bertLikeModel } from "./shared/bert-like.js";
import { built } from "./shared/build.js";

export const dpr: TransformersArchitecture = {
  modelType: "dpr",
  source: "transformers/models/dpr/modeling_dpr.py",
  config: { modelType: "dpr", defaults: { ...BERT_DEFAULTS, projection_dim: 0 } },
  models: {
    AutoModel: (c) => {
      const projection = c.int("projection_dim");
      const encoder = module("DPREncoder", {
        children: {
          // A plain BertModel without pooler; the optional projection replaces it.
          bert_model: bertLikeModel(c, "Bert", { pooler: false }),
          encode_proj: projection > 0 && linear(c.positiveInt("hidden_size"), projection),
        },
      });
      return built(module("DPRQuestionEncoder", { children: { question_encoder: encoder } }), null);
    },
  },
};
