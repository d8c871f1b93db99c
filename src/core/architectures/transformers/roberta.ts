// transformers/models/roberta/{configuration,modeling}_roberta.py — BERT with RoBERTa's ids and defaults.
import type { TransformersArchitecture } from "../types.js";
import { BERT_DEFAULTS, bertLikeModel } from "./shared/bert-like.js";
import { built } from "./shared/build.js";

/** RobertaConfig differs from BertConfig only in its special token ids. */
export const ROBERTA_DEFAULTS = { ...BERT_DEFAULTS, pad_token_id: 1, bos_token_id: 0, eos_token_id: 2 } as const;

/** A RoBERTa copy under another class prefix (`XLMRoberta`, `Camembert`…): same tree, own no-split names. */
export function robertaLike(modelType: string, prefix: string, source: string): TransformersArchitecture {
  return {
    modelType,
    source,
    config: { modelType, defaults: ROBERTA_DEFAULTS },
    models: { AutoModel: (c) => built(bertLikeModel(c, prefix), [`${prefix}Embeddings`, `${prefix}Layer`]) },
  };
}

export const roberta = robertaLike("roberta", "Roberta", "transformers/models/roberta/modeling_roberta.py");
export const xlmRoberta = robertaLike("xlm-roberta", "XLMRoberta", "transformers/models/xlm_roberta/modeling_xlm_roberta.py");
