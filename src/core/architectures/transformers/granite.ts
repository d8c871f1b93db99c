// transformers/models/granite{,moe}/{configuration,modeling}_granite{,moe}.py (4.47): Llama with scaling
// multipliers (no shapes) and a single model-level rotary; GraniteMoe swaps the MLP for ParallelExperts.
import type { Config } from "../../config/config.js";
import { linear } from "../../modules/blocks.js";
import { module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";
import { causalLm, decoderLayer, decoderModel, decoderModels, deriveKvHeads, type DecoderStyle } from "./shared/decoder.js";
import { parallelExperts, renameChild } from "./shared/decoder-variants.js";

const GRANITE_DEFAULTS = {
  vocab_size: 32000,
  hidden_size: 4096,
  intermediate_size: 11008,
  num_hidden_layers: 32,
  num_attention_heads: 32,
  num_key_value_heads: null,
  hidden_act: "silu",
  max_position_embeddings: 2048,
  initializer_range: 0.02,
  rms_norm_eps: 1e-6,
  use_cache: true,
  pad_token_id: null,
  bos_token_id: 1,
  eos_token_id: 2,
  tie_word_embeddings: false,
  rope_theta: 10000.0,
  rope_scaling: null,
  attention_bias: false,
  attention_dropout: 0.0,
  embedding_multiplier: 1.0,
  logits_scaling: 1.0,
  residual_multiplier: 1.0,
  attention_multiplier: 1.0,
} as const;

export const granite: TransformersArchitecture = {
  modelType: "granite",
  source: "transformers/models/granite/modeling_granite.py",
  config: { modelType: "granite", defaults: { ...GRANITE_DEFAULTS, mlp_bias: false }, derive: deriveKvHeads },
  models: decoderModels({
    prefix: "Granite",
    qkvBias: (c) => c.bool("attention_bias"),
    outBias: (c) => c.bool("attention_bias"),
    mlpBias: (c) => c.bool("mlp_bias"),
    modelRotary: true,
  }),
};

const moeStyle: DecoderStyle = {
  prefix: "GraniteMoe",
  qkvBias: (c) => c.bool("attention_bias"),
  outBias: (c) => c.bool("attention_bias"),
  modelRotary: true,
  // input_linear holds gate and up projections of every expert at once.
  mlp: (c: Config) => {
    const hidden = c.positiveInt("hidden_size");
    const ffn = c.int("intermediate_size");
    const experts = c.positiveInt("num_local_experts");
    return module("GraniteMoeMoE", {
      children: {
        input_linear: parallelExperts("GraniteMoeParallelExperts", experts, hidden, ffn * 2),
        output_linear: parallelExperts("GraniteMoeParallelExperts", experts, ffn, hidden),
        router: module("GraniteMoeTopKGating", { children: { layer: linear(hidden, experts, false) } }),
      },
    });
  },
};

const moeModel = (c: Config) => decoderModel(c, moeStyle, renameChild(decoderLayer(c, moeStyle), "mlp", "block_sparse_moe"));
const MOE_NO_SPLIT = ["GraniteMoeDecoderLayer"];

export const granitemoe: TransformersArchitecture = {
  modelType: "granitemoe",
  source: "transformers/models/granitemoe/modeling_granitemoe.py",
  config: {
    modelType: "granitemoe",
    defaults: { ...GRANITE_DEFAULTS, num_local_experts: 8, num_experts_per_tok: 2, output_router_logits: false, router_aux_loss_coef: 0.001 },
    derive: deriveKvHeads,
  },
  models: {
    AutoModel: (c) => built(moeModel(c), MOE_NO_SPLIT),
    AutoModelForCausalLM: (c) => causalLm(c, "GraniteMoeForCausalLM", moeModel(c), MOE_NO_SPLIT),
  },
};
