// transformers/models/lxmert/{configuration,modeling}_lxmert.py — language, cross-modality and vision encoders.
import { layerNorm, linear } from "../../modules/blocks.js";
import { module, repeat, type Module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { BERT_DEFAULTS, bertPooler } from "./shared/bert-like.js";
import { built } from "./shared/build.js";
import { embeddingsOf } from "./shared/bert-variants.js";

export const lxmert: TransformersArchitecture = {
  modelType: "lxmert",
  source: "transformers/models/lxmert/modeling_lxmert.py",
  config: {
    modelType: "lxmert",
    defaults: {
      ...BERT_DEFAULTS,
      num_qa_labels: 9500,
      num_object_labels: 1600,
      num_attr_labels: 400,
      l_layers: 9,
      x_layers: 5,
      r_layers: 5,
      visual_feat_dim: 2048,
      visual_pos_dim: 4,
    },
  },
  models: {
    AutoModel: (c) => {
      const hidden = c.positiveInt("hidden_size");
      const inter = c.int("intermediate_size");
      c.divisible("hidden_size", "num_attention_heads");
      // Keys/values of the cross-attention come from the other modality, at the same hidden width.
      const attention = module("LxmertAttention", {
        children: { query: linear(hidden, hidden), key: linear(hidden, hidden), value: linear(hidden, hidden) },
      });
      const attentionOutput = module("LxmertAttentionOutput", { children: { dense: linear(hidden, hidden), LayerNorm: layerNorm(hidden) } });
      const selfLayer = module("LxmertSelfAttentionLayer", { children: { self: attention, output: attentionOutput } });
      const crossLayer = module("LxmertCrossAttentionLayer", { children: { att: attention, output: attentionOutput } });
      const intermediate = module("LxmertIntermediate", { children: { dense: linear(hidden, inter) } });
      const output = module("LxmertOutput", { children: { dense: linear(inter, hidden), LayerNorm: layerNorm(hidden) } });
      const layer: Module = module("LxmertLayer", { children: { attention: selfLayer, intermediate, output } });
      const xLayer = module("LxmertXLayer", {
        children: {
          visual_attention: crossLayer,
          lang_self_att: selfLayer,
          visn_self_att: selfLayer,
          lang_inter: intermediate,
          lang_output: output,
          visn_inter: intermediate,
          visn_output: output,
        },
      });
      const visual = module("LxmertVisualFeatureEncoder", {
        children: {
          visn_fc: linear(c.positiveInt("visual_feat_dim"), hidden),
          visn_layer_norm: layerNorm(hidden),
          box_fc: linear(c.positiveInt("visual_pos_dim"), hidden),
          box_layer_norm: layerNorm(hidden),
        },
      });
      const model = module("LxmertModel", {
        children: {
          embeddings: embeddingsOf(c, "LxmertEmbeddings", { positionIds: false, tokenTypeIds: false }),
          encoder: module("LxmertEncoder", {
            children: {
              visn_fc: visual,
              layer: repeat(layer, c.int("l_layers")),
              x_layers: repeat(xLayer, c.int("x_layers")),
              r_layers: repeat(layer, c.int("r_layers")),
            },
          }),
          pooler: bertPooler(c, "Lxmert"),
        },
      });
      return built(model, null);
    },
  },
};
