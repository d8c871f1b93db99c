// transformers/models/gemma{,2}/{configuration,modeling}_gemma{,2}.py (4.47): Llama layout with an explicit
// head_dim and rotary per attention only; Gemma2 adds pre/post-feedforward norms around the MLP.
import type { Config } from "../../config/config.js";
import { rmsNorm } from "../../modules/blocks.js";
import type { Module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";
import { causalLm, decoderLayer, decoderModel, decoderModels, deriveKvHeads, type DecoderStyle } from "./shared/decoder.js";
import { withChild } from "./shared/decoder-variants.js";

const GEMMA_COMMON = {
  max_position_embeddings: 8192,
  initializer_range: 0.02,
  rms_norm_eps: 1e-6,
  use_cache: true,
  pad_token_id: 0,
  eos_token_id: 1,
  bos_token_id: 2,
  tie_word_embeddings: true,
  rope_theta: 10000.0,
  attention_bias: false,
  attention_dropout: 0.0,
  head_dim: 256,
} as const;

const bias = (c: Config) => c.bool("attention_bias");

export const gemma: TransformersArchitecture = {
  modelType: "gemma",
  source: "transformers/models/gemma/modeling_gemma.py",
  config: {
    modelType: "gemma",
    defaults: {
      ...GEMMA_COMMON,
      vocab_size: 256000,
      hidden_size: 3072,
      intermediate_size: 24576,
      num_hidden_layers: 28,
      num_attention_heads: 16,
      num_key_value_heads: 16,
      hidden_act: "gelu_pytorch_tanh",
      hidden_activation: null,
    },
    derive: deriveKvHeads,
  },
  models: decoderModels({ prefix: "Gemma", qkvBias: bias, outBias: bias, attentionRotary: true }),
};

const gemma2Style: DecoderStyle = { prefix: "Gemma2", qkvBias: bias, outBias: bias, attentionRotary: true };

function gemma2Layer(c: Config): Module {
  const hidden = c.positiveInt("hidden_size");
  let layer = decoderLayer(c, gemma2Style);
  layer = withChild(layer, "pre_feedforward_layernorm", rmsNorm("Gemma2RMSNorm", hidden));
  return withChild(layer, "post_feedforward_layernorm", rmsNorm("Gemma2RMSNorm", hidden));
}

const gemma2Model = (c: Config) => decoderModel(c, gemma2Style, gemma2Layer(c));
const GEMMA2_NO_SPLIT = ["Gemma2DecoderLayer"];

export const gemma2: TransformersArchitecture = {
  modelType: "gemma2",
  source: "transformers/models/gemma2/modeling_gemma2.py",
  config: {
    modelType: "gemma2",
    defaults: {
      ...GEMMA_COMMON,
      vocab_size: 256000,
      hidden_size: 2304,
      intermediate_size: 9216,
      num_hidden_layers: 26,
      num_attention_heads: 8,
      num_key_value_heads: 4,
      hidden_activation: "gelu_pytorch_tanh",
      query_pre_attn_scalar: 256,
      sliding_window: 4096,
      final_logit_softcapping: 30.0,
      attn_logit_softcapping: 50.0,
      cache_implementation: "hybrid",
    },
    derive: deriveKvHeads,
  },
  models: {
    AutoModel: (c) => built(gemma2Model(c), GEMMA2_NO_SPLIT),
    AutoModelForCausalLM: (c) => causalLm(c, "Gemma2ForCausalLM", gemma2Model(c), GEMMA2_NO_SPLIT),
  },
};
