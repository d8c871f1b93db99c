// transformers/models/phi/{configuration,modeling}_phi.py (4.47): biased q/k/v/dense, fc1/fc2 MLP, one
// LayerNorm per layer (parallel attention + MLP), partial rotary per attention and at the top.
import type { Config } from "../../config/config.js";
import { embedding, layerNorm, linear, rotaryEmbedding } from "../../modules/blocks.js";
import { module, repeat, type Module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { built, headDim } from "./shared/build.js";
import { deriveKvHeads, rotaryDimOf } from "./shared/decoder.js";
import { causalLmHead } from "./shared/decoder-variants.js";

function layer(c: Config): Module {
  const hidden = c.positiveInt("hidden_size");
  const heads = c.positiveInt("num_attention_heads");
  const kvHeads = c.positiveInt("num_key_value_heads");
  const dim = headDim(c);
  const ffn = c.int("intermediate_size");
  const qk = c.bool("qk_layernorm");
  return module("PhiDecoderLayer", {
    children: {
      self_attn: module("PhiAttention", {
        children: {
          q_proj: linear(hidden, heads * dim),
          k_proj: linear(hidden, kvHeads * dim),
          v_proj: linear(hidden, kvHeads * dim),
          dense: linear(heads * dim, hidden),
          q_layernorm: qk && layerNorm(dim),
          k_layernorm: qk && layerNorm(dim),
          rotary_emb: rotaryEmbedding("PhiRotaryEmbedding", rotaryDimOf(c)),
        },
      }),
      mlp: module("PhiMLP", { children: { fc1: linear(hidden, ffn), fc2: linear(ffn, hidden) } }),
      input_layernorm: layerNorm(hidden),
    },
  });
}

function model(c: Config): Module {
  const hidden = c.positiveInt("hidden_size");
  return module("PhiModel", {
    children: {
      embed_tokens: embedding(c.int("vocab_size"), hidden),
      layers: repeat(layer(c), c.int("num_hidden_layers")),
      final_layernorm: layerNorm(hidden),
      rotary_emb: rotaryEmbedding("PhiRotaryEmbedding", rotaryDimOf(c)),
    },
  });
}

const NO_SPLIT = ["PhiDecoderLayer"];

export const phi: TransformersArchitecture = {
  modelType: "phi",
  source: "transformers/models/phi/modeling_phi.py",
  config: {
    modelType: "phi",
    defaults: {
      vocab_size: 51200,
      hidden_size: 2048,
      intermediate_size: 8192,
      num_hidden_layers: 24,
      num_attention_heads: 32,
      num_key_value_heads: null,
      resid_pdrop: 0.0,
      embd_pdrop: 0.0,
      attention_dropout: 0.0,
      hidden_act: "gelu_new",
      max_position_embeddings: 2048,
      initializer_range: 0.02,
      layer_norm_eps: 1e-5,
      use_cache: true,
      tie_word_embeddings: false,
      rope_theta: 10000.0,
      rope_scaling: null,
      partial_rotary_factor: 0.5,
      qk_layernorm: false,
      bos_token_id: 1,
      eos_token_id: 2,
    },
    derive: deriveKvHeads,
  },
  models: {
    AutoModel: (c) => built(model(c), NO_SPLIT),
    // PhiForCausalLM's head carries a bias.
    AutoModelForCausalLM: (c) => causalLmHead(c, "PhiForCausalLM", model(c), NO_SPLIT, { bias: true }),
  },
};
