// transformers/models/llama/{configuration,modeling}_llama.py (4.47)
import type { TransformersArchitecture } from "../types.js";
import { decoderModels, deriveKvHeads, type DecoderStyle } from "./shared/decoder.js";

const style: DecoderStyle = {
  prefix: "Llama",
  qkvBias: (c) => c.bool("attention_bias"),
  outBias: (c) => c.bool("attention_bias"),
  mlpBias: (c) => c.bool("mlp_bias"),
  attentionRotary: true,
  modelRotary: true,
};

export const LLAMA_DEFAULTS = {
  vocab_size: 32000,
  hidden_size: 4096,
  intermediate_size: 11008,
  num_hidden_layers: 32,
  num_attention_heads: 32,
  num_key_value_heads: null,
  hidden_act: "silu",
  max_position_embeddings: 2048,
  rms_norm_eps: 1e-6,
  bos_token_id: 1,
  eos_token_id: 2,
  tie_word_embeddings: false,
  rope_theta: 10000.0,
  rope_scaling: null,
  attention_bias: false,
  mlp_bias: false,
  head_dim: null,
} as const;

export const llama: TransformersArchitecture = {
  modelType: "llama",
  source: "transformers/models/llama/modeling_llama.py",
  config: { modelType: "llama", defaults: LLAMA_DEFAULTS, derive: deriveKvHeads },
  models: decoderModels(style),
};
