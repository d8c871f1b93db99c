// transformers/models/xlm_roberta_xl/{configuration,modeling}_xlm_roberta_xl.py — pre-LayerNorm RoBERTa.
import { layerNorm, linear } from "../../modules/blocks.js";
import { module, repeat } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { ROBERTA_DEFAULTS } from "./roberta.js";
import { bertPooler } from "./shared/bert-like.js";
import { built } from "./shared/build.js";
import { denseOnly, embeddingsOf, preNormAttention } from "./shared/bert-variants.js";

export const xlmRobertaXl: TransformersArchitecture = {
  modelType: "xlm-roberta-xl",
  source: "transformers/models/xlm_roberta_xl/modeling_xlm_roberta_xl.py",
  config: {
    modelType: "xlm-roberta-xl",
    defaults: {
      ...ROBERTA_DEFAULTS,
      vocab_size: 250880,
      hidden_size: 2560,
      num_hidden_layers: 36,
      num_attention_heads: 32,
      intermediate_size: 10240,
      max_position_embeddings: 514,
      type_vocab_size: 1,
      layer_norm_eps: 1e-5,
    },
  },
  models: {
    AutoModel: (c) => {
      const hidden = c.positiveInt("hidden_size");
      const inter = c.int("intermediate_size");
      const attention = preNormAttention(c, "XLMRobertaXL", "self_attn_layer_norm", true);
      const layer = module("XLMRobertaXLLayer", {
        children: {
          attention,
          crossattention: c.bool("add_cross_attention") && attention,
          intermediate: module("XLMRobertaXLIntermediate", { children: { dense: linear(hidden, inter) } }),
          output: denseOnly("XLMRobertaXLOutput", inter, hidden),
          LayerNorm: layerNorm(hidden),
        },
      });
      const model = module("XLMRobertaXLModel", {
        children: {
          embeddings: embeddingsOf(c, "XLMRobertaXLEmbeddings", { layerNorm: false }),
          encoder: module("XLMRobertaXLEncoder", {
            children: { layer: repeat(layer, c.int("num_hidden_layers")), LayerNorm: layerNorm(hidden) },
          }),
          pooler: bertPooler(c, "XLMRobertaXL"),
        },
      });
      return built(model, ["XLMRobertaXLEmbeddings", "XLMRobertaXLLayer"]);
    },
  },
};
