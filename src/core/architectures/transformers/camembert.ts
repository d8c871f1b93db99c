// transformers/models/camembert/{configuration,modeling}_camembert.py — a RoBERTa copy.
import type { TransformersArchitecture } from "../types.js";
import { ROBERTA_DEFAULTS } from "./roberta.js";
import { bertLikeModel } from "./shared/bert-like.js";
import { built } from "./shared/build.js";

export const camembert: TransformersArchitecture = {
  modelType: "camembert",
  source: "transformers/models/camembert/modeling_camembert.py",
  config: { modelType: "camembert", defaults: ROBERTA_DEFAULTS },
  // CamembertPreTrainedModel declares `_no_split_modules = []` in 4.47 (not None).
  models: { AutoModel: (c) => built(bertLikeModel(c, "Camembert"), []) },
};
