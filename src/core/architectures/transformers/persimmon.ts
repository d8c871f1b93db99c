// transformers/models/persimmon/{configuration,modeling}_persimmon.py (4.47): fused biased query_key_value,
// per-head-width q/k LayerNorms, relu² MLP, partial rotary per attention and at the top.
import type { Config } from "../../config/config.js";
import { embedding, layerNorm, linear, rotaryEmbedding } from "../../modules/blocks.js";
import { module, repeat, type Module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { built, headDim } from "./shared/build.js";
import { rotaryDimOf } from "./shared/decoder.js";
import { causalLmHead } from "./shared/decoder-variants.js";

function layer(c: Config): Module {
  const hidden = c.positiveInt("hidden_size");
  const ffn = c.int("intermediate_size");
  const qk = c.bool("qk_layernorm");
  const dim = headDim(c);
  return module("PersimmonDecoderLayer", {
    children: {
      self_attn: module("PersimmonAttention", {
        children: {
          query_key_value: linear(hidden, 3 * hidden),
          dense: linear(hidden, hidden),
          q_layernorm: qk && layerNorm(dim),
          k_layernorm: qk && layerNorm(dim),
          rotary_emb: rotaryEmbedding("PersimmonRotaryEmbedding", rotaryDimOf(c)),
        },
      }),
      mlp: module("PersimmonMLP", { children: { dense_h_to_4h: linear(hidden, ffn), dense_4h_to_h: linear(ffn, hidden) } }),
      input_layernorm: layerNorm(hidden),
      post_attention_layernorm: layerNorm(hidden),
    },
  });
}

function model(c: Config): Module {
  const hidden = c.positiveInt("hidden_size");
  return module("PersimmonModel", {
    children: {
      embed_tokens: embedding(c.int("vocab_size"), hidden),
      layers: repeat(layer(c), c.int("num_hidden_layers")),
      final_layernorm: layerNorm(hidden),
      rotary_emb: rotaryEmbedding("PersimmonRotaryEmbedding", rotaryDimOf(c)),
    },
  });
}

const NO_SPLIT = ["PersimmonDecoderLayer"];

export const persimmon: TransformersArchitecture = {
  modelType: "persimmon",
  source: "transformers/models/persimmon/modeling_persimmon.py",
  config: {
    modelType: "persimmon",
    defaults: {
      vocab_size: 262144,
      hidden_size: 4096,
      intermediate_size: 16384,
      num_hidden_layers: 36,
      num_attention_heads: 64,
      hidden_act: "relu2",
      max_position_embeddings: 16384,
      initializer_range: 0.02,
      layer_norm_eps: 1e-5,
      use_cache: true,
      tie_word_embeddings: false,
      rope_theta: 25000.0,
      rope_scaling: null,
      qk_layernorm: true,
      hidden_dropout: 0.0,
      attention_dropout: 0.0,
      partial_rotary_factor: 0.5,
      pad_token_id: null,
      bos_token_id: 1,
      eos_token_id: 2,
    },
  },
  models: {
    AutoModel: (c) => built(model(c), NO_SPLIT),
    AutoModelForCausalLM: (c) => causalLmHead(c, "PersimmonForCausalLM", model(c), NO_SPLIT),
  },
};
