// transformers/models/bert/{configuration,modeling}_bert.py
import { linear, layerNorm } from "../../modules/blocks.js";
import { module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import type { TransformersArchitecture } from "../types.js";
import { BERT_DEFAULTS, bertLikeModel } from "./shared/bert-like.js";
import { built } from "./shared/build.js";

const NO_SPLIT = ["BertEmbeddings", "BertLayer"];

/**
 * `BertLMPredictionHead`: transform (dense + LayerNorm), then the decoder. Its weight (tied to the word
 * embeddings) and its bias (`decoder.bias = self.bias`) are tied by assignment, so both count in full under
 * accelerate's init_empty_weights (docs/porting.md).
 */
export function bertLmHead(c: Config, prefix: string) {
  const hidden = c.positiveInt("hidden_size");
  const vocab = c.int("vocab_size");
  return module(`${prefix}OnlyMLMHead`, {
    children: {
      predictions: module(`${prefix}LMPredictionHead`, {
        params: { bias: [vocab] },
        children: {
          transform: module(`${prefix}PredictionHeadTransform`, {
            children: { dense: linear(hidden, hidden), LayerNorm: layerNorm(hidden) },
          }),
          decoder: module("Linear", { params: { weight: [vocab, hidden], bias: [vocab] } }),
        },
      }),
    },
  });
}

export const bert: TransformersArchitecture = {
  modelType: "bert",
  source: "transformers/models/bert/modeling_bert.py",
  config: { modelType: "bert", defaults: BERT_DEFAULTS },
  models: {
    AutoModel: (c) => built(bertLikeModel(c, "Bert"), NO_SPLIT),
    AutoModelForMaskedLM: (c) =>
      built(
        module("BertForMaskedLM", {
          children: { bert: bertLikeModel(c, "Bert", { pooler: false }), cls: bertLmHead(c, "Bert") },
        }),
        NO_SPLIT,
      ),
  },
};
