// transformers/models/moshi/{configuration,modeling}_moshi.py (4.47)
import { embedding, linear, rmsNorm, rotaryEmbedding } from "../../modules/blocks.js";
import { module, repeat, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import { InvalidConfigError } from "../../errors.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";

/** `MoshiLinear` wraps a bias-free Linear (the flexible per-codebook variant is only used by the depth decoder). */
const moshiLinear = (i: number, o: number): Module => module("MoshiLinear", { children: { linear: linear(i, o, false) } });

/** The temporal transformer layer of `MoshiModel`: RoPE attention and a gated MLP whose fc1 holds both halves. */
function decoderLayer(c: Config): Module {
  const h = c.positiveInt("hidden_size");
  const heads = c.positiveInt("num_attention_heads");
  const kv = c.positiveInt("num_key_value_heads");
  const dim = c.positiveInt("head_dim");
  c.divisible("hidden_size", "num_attention_heads");
  const ffn = c.positiveInt("ffn_dim");
  return module("MoshiDecoderLayer", {
    children: {
      self_attn: module("MoshiAttention", {
        children: {
          q_proj: moshiLinear(h, heads * dim),
          k_proj: moshiLinear(h, kv * dim),
          v_proj: moshiLinear(h, kv * dim),
          o_proj: moshiLinear(heads * dim, h),
          rotary_emb: rotaryEmbedding("MoshiRotaryEmbedding", dim),
        },
      }),
      mlp: module("MoshiGatingMLP", { children: { fc1: linear(h, ffn, false), fc2: linear(Math.floor(ffn / 2), h, false) } }),
      input_layernorm: rmsNorm("MoshiRMSNorm", h),
      post_attention_layernorm: rmsNorm("MoshiRMSNorm", h),
    },
  });
}

export const moshi: TransformersArchitecture = {
  modelType: "moshi",
  source: "transformers/models/moshi/modeling_moshi.py",
  config: {
    modelType: "moshi",
    defaults: {
      vocab_size: 32000, hidden_size: 4096, num_hidden_layers: 32, num_attention_heads: 32, num_key_value_heads: null,
      audio_vocab_size: null, max_position_embeddings: 3000, rope_theta: 10000.0, hidden_act: "silu", head_dim: null,
      initializer_range: 0.02, use_cache: true, sliding_window: 3000, attention_dropout: 0.0, ffn_dim: 22528, rms_norm_eps: 1e-8,
      num_codebooks: 8, tie_word_embeddings: false,
    },
    derive: (c) => {
      c.setDefault("num_key_value_heads", c.get("num_attention_heads"));
      if (!c.get("head_dim")) c.set("head_dim", Math.floor(c.positiveInt("hidden_size") / c.positiveInt("num_attention_heads")));
      if (c.int("ffn_dim") % 2 === 1) throw new InvalidConfigError(`${c.label}: \`ffn_dim\` must be even`, "ffn_dim");
    },
  },
  models: {
    AutoModel: (c) => {
      const h = c.positiveInt("hidden_size");
      const model = module("MoshiModel", {
        children: {
          // One extra row: the text vocabulary plus its padding/initial token.
          embed_tokens: embedding(c.int("vocab_size") + 1, h),
          layers: repeat(decoderLayer(c), c.int("num_hidden_layers")),
          norm: rmsNorm("MoshiRMSNorm", h),
        },
      });
      return built(model, ["MoshiDecoderLayer", "MimiTransformerLayer"]);
    },
  },
};
