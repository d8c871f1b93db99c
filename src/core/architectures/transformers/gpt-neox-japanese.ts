// transformers/models/gpt_neox_japanese/{configuration,modeling}_gpt_neox_japanese.py (4.47)
import type { Config } from "../../config/config.js";
import { embedding, layerNorm, linear, rotaryEmbedding } from "../../modules/blocks.js";
import { list, module, type Module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";
import { rotaryDimOf } from "./shared/decoder.js";
import { lmHead } from "./shared/fairseq-decoder.js";

function layer(c: Config, last: boolean): Module {
  const hidden = c.positiveInt("hidden_size");
  const inter = Math.floor(hidden * c.number("intermediate_multiple_size"));
  return module("GPTNeoXJapaneseLayer", {
    children: {
      input_layernorm: layerNorm(hidden),
      post_attention_layernorm: layerNorm(hidden),
      attention: module("GPTNeoXJapaneseAttention", {
        // Only the last layer's attention owns the bias added after its dense projection.
        params: { dense_bias: last && [hidden] },
        children: {
          rotary_emb: rotaryEmbedding("GPTNeoXJapaneseRotaryEmbedding", rotaryDimOf(c)),
          query_key_value: linear(hidden, 3 * hidden, false),
          dense: linear(hidden, hidden, false),
        },
      }),
      mlp: module("GPTNeoXJapaneseMLP", { children: { dense_h_to_4h: linear(hidden, inter, false), dense_4h_to_h: linear(inter, hidden, false) } }),
    },
  });
}

function model(c: Config): Module {
  const hidden = c.positiveInt("hidden_size");
  c.divisible("hidden_size", "num_attention_heads");
  const n = c.int("num_hidden_layers");
  return module("GPTNeoXJapaneseModel", {
    children: {
      embed_in: embedding(c.int("vocab_size"), hidden),
      layers: list("ModuleList", { module: layer(c, false), count: Math.max(n - 1, 0) }, { module: layer(c, true), count: Math.min(n, 1) }),
      final_layer_norm: layerNorm(hidden),
      rotary_emb: rotaryEmbedding("GPTNeoXJapaneseRotaryEmbedding", rotaryDimOf(c)),
    },
  });
}

const NO_SPLIT = ["GPTNeoXJapaneseLayer"];

export const gptNeoxJapanese: TransformersArchitecture = {
  modelType: "gpt_neox_japanese",
  source: "transformers/models/gpt_neox_japanese/modeling_gpt_neox_japanese.py",
  config: {
    modelType: "gpt_neox_japanese",
    defaults: {
      vocab_size: 32000,
      hidden_size: 2560,
      num_hidden_layers: 32,
      num_attention_heads: 32,
      intermediate_multiple_size: 4,
      hidden_act: "gelu",
      rotary_pct: 1.0,
      rotary_emb_base: 10000,
      max_position_embeddings: 2048,
      layer_norm_eps: 1e-5,
      bos_token_id: 31996,
      eos_token_id: 31999,
      rope_scaling: null,
      attention_dropout: 0.1,
      hidden_dropout: 0.0,
    },
    // __init__ overwrites any stored factor with rotary_pct.
    derive: (c) => c.set("partial_rotary_factor", c.number("rotary_pct")),
  },
  models: {
    AutoModel: (c) => built(model(c), NO_SPLIT),
    AutoModelForCausalLM: (c) =>
      built(
        module("GPTNeoXJapaneseForCausalLM", {
          children: { gpt_neox_japanese: model(c), embed_out: lmHead(c.positiveInt("hidden_size"), c.int("vocab_size")) },
        }),
        NO_SPLIT,
      ),
  },
};
