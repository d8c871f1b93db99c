// transformers/models/convbert/{configuration,modeling}_convbert.py — half the heads become span-based dynamic convolutions.
import { conv1d, layerNorm, linear } from "../../modules/blocks.js";
import { module, repeat, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import { InvalidConfigError } from "../../errors.js";
import type { TransformersArchitecture } from "../types.js";
import { BERT_DEFAULTS } from "./shared/bert-like.js";
import { built } from "./shared/build.js";
import { embeddingsOf } from "./shared/bert-variants.js";

/** `nn.Linear`, or with `num_groups > 1` a `GroupedLinearLayer` (one [groups, in/g, out/g] weight). */
function groupedLinear(c: Config, inFeatures: number, outFeatures: number): Module {
  const groups = c.positiveInt("num_groups");
  if (groups === 1) return linear(inFeatures, outFeatures);
  return module("GroupedLinearLayer", { params: { weight: [groups, inFeatures / groups, outFeatures / groups], bias: [outFeatures] } });
}

function convBertLayer(c: Config): Module {
  const hidden = c.positiveInt("hidden_size");
  const inter = c.int("intermediate_size");
  const configuredHeads = c.positiveInt("num_attention_heads");
  const reduced = Math.floor(configuredHeads / c.positiveInt("head_ratio"));
  const heads = reduced < 1 ? 1 : reduced;
  if (hidden % heads !== 0) {
    throw new InvalidConfigError(`${c.label}: \`hidden_size\` (${hidden}) is not a multiple of the reduced head count (${heads})`, "hidden_size");
  }
  const allHead = heads * Math.floor(hidden / heads / 2);
  const kernel = c.positiveInt("conv_kernel_size");
  const self = module("ConvBertSelfAttention", {
    children: {
      query: linear(hidden, allHead),
      key: linear(hidden, allHead),
      value: linear(hidden, allHead),
      key_conv_attn_layer: module("SeparableConv1D", {
        params: { bias: [allHead, 1] },
        children: {
          depthwise: conv1d(hidden, hidden, kernel, { groups: hidden, bias: false }),
          pointwise: conv1d(hidden, allHead, 1, { bias: false }),
        },
      }),
      conv_kernel_layer: linear(allHead, heads * kernel),
      conv_out_layer: linear(hidden, allHead),
    },
  });
  const attention = module("ConvBertAttention", {
    children: {
      self,
      output: module("ConvBertSelfOutput", { children: { dense: linear(hidden, hidden), LayerNorm: layerNorm(hidden) } }),
    },
  });
  return module("ConvBertLayer", {
    children: {
      attention,
      crossattention: c.bool("add_cross_attention") && attention,
      intermediate: module("ConvBertIntermediate", { children: { dense: groupedLinear(c, hidden, inter) } }),
      output: module("ConvBertOutput", { children: { dense: groupedLinear(c, inter, hidden), LayerNorm: layerNorm(hidden) } }),
    },
  });
}

export const convbert: TransformersArchitecture = {
  modelType: "convbert",
  source: "transformers/models/convbert/modeling_convbert.py",
  config: {
    modelType: "convbert",
    defaults: { ...BERT_DEFAULTS, pad_token_id: 1, bos_token_id: 0, eos_token_id: 2, embedding_size: 768, head_ratio: 2, conv_kernel_size: 9, num_groups: 1 },
  },
  models: {
    AutoModel: (c) => {
      const emb = c.positiveInt("embedding_size");
      const hidden = c.positiveInt("hidden_size");
      const model = module("ConvBertModel", {
        children: {
          embeddings: embeddingsOf(c, "ConvBertEmbeddings", { widthKey: "embedding_size" }),
          embeddings_project: emb !== hidden && linear(emb, hidden),
          encoder: module("ConvBertEncoder", { children: { layer: repeat(convBertLayer(c), c.int("num_hidden_layers")) } }),
        },
      });
      return built(model, null);
    },
  },
};
