// transformers/models/falcon/{configuration,modeling}_falcon.py (4.47): fused query_key_value whose width
// depends on the attention variant (classic, multi-query, new decoder architecture), parallel attention with
// one or two LayerNorms, rotary per attention (unless ALiBi) and at the top.
import type { Config } from "../../config/config.js";
import { embedding, layerNorm, linear, rotaryEmbedding } from "../../modules/blocks.js";
import { module, repeat, type Module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";
import { causalLmHead } from "./shared/decoder-variants.js";

const linearCls = (inF: number, outF: number, bias: boolean) => ({ ...linear(inF, outF, bias), cls: "FalconLinear" });

function layer(c: Config): Module {
  const hidden = c.positiveInt("hidden_size");
  const heads = c.positiveInt("num_attention_heads");
  const dim = c.divisible("hidden_size", "num_attention_heads");
  const bias = c.bool("bias");
  const qkvOut = c.bool("new_decoder_architecture")
    ? (c.positiveInt("num_kv_heads") * 2 + heads) * dim
    : c.bool("multi_query")
      ? hidden + 2 * dim
      : 3 * hidden;
  const ffn = c.int("ffn_hidden_size");
  const parallel = c.bool("parallel_attn");
  // The config's num_ln_in_parallel_attn defaults to 2 for the new decoder architecture.
  const twoNorms = parallel && (c.get("num_ln_in_parallel_attn") ?? (c.bool("new_decoder_architecture") ? 2 : null)) === 2;
  return module("FalconDecoderLayer", {
    children: {
      self_attention: module("FalconAttention", {
        children: {
          query_key_value: linearCls(hidden, qkvOut, bias),
          dense: linearCls(hidden, hidden, bias),
          rotary_emb: !c.bool("alibi") && rotaryEmbedding("FalconRotaryEmbedding", dim),
        },
      }),
      mlp: module("FalconMLP", { children: { dense_h_to_4h: linearCls(hidden, ffn, bias), dense_4h_to_h: linearCls(ffn, hidden, bias) } }),
      post_attention_layernorm: !parallel && layerNorm(hidden),
      input_layernorm: !twoNorms && layerNorm(hidden),
      ln_attn: twoNorms && layerNorm(hidden),
      ln_mlp: twoNorms && layerNorm(hidden),
    },
  });
}

function model(c: Config): Module {
  const hidden = c.positiveInt("hidden_size");
  return module("FalconModel", {
    children: {
      word_embeddings: embedding(c.int("vocab_size"), hidden),
      h: repeat(layer(c), c.int("num_hidden_layers")),
      ln_f: layerNorm(hidden),
      rotary_emb: rotaryEmbedding("FalconRotaryEmbedding", c.divisible("hidden_size", "num_attention_heads")),
    },
  });
}

const NO_SPLIT = ["FalconDecoderLayer"];

export const falcon: TransformersArchitecture = {
  modelType: "falcon",
  source: "transformers/models/falcon/modeling_falcon.py",
  config: {
    modelType: "falcon",
    defaults: {
      vocab_size: 65024,
      hidden_size: 4544,
      num_hidden_layers: 32,
      num_attention_heads: 71,
      num_ln_in_parallel_attn: null,
      layer_norm_epsilon: 1e-5,
      initializer_range: 0.02,
      use_cache: true,
      hidden_dropout: 0.0,
      attention_dropout: 0.0,
      num_kv_heads: null,
      alibi: false,
      new_decoder_architecture: false,
      multi_query: true,
      parallel_attn: true,
      bias: false,
      max_position_embeddings: 2048,
      rope_theta: 10000.0,
      rope_scaling: null,
      bos_token_id: 11,
      eos_token_id: 11,
      ffn_hidden_size: null,
      activation: "gelu",
    },
    derive: (c) => {
      // Backward-compatible `n_embed` overrides hidden_size.
      if (c.get("n_embed") !== undefined && c.get("n_embed") !== null) c.set("hidden_size", c.get("n_embed"));
      c.setDefault("num_kv_heads", c.get("num_attention_heads"));
      c.setDefault("ffn_hidden_size", c.int("hidden_size") * 4);
    },
  },
  models: {
    AutoModel: (c) => built(model(c), NO_SPLIT),
    AutoModelForCausalLM: (c) => causalLmHead(c, "FalconForCausalLM", model(c), NO_SPLIT, { backboneName: "transformer" }),
  },
};
