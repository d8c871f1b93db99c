// transformers/models/megatron_bert/{configuration,modeling}_megatron_bert.py — pre-LayerNorm BERT.
import { layerNorm, linear } from "../../modules/blocks.js";
import { module, repeat } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { BERT_DEFAULTS, bertPooler } from "./shared/bert-like.js";
import { built } from "./shared/build.js";
import { denseOnly, embeddingsOf, preNormAttention } from "./shared/bert-variants.js";

export const megatronBert: TransformersArchitecture = {
  modelType: "megatron-bert",
  source: "transformers/models/megatron_bert/modeling_megatron_bert.py",
  config: {
    modelType: "megatron-bert",
    defaults: { ...BERT_DEFAULTS, vocab_size: 29056, hidden_size: 1024, num_hidden_layers: 24, num_attention_heads: 16, intermediate_size: 4096 },
  },
  models: {
    AutoModel: (c) => {
      const hidden = c.positiveInt("hidden_size");
      const inter = c.int("intermediate_size");
      const attention = preNormAttention(c, "MegatronBert", "ln", true);
      const layer = module("MegatronBertLayer", {
        children: {
          attention,
          crossattention: c.bool("add_cross_attention") && attention,
          ln: layerNorm(hidden),
          intermediate: module("MegatronBertIntermediate", { children: { dense: linear(hidden, inter) } }),
          output: denseOnly("MegatronBertOutput", inter, hidden),
        },
      });
      const model = module("MegatronBertModel", {
        children: {
          // The embeddings have no LayerNorm: each layer normalises its own input.
          embeddings: embeddingsOf(c, "MegatronBertEmbeddings", { layerNorm: false, tokenTypeIds: false }),
          encoder: module("MegatronBertEncoder", {
            children: { layer: repeat(layer, c.int("num_hidden_layers")), ln: layerNorm(hidden) },
          }),
          pooler: bertPooler(c, "MegatronBert"),
        },
      });
      return built(model, null);
    },
  },
};
