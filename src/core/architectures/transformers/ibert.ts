// transformers/models/ibert/{configuration,modeling_ibert,quant_modules}.py — integer-only BERT: every quantised
// module keeps float32 buffers (integer copies of its weights, scaling factors, activation ranges) beside its params.
import { linear, positionIdsBuffer } from "../../modules/blocks.js";
import { buffer, module, repeat, type Module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { ROBERTA_DEFAULTS } from "./roberta.js";
import { built } from "./shared/build.js";

/** `QuantAct`: the running activation range and its scaling factor. */
const quantAct = (): Module =>
  module("QuantAct", { buffers: { x_min: buffer([1]), x_max: buffer([1]), act_scaling_factor: buffer([1]) } });

const quantEmbedding = (num: number, dim: number): Module =>
  module("QuantEmbedding", {
    params: { weight: [num, dim] },
    buffers: { weight_scaling_factor: buffer([1]), weight_integer: buffer([num, dim]) },
  });

const quantLinear = (inFeatures: number, outFeatures: number): Module =>
  module("QuantLinear", {
    params: { weight: [outFeatures, inFeatures], bias: [outFeatures] },
    buffers: {
      weight_integer: buffer([outFeatures, inFeatures]),
      fc_scaling_factor: buffer([outFeatures]),
      bias_integer: buffer([outFeatures]),
    },
  });

const intLayerNorm = (dim: number): Module =>
  module("IntLayerNorm", { params: { weight: [dim], bias: [dim] }, buffers: { shift: buffer([1]) }, children: { activation: quantAct() } });

/** `IBertSelfOutput` / `IBertOutput`: dense, the LayerNorm's input quantiser, LayerNorm, output quantiser. */
const quantOutput = (cls: string, inFeatures: number, hidden: number): Module =>
  module(cls, {
    children: {
      dense: quantLinear(inFeatures, hidden),
      ln_input_act: quantAct(),
      LayerNorm: intLayerNorm(hidden),
      output_activation: quantAct(),
    },
  });

export const ibert: TransformersArchitecture = {
  modelType: "ibert",
  source: "transformers/models/ibert/modeling_ibert.py",
  config: { modelType: "ibert", defaults: { ...ROBERTA_DEFAULTS, quant_mode: false, force_dequant: "none" } },
  models: {
    AutoModel: (c) => {
      const hidden = c.positiveInt("hidden_size");
      const inter = c.int("intermediate_size");
      const maxPositions = c.int("max_position_embeddings");
      c.divisible("hidden_size", "num_attention_heads");
      const layer = module("IBertLayer", {
        children: {
          attention: module("IBertAttention", {
            children: {
              self: module("IBertSelfAttention", {
                children: {
                  query: quantLinear(hidden, hidden),
                  key: quantLinear(hidden, hidden),
                  value: quantLinear(hidden, hidden),
                  query_activation: quantAct(),
                  key_activation: quantAct(),
                  value_activation: quantAct(),
                  output_activation: quantAct(),
                  softmax: module("IntSoftmax", { children: { act: quantAct() } }),
                },
              }),
              output: quantOutput("IBertSelfOutput", hidden, hidden),
            },
          }),
          intermediate: module("IBertIntermediate", { children: { dense: quantLinear(hidden, inter), output_activation: quantAct() } }),
          output: quantOutput("IBertOutput", inter, hidden),
          pre_intermediate_act: quantAct(),
          pre_output_act: quantAct(),
        },
      });
      const model = module("IBertModel", {
        children: {
          embeddings: module("IBertEmbeddings", {
            children: {
              word_embeddings: quantEmbedding(c.int("vocab_size"), hidden),
              token_type_embeddings: quantEmbedding(c.int("type_vocab_size"), hidden),
              position_embeddings: quantEmbedding(maxPositions, hidden),
              embeddings_act1: quantAct(),
              embeddings_act2: quantAct(),
              LayerNorm: intLayerNorm(hidden),
              output_activation: quantAct(),
            },
            buffers: { position_ids: positionIdsBuffer(maxPositions) },
          }),
          encoder: module("IBertEncoder", { children: { layer: repeat(layer, c.int("num_hidden_layers")) } }),
          // The pooler stays a float nn.Linear.
          pooler: module("IBertPooler", { children: { dense: linear(hidden, hidden) } }),
        },
      });
      return built(model, null);
    },
  },
};
