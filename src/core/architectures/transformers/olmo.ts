// transformers/models/olmo{,2,e}/{configuration,modeling}_olmo{,2,e}.py (4.47): OLMo's LayerNorm has no
// weights; OLMo2 norms q/k and moves the norms after attention and MLP; OLMoE adds q/k norms and 64 experts.
import type { Config } from "../../config/config.js";
import { rmsNorm } from "../../modules/blocks.js";
import { module, type Module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { built, headDim } from "./shared/build.js";
import { causalLm, decoderAttention, decoderLayer, decoderModel, decoderModels, deriveKvHeads, gatedMlp, type DecoderStyle } from "./shared/decoder.js";
import { sparseMoe, withChild } from "./shared/decoder-variants.js";

const OLMO_DEFAULTS = {
  vocab_size: 50304,
  hidden_size: 4096,
  intermediate_size: 11008,
  num_hidden_layers: 32,
  num_attention_heads: 32,
  num_key_value_heads: null,
  hidden_act: "silu",
  max_position_embeddings: 2048,
  initializer_range: 0.02,
  use_cache: true,
  pad_token_id: 1,
  bos_token_id: null,
  eos_token_id: 50279,
  tie_word_embeddings: false,
  rope_theta: 10000.0,
  rope_scaling: null,
  attention_bias: false,
  attention_dropout: 0.0,
} as const;

const bias = (c: Config) => c.bool("attention_bias");

export const olmo: TransformersArchitecture = {
  modelType: "olmo",
  source: "transformers/models/olmo/modeling_olmo.py",
  config: { modelType: "olmo", defaults: { ...OLMO_DEFAULTS, clip_qkv: null }, derive: deriveKvHeads },
  // OlmoLayerNorm is a parameter-free layer norm.
  models: decoderModels({ prefix: "Olmo", qkvBias: bias, outBias: bias, attentionRotary: true, norm: () => module("OlmoLayerNorm") }),
};

/** q_norm over all query heads, k_norm over the key/value heads. */
function withQkNorm(c: Config, attention: Module, cls: string): Module {
  const dim = headDim(c);
  const withQ = withChild(attention, "q_norm", rmsNorm(cls, c.positiveInt("num_attention_heads") * dim));
  return withChild(withQ, "k_norm", rmsNorm(cls, c.positiveInt("num_key_value_heads") * dim));
}

const olmo2Style: DecoderStyle = { prefix: "Olmo2", qkvBias: bias, outBias: bias, attentionRotary: true };

function olmo2Layer(c: Config): Module {
  const hidden = c.positiveInt("hidden_size");
  const ffn = c.int("intermediate_size");
  return module("Olmo2DecoderLayer", {
    children: {
      self_attn: withQkNorm(c, decoderAttention(c, olmo2Style), "Olmo2RMSNorm"),
      mlp: gatedMlp("Olmo2MLP", hidden, ffn),
      post_attention_layernorm: rmsNorm("Olmo2RMSNorm", hidden),
      post_feedforward_layernorm: rmsNorm("Olmo2RMSNorm", hidden),
    },
  });
}

const olmo2Model = (c: Config) => decoderModel(c, olmo2Style, olmo2Layer(c));

export const olmo2: TransformersArchitecture = {
  modelType: "olmo2",
  source: "transformers/models/olmo2/modeling_olmo2.py",
  config: { modelType: "olmo2", defaults: { ...OLMO_DEFAULTS, rms_norm_eps: 1e-5 }, derive: deriveKvHeads },
  models: {
    AutoModel: (c) => built(olmo2Model(c), ["Olmo2DecoderLayer"]),
    AutoModelForCausalLM: (c) => causalLm(c, "Olmo2ForCausalLM", olmo2Model(c), ["Olmo2DecoderLayer"]),
  },
};

const olmoeStyle: DecoderStyle = {
  prefix: "Olmoe",
  qkvBias: bias,
  outBias: bias,
  modelRotary: true,
  mlp: (c) => {
    const hidden = c.positiveInt("hidden_size");
    const experts = c.positiveInt("num_experts");
    return sparseMoe("OlmoeSparseMoeBlock", hidden, experts, gatedMlp("OlmoeMLP", hidden, c.int("intermediate_size")));
  },
};

function olmoeModel(c: Config): Module {
  const layer = decoderLayer(c, olmoeStyle);
  const attention = withQkNorm(c, layer.children.find(([n]) => n === "self_attn")![1], "OlmoeRMSNorm");
  return decoderModel(c, olmoeStyle, withChild(layer, "self_attn", attention));
}

export const olmoe: TransformersArchitecture = {
  modelType: "olmoe",
  source: "transformers/models/olmoe/modeling_olmoe.py",
  config: {
    modelType: "olmoe",
    defaults: {
      ...OLMO_DEFAULTS,
      hidden_size: 2048,
      intermediate_size: 2048,
      num_hidden_layers: 16,
      num_attention_heads: 16,
      max_position_embeddings: 4096,
      rms_norm_eps: 1e-5,
      clip_qkv: null,
      num_experts_per_tok: 8,
      num_experts: 64,
      output_router_logits: false,
      router_aux_loss_coef: 0.01,
      norm_topk_prob: false,
    },
    derive: deriveKvHeads,
  },
  models: {
    AutoModel: (c) => built(olmoeModel(c), ["OlmoeDecoderLayer"]),
    AutoModelForCausalLM: (c) => causalLm(c, "OlmoeForCausalLM", olmoeModel(c), ["OlmoeDecoderLayer"]),
  },
};
