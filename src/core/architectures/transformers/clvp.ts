// transformers/models/clvp/{configuration,modeling}_clvp.py (4.47)
import { conv1d, conv1DTransposed, embedding, groupNorm, layerNorm, linear, rmsNorm } from "../../modules/blocks.js";
import { buffer, module, repeat, type Module } from "../../modules/module.js";
import type { Config, ConfigSpec } from "../../config/config.js";
import { InvalidConfigError } from "../../errors.js";
import type { TransformersArchitecture } from "../types.js";
import { built, subConfig } from "./shared/build.js";

const ENCODER: ConfigSpec = {
  modelType: "clvp_encoder",
  defaults: {
    vocab_size: 256, hidden_size: 768, intermediate_size: 1536, projection_dim: 768, num_hidden_layers: 20, num_attention_heads: 12,
    hidden_act: "gelu", layer_norm_eps: 1e-5, attention_dropout: 0.1, dropout: 0.1, use_rotary_embedding: true,
    use_attention_bias: false, summary_type: "mean", initializer_factor: 1.0, bos_token_id: 255, eos_token_id: 0,
  },
};

const DECODER: ConfigSpec = {
  modelType: "clvp_decoder",
  defaults: {
    vocab_size: 8194, max_position_embeddings: 608, max_text_tokens: 404, hidden_size: 1024, num_hidden_layers: 30,
    num_attention_heads: 16, n_inner: null, num_mel_attn_blocks: 6, activation_function: "gelu_new", resid_pdrop: 0.1,
    embd_pdrop: 0.1, attention_dropout: 0.1, layer_norm_epsilon: 1e-5, initializer_range: 0.02, summary_type: "cls_index",
    summary_use_proj: true, summary_activation: null, summary_proj_to_labels: true, summary_first_dropout: 0.1, use_cache: true,
    bos_token_id: 8192, eos_token_id: 8193, feature_size: 80, use_attention_bias: true, initializer_factor: 1.0,
    decoder_fixing_codes: [83, 45, 45, 248],
  },
};

/**
 * `ClvpSelfAttention`: a causal-mask buffer only when the config has `max_position_embeddings` (the decoder's;
 * the encoder config has none), then k/v/q (bias per `use_attention_bias`) and a biased out_proj.
 */
function selfAttention(c: Config, withMask: boolean): Module {
  const h = c.positiveInt("hidden_size");
  c.divisible("hidden_size", "num_attention_heads");
  const bias = c.bool("use_attention_bias");
  const n = withMask ? c.int("max_position_embeddings") : 0;
  return module("ClvpSelfAttention", {
    buffers: { bias: withMask && buffer([1, 1, n, n], "bool", false) },
    children: { k_proj: linear(h, h, bias), v_proj: linear(h, h, bias), q_proj: linear(h, h, bias), out_proj: linear(h, h) },
  });
}

function encoder(c: Config): Module {
  const h = c.positiveInt("hidden_size");
  const inter = c.int("intermediate_size");
  // Rotary width as the module computes it: projection_dim / (2 × heads), at least 32; `inv_freq` is persistent.
  const rot = Math.max(Math.floor(c.int("projection_dim") / (c.positiveInt("num_attention_heads") * 2)), 32);
  const layer = module("ClvpEncoderLayer", {
    children: {
      self_attn: selfAttention(c, false),
      mlp: module("ClvpEncoderMLP", {
        children: { fc1: module("ClvpGatedLinearUnit", { children: { proj: linear(h, inter * 2) } }), fc2: linear(inter, h) },
      }),
      input_rmsnorm: rmsNorm("ClvpRMSNorm", h),
      post_attention_rmsnorm: rmsNorm("ClvpRMSNorm", h),
    },
  });
  return module("ClvpEncoder", {
    children: {
      token_embedding: embedding(c.int("vocab_size"), h),
      rotary_pos_emb: c.bool("use_rotary_embedding") && module("ClvpRotaryPositionalEmbedding", { buffers: { inv_freq: buffer([Math.ceil(rot / 2)]) } }),
      layers: repeat(layer, c.int("num_hidden_layers")),
      // `sequence_summary` is parameter-free: the encoder config has no `summary_use_proj`.
      final_layer_norm: layerNorm(h),
      projection: linear(h, c.int("projection_dim"), false),
    },
  });
}

/** GroupNorm groups as tortoise picks them: 32 (8 up to 16 channels, 16 up to 64), halved until they divide. */
function groupnormGroups(channels: number): number {
  let groups = channels <= 16 ? 8 : channels <= 64 ? 16 : 32;
  while (channels % groups !== 0) groups = Math.trunc(groups / 2);
  if (groups <= 2) throw new InvalidConfigError(`clvp: decoder \`hidden_size\` ${channels} gives ${groups} GroupNorm groups (must be > 2)`, "hidden_size");
  return groups;
}

function conditioningEncoder(text: Config, dec: Config): Module {
  const h = dec.positiveInt("hidden_size");
  groupnormGroups(h);
  const blocks = dec.int("num_mel_attn_blocks");
  return module("ClvpConditioningEncoder", {
    children: {
      text_token_embedding: embedding(text.int("vocab_size"), h),
      text_position_embedding: embedding(dec.int("max_text_tokens"), h),
      mel_conv: conv1d(dec.int("feature_size"), h, 1),
      group_norms: repeat(groupNorm(h), blocks),
      mel_attn_blocks: repeat(selfAttention(dec, true), blocks),
    },
  });
}

/** GPT-2-like decoder under `ClvpForCausalLM` (its lm_head has a bias and is never tied). */
function speechDecoder(c: Config): Module {
  const h = c.positiveInt("hidden_size");
  const inner = c.optionalInt("n_inner") ?? 4 * h;
  const layer = module("ClvpDecoderLayer", {
    children: {
      input_layernorm: layerNorm(h),
      attn: selfAttention(c, true),
      post_attention_layernorm: layerNorm(h),
      mlp: module("ClvpDecoderMLP", { children: { c_fc: conv1DTransposed(inner, h), c_proj: conv1DTransposed(h, inner) } }),
    },
  });
  const decoder = module("ClvpDecoder", {
    children: {
      input_embeds_layer: embedding(c.int("vocab_size"), h),
      position_embeds_layer: embedding(c.int("max_position_embeddings"), h),
      layers: repeat(layer, c.int("num_hidden_layers")),
      layer_norm: layerNorm(h),
    },
  });
  return module("ClvpForCausalLM", {
    children: {
      model: module("ClvpModel", { children: { decoder } }),
      final_norm: layerNorm(h),
      lm_head: linear(h, c.int("vocab_size")),
    },
  });
}

export const clvp: TransformersArchitecture = {
  modelType: "clvp",
  source: "transformers/models/clvp/modeling_clvp.py",
  config: {
    modelType: "clvp",
    defaults: { text_config: null, speech_config: null, decoder_config: null, projection_dim: 768, logit_scale_init_value: 2.6592, initializer_factor: 1.0 },
  },
  models: {
    AutoModel: (c) => {
      const text = subConfig(c, "text_config", ENCODER);
      const speech = subConfig(c, "speech_config", ENCODER);
      const dec = subConfig(c, "decoder_config", DECODER);
      const model = module("ClvpModelForConditionalGeneration", {
        params: { logit_scale: [] },
        children: {
          conditioning_encoder: conditioningEncoder(text, dec),
          speech_decoder_model: speechDecoder(dec),
          text_encoder_model: encoder(text),
          speech_encoder_model: encoder(speech),
        },
      });
      return built(model, null);
    },
  },
};
