// transformers/models/idefics/{configuration_idefics,modeling_idefics,vision,perceiver}.py (4.47)
import { embedding, layerNorm, linear, rmsNorm } from "../../modules/blocks.js";
import { buffer, list, module, repeat, type Module } from "../../modules/module.js";
import type { Config, ConfigSpec } from "../../config/config.js";
import { InvalidConfigError } from "../../errors.js";
import type { TransformersArchitecture } from "../types.js";
import { built, subConfig } from "./shared/build.js";
import { clipVisionTransformer } from "./shared/clip-encoder.js";

const VISION: ConfigSpec = {
  modelType: "idefics_vision",
  defaults: {
    embed_dim: 768, image_size: 224, intermediate_size: 5120, patch_size: 14, num_hidden_layers: 32, num_attention_heads: 16,
    num_channels: 3, hidden_act: "gelu", layer_norm_eps: 1e-5, attention_dropout: 0.0, initializer_range: 0.02, initializer_factor: 1.0,
  },
  attributeMap: { hidden_size: "embed_dim" },
};

const PERCEIVER: ConfigSpec = {
  modelType: "idefics_perceiver",
  defaults: {
    use_resampler: false, resampler_n_latents: 64, resampler_depth: 6, resampler_n_heads: 16, resampler_head_dim: 96,
    qk_layer_norms_perceiver: false,
  },
};

const NO_SPLIT = ["IdeficsDecoderLayer", "IdeficsGatedCrossAttentionLayer"];
/** `IdeficsEmbedding(head_dim)` is built with its default `max_position_embeddings=2048`, whatever the config says. */
const ROTARY_CACHE = 2048;

/** Llama-style rotary that still caches cos/sin tables (float32, non-persistent) next to `inv_freq`. */
function rotary(headDim: number): Module {
  return module("IdeficsEmbedding", {
    buffers: {
      inv_freq: buffer([Math.ceil(headDim / 2)], "float32", false),
      cos_cached: buffer([ROTARY_CACHE, headDim], "float32", false),
      sin_cached: buffer([ROTARY_CACHE, headDim], "float32", false),
    },
  });
}

/** `IdeficsAttention`: bias-free q/k/v/o; cross-attention reads keys and values from the vision width. */
function attention(c: Config, kvDim: number, qkNorms: boolean): Module {
  const h = c.positiveInt("hidden_size");
  const hd = c.divisible("hidden_size", "num_attention_heads");
  return module("IdeficsAttention", {
    children: {
      q_proj: linear(h, h, false),
      k_proj: linear(kvDim, h, false),
      v_proj: linear(kvDim, h, false),
      o_proj: linear(h, h, false),
      // Registered even on cross-attention, which never applies it.
      rotary_emb: rotary(hd),
      q_layer_norm: qkNorms && rmsNorm("IdeficsRMSNorm", hd),
      k_layer_norm: qkNorms && rmsNorm("IdeficsRMSNorm", hd),
    },
  });
}

function mlp(c: Config): Module {
  const h = c.positiveInt("hidden_size");
  const i = c.int("intermediate_size");
  return module("IdeficsMLP", { children: { gate_proj: linear(h, i, false), down_proj: linear(i, h, false), up_proj: linear(h, i, false) } });
}

function decoderLayer(c: Config): Module {
  const h = c.positiveInt("hidden_size");
  return module("IdeficsDecoderLayer", {
    children: {
      self_attn: attention(c, h, false),
      mlp: mlp(c),
      input_layernorm: rmsNorm("IdeficsRMSNorm", h),
      post_attention_layernorm: rmsNorm("IdeficsRMSNorm", h),
    },
  });
}

/** The two tanh gates are scalars (`alpha_type: "float"`) or `[1, 1, hidden]` vectors. */
function gatedCrossAttentionLayer(c: Config, visionDim: number): Module {
  const h = c.positiveInt("hidden_size");
  const init = c.string("alpha_initializer");
  if (!["zeros", "ones", "normal", "gaussian", "random"].includes(init)) {
    throw new InvalidConfigError(`${c.label}: alpha initialization scheme \`${init}\` is not implemented`, "alpha_initializer");
  }
  const type = c.string("alpha_type");
  if (type !== "vector" && type !== "float") throw new InvalidConfigError(`${c.label}: unknown \`alpha_type\` ${type}`, "alpha_type");
  const alpha = type === "vector" ? [1, 1, h] : [1];
  return module("IdeficsGatedCrossAttentionLayer", {
    params: { alpha_cross_attn: alpha, alpha_dense: alpha },
    children: {
      cross_attn: attention(c, visionDim, c.bool("qk_layer_norms")),
      mlp: mlp(c),
      input_layernorm: rmsNorm("IdeficsRMSNorm", h),
      post_attention_layernorm: rmsNorm("IdeficsRMSNorm", h),
    },
  });
}

/** Flamingo's resampler over the vision features; its MLP works at the vision width (`vision_config.embed_dim`). */
function perceiverResampler(p: Config, embedDim: number): Module {
  const heads = p.positiveInt("resampler_n_heads");
  const hd = p.positiveInt("resampler_head_dim");
  const qk = p.bool("qk_layer_norms_perceiver");
  const inner = heads * hd;
  const attn = module("IdeficsPerceiverAttention", {
    children: {
      context_layer_norm: layerNorm(embedDim),
      latents_layer_norm: layerNorm(embedDim),
      q_layer_norm: qk && layerNorm(hd),
      k_layer_norm: qk && layerNorm(hd),
      q_proj: linear(embedDim, inner, false),
      k_proj: linear(embedDim, inner, false),
      v_proj: linear(embedDim, inner, false),
      output_proj: linear(inner, embedDim, false),
    },
  });
  const intermediate = 4 * embedDim;
  const ff = module("IdeficsMLP", {
    children: { ln: layerNorm(embedDim), fc: linear(embedDim, intermediate, false), c_proj: linear(intermediate, embedDim, false) },
  });
  return module("IdeficsPerceiverResampler", {
    params: { latents: [p.int("resampler_n_latents"), embedDim] },
    children: { blocks: repeat(list("ModuleList", attn, ff), p.int("resampler_depth")), layer_norm: layerNorm(embedDim) },
  });
}

/** `IdeficsDecoupledEmbedding`: the regular table as its own `weight`, plus a small trainable one for extra tokens. */
function decoupledEmbedding(c: Config): Module {
  const vocab = c.int("vocab_size");
  const extra = c.int("additional_vocab_size");
  const h = c.positiveInt("hidden_size");
  const pad = c.get("pad_token_id");
  if (typeof pad === "number" && pad > vocab) throw new InvalidConfigError(`${c.label}: \`pad_token_id\` ${pad} is beyond \`vocab_size\``, "pad_token_id");
  return module("IdeficsDecoupledEmbedding", {
    params: { weight: [vocab, h] },
    children: { additional_embedding: extra > 0 && embedding(extra, h) },
  });
}

function ideficsModel(c: Config): Module {
  const vision = subConfig(c, "vision_config", VISION);
  const perceiver = subConfig(c, "perceiver_config", PERCEIVER);
  const visionDim = vision.positiveInt("hidden_size");
  vision.divisible("hidden_size", "num_attention_heads");
  const layers = c.int("num_hidden_layers");
  return module("IdeficsModel", {
    children: {
      embed_tokens: decoupledEmbedding(c),
      vision_model: clipVisionTransformer(vision, "Idefics", {
        layer: { encoderCls: "IdeficsVisionEncoder", layerCls: "IdeficsVisionEncoderLayer", attentionCls: "IdeficsVisionAttention", mlpCls: "IdeficsVisionMLP" },
      }),
      perceiver_resampler: c.bool("use_resampler") && perceiverResampler(perceiver, visionDim),
      layers: repeat(decoderLayer(c), layers),
      gated_cross_attn_layers: repeat(gatedCrossAttentionLayer(c, visionDim), Math.floor(layers / c.positiveInt("cross_layer_interval"))),
      norm: rmsNorm("IdeficsRMSNorm", c.positiveInt("hidden_size")),
    },
  });
}

export const idefics: TransformersArchitecture = {
  modelType: "idefics",
  source: "transformers/models/idefics/modeling_idefics.py",
  config: {
    modelType: "idefics",
    defaults: {
      vocab_size: 32000, additional_vocab_size: 0, hidden_size: 4096, intermediate_size: 11008, num_hidden_layers: 32,
      num_attention_heads: 32, dropout: 0.0, hidden_act: "silu", initializer_range: 0.02, alpha_initializer: "zeros",
      alphas_initializer_range: 0.0, alpha_type: "float", rms_norm_eps: 1e-6, use_cache: true, pad_token_id: 0, bos_token_id: 1,
      eos_token_id: 2, tie_word_embeddings: false, cross_layer_interval: 1, qk_layer_norms: false, freeze_text_layers: true,
      freeze_text_module_exceptions: [], freeze_lm_head: false, freeze_vision_layers: true, freeze_vision_module_exceptions: [],
      use_resampler: false, vision_config: null, perceiver_config: null,
    },
  },
  models: {
    AutoModel: (c) => built(ideficsModel(c), NO_SPLIT),
    // `lm_head` is an `IdeficsDecoupledLinear` (bias-free); a tie to the embeddings is an assignment, so it counts in full.
    AutoModelForVision2Seq: (c) => {
      const h = c.positiveInt("hidden_size");
      const extra = c.int("additional_vocab_size");
      const head = module("IdeficsDecoupledLinear", {
        params: { weight: [c.int("vocab_size"), h] },
        children: { additional_fc: extra > 0 && linear(h, extra, false) },
      });
      return built(module("IdeficsForVisionText2Text", { children: { model: ideficsModel(c), lm_head: head } }), NO_SPLIT);
    },
  },
};
