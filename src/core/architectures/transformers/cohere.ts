// transformers/models/cohere/{configuration,modeling}_cohere.py (4.47): bias-free LayerNorms, one norm per
// layer (parallel attention + MLP), optional per-head q/k norms, rotary per attention and at the top.
import type { Config } from "../../config/config.js";
import { module, type Module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { built, headDim } from "./shared/build.js";
import { causalLm, decoderAttention, decoderModel, deriveKvHeads, gatedMlp, type DecoderStyle } from "./shared/decoder.js";
import { withChild } from "./shared/decoder-variants.js";

// CohereLayerNorm holds only a weight (its shape may be [heads, head_dim] for the q/k norms).
const norm = (shape: readonly number[]) => module("CohereLayerNorm", { params: { weight: shape } });

const style: DecoderStyle = {
  prefix: "Cohere",
  qkvBias: (c) => c.bool("attention_bias"),
  outBias: (c) => c.bool("attention_bias"),
  attentionRotary: true,
  modelRotary: true,
  norm: (_c, dim) => norm([dim]),
};

function attention(c: Config): Module {
  const base = decoderAttention(c, style);
  if (!c.bool("use_qk_norm")) return base;
  const rotary = base.children.find(([n]) => n === "rotary_emb")![1];
  let m = withChild(base, "rotary_emb", null);
  m = withChild(m, "q_norm", norm([c.positiveInt("num_attention_heads"), headDim(c)]));
  m = withChild(m, "k_norm", norm([c.positiveInt("num_key_value_heads"), headDim(c)]));
  return withChild(m, "rotary_emb", rotary);
}

function layer(c: Config): Module {
  const hidden = c.positiveInt("hidden_size");
  return module("CohereDecoderLayer", {
    children: {
      self_attn: attention(c),
      mlp: gatedMlp("CohereMLP", hidden, c.int("intermediate_size")),
      input_layernorm: norm([hidden]),
    },
  });
}

const model = (c: Config) => decoderModel(c, style, layer(c));
const NO_SPLIT = ["CohereDecoderLayer"];

export const cohere: TransformersArchitecture = {
  modelType: "cohere",
  source: "transformers/models/cohere/modeling_cohere.py",
  config: {
    modelType: "cohere",
    defaults: {
      vocab_size: 256000,
      hidden_size: 8192,
      intermediate_size: 22528,
      logit_scale: 0.0625,
      num_hidden_layers: 40,
      num_attention_heads: 64,
      num_key_value_heads: null,
      hidden_act: "silu",
      max_position_embeddings: 8192,
      initializer_range: 0.02,
      layer_norm_eps: 1e-5,
      use_cache: true,
      pad_token_id: 0,
      bos_token_id: 5,
      eos_token_id: 255001,
      tie_word_embeddings: true,
      rope_theta: 10000.0,
      rope_scaling: null,
      attention_bias: false,
      attention_dropout: 0.0,
      use_qk_norm: false,
    },
    derive: deriveKvHeads,
  },
  models: {
    AutoModel: (c) => built(model(c), NO_SPLIT),
    AutoModelForCausalLM: (c) => causalLm(c, "CohereForCausalLM", model(c), NO_SPLIT),
  },
};
