// transformers/models/wav2vec2_bert/{configuration,modeling}_wav2vec2_bert.py (4.47)
import { conv1d, embedding, layerNorm, linear } from "../../modules/blocks.js";
import { buffer, module, repeat, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import { InvalidConfigError } from "../../errors.js";
import type { TransformersArchitecture } from "../types.js";
import { featureProjection, hasMaskedSpecEmbed, speechFeedForward } from "./shared/wav2vec2-family.js";
import { built } from "./shared/build.js";

const P = "Wav2Vec2Bert";

/** Self-attention; its position scheme adds `linear_pos` + biases ("relative") or a distance table ("relative_key"). */
function selfAttention(c: Config, adapter: boolean): Module {
  const h = c.positiveInt("hidden_size");
  const heads = c.positiveInt("num_attention_heads");
  const headSize = Math.floor(h / heads);
  const type = adapter ? null : c.optionalString("position_embeddings_type");
  return module(`${P}SelfAttention`, {
    params: { pos_bias_u: type === "relative" && [heads, headSize], pos_bias_v: type === "relative" && [heads, headSize] },
    children: {
      linear_q: linear(h, h),
      linear_k: linear(h, h),
      linear_v: linear(h, h),
      linear_out: linear(h, h),
      linear_pos: type === "relative" && linear(h, h, false),
      distance_embedding:
        type === "relative_key" &&
        embedding(c.int("left_max_position_embeddings") + c.int("right_max_position_embeddings") + 1, headSize),
    },
  });
}

function convolutionModule(c: Config): Module {
  const h = c.positiveInt("hidden_size");
  const k = c.int("conv_depthwise_kernel_size");
  if ((k - 1) % 2 === 1) throw new InvalidConfigError(`${c.label}: \`conv_depthwise_kernel_size\` should be odd`, "conv_depthwise_kernel_size");
  return module(`${P}ConvolutionModule`, {
    children: {
      layer_norm: layerNorm(h),
      pointwise_conv1: conv1d(h, 2 * h, 1, { bias: false }),
      depthwise_conv: conv1d(h, h, k, { groups: h, bias: false }),
      depthwise_layer_norm: layerNorm(h),
      pointwise_conv2: conv1d(h, h, 1, { bias: false }),
    },
  });
}

function encoderLayer(c: Config): Module {
  const h = c.positiveInt("hidden_size");
  const inter = c.int("intermediate_size");
  return module(`${P}EncoderLayer`, {
    children: {
      ffn1_layer_norm: layerNorm(h),
      ffn1: speechFeedForward(P, h, inter),
      self_attn_layer_norm: layerNorm(h),
      self_attn: selfAttention(c, false),
      conv_module: convolutionModule(c),
      ffn2_layer_norm: layerNorm(h),
      ffn2: speechFeedForward(P, h, inter),
      final_layer_norm: layerNorm(h),
    },
  });
}

/** Only the rotary scheme holds a tensor here (a persistent `inv_freq`); "relative" computes its table on the fly. */
function positions(c: Config): Module | false {
  if (c.optionalString("position_embeddings_type") !== "rotary") return false;
  const dim = Math.floor(c.positiveInt("hidden_size") / c.positiveInt("num_attention_heads"));
  return module(`${P}RotaryPositionalEmbedding`, { buffers: { inv_freq: buffer([Math.ceil(dim / 2)]) } });
}

function adapter(c: Config): Module {
  const h = c.positiveInt("hidden_size");
  const out = c.positiveInt("output_hidden_size");
  const k = c.int("adapter_kernel_size");
  const layer = module(`${P}AdapterLayer`, {
    children: {
      residual_layer_norm: layerNorm(out),
      residual_conv: conv1d(out, 2 * out, k),
      self_attn_layer_norm: layerNorm(out),
      self_attn_conv: conv1d(out, 2 * out, k),
      self_attn: selfAttention(c, true),
      ffn_layer_norm: layerNorm(out),
      ffn: speechFeedForward(P, out, c.int("intermediate_size")),
    },
  });
  return module(`${P}Adapter`, {
    children: { proj: out !== h && linear(h, out), proj_layer_norm: out !== h && layerNorm(out), layers: repeat(layer, c.int("num_adapter_layers")) },
  });
}

function model(c: Config): Module {
  const h = c.positiveInt("hidden_size");
  c.divisible("hidden_size", "num_attention_heads");
  return module(`${P}Model`, {
    params: { masked_spec_embed: hasMaskedSpecEmbed(c) && [h] },
    children: {
      feature_projection: featureProjection(P, c.int("feature_projection_input_dim"), h),
      encoder: module(`${P}Encoder`, { children: { embed_positions: positions(c), layers: repeat(encoderLayer(c), c.int("num_hidden_layers")) } }),
      adapter: c.bool("add_adapter") && adapter(c),
      intermediate_ffn: c.bool("use_intermediate_ffn_before_adapter") && speechFeedForward(P, h, c.int("intermediate_size")),
    },
  });
}

export const wav2vec2Bert: TransformersArchitecture = {
  modelType: "wav2vec2-bert",
  source: "transformers/models/wav2vec2_bert/modeling_wav2vec2_bert.py",
  config: {
    modelType: "wav2vec2-bert",
    defaults: {
      vocab_size: null,
      hidden_size: 1024,
      num_hidden_layers: 24,
      num_attention_heads: 16,
      intermediate_size: 4096,
      feature_projection_input_dim: 160,
      hidden_act: "swish",
      layer_norm_eps: 1e-5,
      apply_spec_augment: true,
      mask_time_prob: 0.05,
      mask_feature_prob: 0.0,
      pad_token_id: 0,
      bos_token_id: 1,
      eos_token_id: 2,
      add_adapter: false,
      adapter_kernel_size: 3,
      adapter_stride: 2,
      num_adapter_layers: 1,
      adapter_act: "relu",
      use_intermediate_ffn_before_adapter: false,
      output_hidden_size: null,
      position_embeddings_type: "relative_key",
      rotary_embedding_base: 10000,
      max_source_positions: 5000,
      left_max_position_embeddings: 64,
      right_max_position_embeddings: 8,
      conv_depthwise_kernel_size: 31,
    },
    derive: (c) => c.setDefault("output_hidden_size", c.get("hidden_size")),
  },
  models: { AutoModel: (c) => built(model(c), null) },
};
