// transformers/models/phi3/{configuration,modeling}_phi3.py (4.47): fused qkv_proj and gate_up_proj, rotary
// per attention only.
import type { Config } from "../../config/config.js";
import { linear, rmsNorm, rotaryEmbedding } from "../../modules/blocks.js";
import { module, type Module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { built, headDim } from "./shared/build.js";
import { causalLm, decoderModel, deriveKvHeads, type DecoderStyle } from "./shared/decoder.js";

function layer(c: Config): Module {
  const hidden = c.positiveInt("hidden_size");
  const heads = c.positiveInt("num_attention_heads");
  const dim = headDim(c);
  const qkvOut = (heads + 2 * c.positiveInt("num_key_value_heads")) * dim;
  const ffn = c.int("intermediate_size");
  return module("Phi3DecoderLayer", {
    children: {
      // 4.47 registers o_proj before qkv_proj; longrope scaling keeps the same inv_freq buffer.
      self_attn: module("Phi3Attention", {
        children: {
          o_proj: linear(heads * dim, hidden, false),
          qkv_proj: linear(hidden, qkvOut, false),
          rotary_emb: rotaryEmbedding("Phi3RotaryEmbedding", dim),
        },
      }),
      mlp: module("Phi3MLP", { children: { gate_up_proj: linear(hidden, 2 * ffn, false), down_proj: linear(ffn, hidden, false) } }),
      input_layernorm: rmsNorm("Phi3RMSNorm", hidden),
      post_attention_layernorm: rmsNorm("Phi3RMSNorm", hidden),
    },
  });
}

const style: DecoderStyle = { prefix: "Phi3" };
const model = (c: Config) => decoderModel(c, style, layer(c));
const NO_SPLIT = ["Phi3DecoderLayer"];

export const phi3: TransformersArchitecture = {
  modelType: "phi3",
  source: "transformers/models/phi3/modeling_phi3.py",
  config: {
    modelType: "phi3",
    defaults: {
      vocab_size: 32064,
      hidden_size: 3072,
      intermediate_size: 8192,
      num_hidden_layers: 32,
      num_attention_heads: 32,
      num_key_value_heads: null,
      resid_pdrop: 0.0,
      embd_pdrop: 0.0,
      attention_dropout: 0.0,
      hidden_act: "silu",
      max_position_embeddings: 4096,
      original_max_position_embeddings: 4096,
      initializer_range: 0.02,
      rms_norm_eps: 1e-5,
      use_cache: true,
      tie_word_embeddings: false,
      rope_theta: 10000.0,
      rope_scaling: null,
      bos_token_id: 1,
      eos_token_id: 32000,
      pad_token_id: 32000,
      sliding_window: null,
    },
    derive: deriveKvHeads,
  },
  models: {
    AutoModel: (c) => built(model(c), NO_SPLIT),
    AutoModelForCausalLM: (c) => causalLm(c, "Phi3ForCausalLM", model(c), NO_SPLIT),
  },
};
