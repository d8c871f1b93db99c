// transformers/models/splinter/{configuration,modeling}_splinter.py
import type { TransformersArchitecture } from "../types.js";
import { BERT_DEFAULTS, bertEmbeddings, bertLikeModel } from "./shared/bert-like.js";
import { built } from "./shared/build.js";

export const splinter: TransformersArchitecture = {
  modelType: "splinter",
  source: "transformers/models/splinter/modeling_splinter.py",
  config: { modelType: "splinter", defaults: { ...BERT_DEFAULTS, question_token_id: 104 } },
  models: {
    AutoModel: (c) =>
      built(
        // No pooler, and the embeddings keep no `token_type_ids` buffer.
        bertLikeModel(c, "Splinter", { pooler: false, embeddings: bertEmbeddings(c, "Splinter", { tokenTypeIds: false }) }),
        null,
      ),
  },
};
