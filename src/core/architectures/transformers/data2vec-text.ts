// transformers/models/data2vec/{configuration_data2vec_text,modeling_data2vec_text}.py — a RoBERTa copy.
import type { TransformersArchitecture } from "../types.js";
import { ROBERTA_DEFAULTS } from "./roberta.js";
import { bertEmbeddings, bertLikeModel } from "./shared/bert-like.js";
import { built } from "./shared/build.js";

export const data2vecText: TransformersArchitecture = {
  modelType: "data2vec-text",
  source: "transformers/models/data2vec/modeling_data2vec_text.py",
  config: { modelType: "data2vec-text", defaults: ROBERTA_DEFAULTS },
  models: {
    AutoModel: (c) =>
      built(
        // The embeddings class is named `Data2VecTextForTextEmbeddings`.
        bertLikeModel(c, "Data2VecText", { embeddings: bertEmbeddings(c, "Data2VecTextForText") }),
        ["Data2VecTextForTextEmbeddings", "Data2VecTextLayer"],
      ),
  },
};
