// transformers/models/stablelm/{configuration,modeling}_stablelm.py (4.47): LayerNorms, partial rotary (per
// attention and at the top), optional per-head q/k LayerNorms and parallel residual (no second norm).
import type { Config } from "../../config/config.js";
import { layerNorm, linear, rotaryEmbedding } from "../../modules/blocks.js";
import { module, repeat, type Module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { built, headDim } from "./shared/build.js";
import { causalLm, decoderModel, deriveKvHeads, rotaryDimOf, type DecoderStyle } from "./shared/decoder.js";

/** StableLmLayerNormPerHead: one bias-free LayerNorm per head. */
function perHeadNorm(c: Config, heads: number): Module {
  return module("StableLmLayerNormPerHead", { children: { norms: repeat(layerNorm(headDim(c), { bias: false }), heads) } });
}

function attention(c: Config): Module {
  const hidden = c.positiveInt("hidden_size");
  const heads = c.positiveInt("num_attention_heads");
  const kvHeads = c.positiveInt("num_key_value_heads");
  const dim = headDim(c);
  const qkvBias = c.bool("use_qkv_bias");
  const qk = c.bool("qk_layernorm");
  return module("StableLmAttention", {
    children: {
      q_proj: linear(hidden, heads * dim, qkvBias),
      k_proj: linear(hidden, kvHeads * dim, qkvBias),
      v_proj: linear(hidden, kvHeads * dim, qkvBias),
      o_proj: linear(hidden, hidden, false),
      q_layernorm: qk && perHeadNorm(c, heads),
      k_layernorm: qk && perHeadNorm(c, kvHeads),
      rotary_emb: stablelmRotary(c),
    },
  });
}

const stablelmRotary = (c: Config) => rotaryEmbedding("StableLmRotaryEmbedding", rotaryDimOf(c));

function layer(c: Config): Module {
  const hidden = c.positiveInt("hidden_size");
  return module("StableLmDecoderLayer", {
    children: {
      self_attn: attention(c),
      mlp: module("StableLmMLP", {
        children: {
          gate_proj: linear(hidden, c.int("intermediate_size"), false),
          up_proj: linear(hidden, c.int("intermediate_size"), false),
          down_proj: linear(c.int("intermediate_size"), hidden, false),
        },
      }),
      input_layernorm: layerNorm(hidden),
      post_attention_layernorm: !c.bool("use_parallel_residual") && layerNorm(hidden),
    },
  });
}

const style: DecoderStyle = { prefix: "StableLm", modelRotary: true, norm: (_c, dim) => layerNorm(dim) };
const model = (c: Config) => decoderModel(c, style, layer(c));
const NO_SPLIT = ["StableLmDecoderLayer"];

export const stablelm: TransformersArchitecture = {
  modelType: "stablelm",
  source: "transformers/models/stablelm/modeling_stablelm.py",
  config: {
    modelType: "stablelm",
    defaults: {
      vocab_size: 50304,
      intermediate_size: 6912,
      hidden_size: 2560,
      num_hidden_layers: 32,
      num_attention_heads: 32,
      num_key_value_heads: 32,
      hidden_act: "silu",
      max_position_embeddings: 4096,
      initializer_range: 0.02,
      layer_norm_eps: 1e-5,
      use_cache: true,
      tie_word_embeddings: false,
      rope_theta: 10000,
      rope_scaling: null,
      use_qkv_bias: false,
      qk_layernorm: false,
      use_parallel_residual: false,
      hidden_dropout: 0.0,
      attention_dropout: 0.0,
      partial_rotary_factor: 0.25,
      bos_token_id: 0,
      eos_token_id: 0,
    },
    derive: deriveKvHeads,
  },
  models: {
    AutoModel: (c) => built(model(c), NO_SPLIT),
    AutoModelForCausalLM: (c) => causalLm(c, "StableLmForCausalLM", model(c), NO_SPLIT),
  },
};
