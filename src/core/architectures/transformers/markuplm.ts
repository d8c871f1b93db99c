// transformers/models/markuplm/{configuration,modeling}_markuplm.py — BERT plus XPath embeddings.
import { embedding, layerNorm, linear, positionIdsBuffer } from "../../modules/blocks.js";
import { module, repeat } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { BERT_DEFAULTS, bertLikeModel } from "./shared/bert-like.js";
import { built } from "./shared/build.js";

export const markuplm: TransformersArchitecture = {
  modelType: "markuplm",
  source: "transformers/models/markuplm/modeling_markuplm.py",
  config: {
    modelType: "markuplm",
    defaults: {
      ...BERT_DEFAULTS,
      bos_token_id: 0,
      eos_token_id: 2,
      max_xpath_tag_unit_embeddings: 256,
      max_xpath_subs_unit_embeddings: 1024,
      tag_pad_id: 216,
      subs_pad_id: 1001,
      xpath_unit_hidden_size: 32,
      max_depth: 50,
    },
  },
  models: {
    AutoModel: (c) => {
      const hidden = c.positiveInt("hidden_size");
      const unit = c.int("xpath_unit_hidden_size");
      const depth = c.int("max_depth");
      const maxPositions = c.int("max_position_embeddings");
      const xpath = module("XPathEmbeddings", {
        children: {
          xpath_unitseq2_embeddings: linear(unit * depth, hidden),
          xpath_unitseq2_inner: linear(unit * depth, 4 * hidden),
          inner2emb: linear(4 * hidden, hidden),
          // One small table per depth level, for tags and for subscripts.
          xpath_tag_sub_embeddings: repeat(embedding(c.int("max_xpath_tag_unit_embeddings"), unit), depth),
          xpath_subs_sub_embeddings: repeat(embedding(c.int("max_xpath_subs_unit_embeddings"), unit), depth),
        },
      });
      const embeddings = module("MarkupLMEmbeddings", {
        children: {
          word_embeddings: embedding(c.int("vocab_size"), hidden),
          position_embeddings: embedding(maxPositions, hidden),
          xpath_embeddings: xpath,
          token_type_embeddings: embedding(c.int("type_vocab_size"), hidden),
          LayerNorm: layerNorm(hidden),
        },
        buffers: { position_ids: positionIdsBuffer(maxPositions) },
      });
      return built(bertLikeModel(c, "MarkupLM", { embeddings }), null);
    },
  },
};
