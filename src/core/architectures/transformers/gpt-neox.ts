// transformers/models/gpt_neox/{configuration,modeling}_gpt_neox.py (4.47)
import type { Config } from "../../config/config.js";
import { embedding, layerNorm, linear, rotaryEmbedding } from "../../modules/blocks.js";
import { buffer, module, repeat, type Module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";
import { lmHead } from "./shared/fairseq-decoder.js";
import { rotaryDimOf } from "./shared/decoder.js";

/** The causal mask and masked_bias that GPT-2-descended attentions register (bool mask: 1/8 byte per entry). */
export function causalMaskBuffers(positions: number) {
  return {
    bias: buffer([1, 1, positions, positions], "bool", false),
    masked_bias: buffer([], "float32", false),
  };
}

function layer(c: Config): Module {
  const hidden = c.positiveInt("hidden_size");
  c.divisible("hidden_size", "num_attention_heads");
  const bias = c.bool("attention_bias");
  const inter = c.int("intermediate_size");
  return module("GPTNeoXLayer", {
    children: {
      input_layernorm: layerNorm(hidden),
      post_attention_layernorm: layerNorm(hidden),
      attention: module("GPTNeoXAttention", {
        buffers: causalMaskBuffers(c.int("max_position_embeddings")),
        children: {
          rotary_emb: rotaryEmbedding("GPTNeoXRotaryEmbedding", rotaryDimOf(c)),
          query_key_value: linear(hidden, 3 * hidden, bias),
          dense: linear(hidden, hidden, bias),
        },
      }),
      mlp: module("GPTNeoXMLP", { children: { dense_h_to_4h: linear(hidden, inter), dense_4h_to_h: linear(inter, hidden) } }),
    },
  });
}

function model(c: Config): Module {
  const hidden = c.positiveInt("hidden_size");
  return module("GPTNeoXModel", {
    children: {
      embed_in: embedding(c.int("vocab_size"), hidden),
      layers: repeat(layer(c), c.int("num_hidden_layers")),
      final_layer_norm: layerNorm(hidden),
      rotary_emb: rotaryEmbedding("GPTNeoXRotaryEmbedding", rotaryDimOf(c)),
    },
  });
}

const NO_SPLIT = ["GPTNeoXLayer"];

export const gptNeox: TransformersArchitecture = {
  modelType: "gpt_neox",
  source: "transformers/models/gpt_neox/modeling_gpt_neox.py",
  config: {
    modelType: "gpt_neox",
    defaults: {
      vocab_size: 50432,
      hidden_size: 6144,
      num_hidden_layers: 44,
      num_attention_heads: 64,
      intermediate_size: 24576,
      hidden_act: "gelu",
      rotary_pct: 0.25,
      rotary_emb_base: 10000,
      attention_dropout: 0.0,
      hidden_dropout: 0.0,
      classifier_dropout: 0.1,
      max_position_embeddings: 2048,
      layer_norm_eps: 1e-5,
      bos_token_id: 0,
      eos_token_id: 2,
      tie_word_embeddings: false,
      use_parallel_residual: true,
      rope_scaling: null,
      attention_bias: true,
    },
    // __init__ overwrites any stored factor with rotary_pct.
    derive: (c) => c.set("partial_rotary_factor", c.number("rotary_pct")),
  },
  models: {
    AutoModel: (c) => built(model(c), NO_SPLIT),
    AutoModelForCausalLM: (c) => {
      const vocab = c.int("vocab_size");
      const hidden = c.positiveInt("hidden_size");
      return built(module("GPTNeoXForCausalLM", { children: { gpt_neox: model(c), embed_out: lmHead(hidden, vocab) } }), NO_SPLIT);
    },
  },
};
