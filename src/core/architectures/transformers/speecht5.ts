// transformers/models/speecht5/{configuration,modeling}_speecht5.py (4.47)
import { embedding, layerNorm } from "../../modules/blocks.js";
import { module, repeat, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import type { TransformersArchitecture } from "../types.js";
import { bartAttention } from "./shared/bart-family.js";
import { speechFeedForward } from "./shared/wav2vec2-family.js";
import { built } from "./shared/build.js";

const P = { prefix: "SpeechT5" };

// AutoModel builds SpeechT5Model without pre-nets: the bare encoder and decoder stacks.
function model(c: Config): Module {
  const h = c.positiveInt("hidden_size");
  const encHeads = c.positiveInt("encoder_attention_heads");
  c.divisible("hidden_size", "encoder_attention_heads");
  c.divisible("hidden_size", "decoder_attention_heads");
  const encoderLayer = module("SpeechT5EncoderLayer", {
    children: {
      attention: bartAttention(P, h),
      layer_norm: layerNorm(h),
      feed_forward: speechFeedForward("SpeechT5", h, c.int("encoder_ffn_dim")),
      final_layer_norm: layerNorm(h),
    },
  });
  const decoderLayer = module("SpeechT5DecoderLayer", {
    children: {
      self_attn: bartAttention(P, h),
      self_attn_layer_norm: layerNorm(h),
      encoder_attn: bartAttention(P, h),
      encoder_attn_layer_norm: layerNorm(h),
      feed_forward: speechFeedForward("SpeechT5", h, c.int("decoder_ffn_dim")),
      final_layer_norm: layerNorm(h),
    },
  });
  return module("SpeechT5Model", {
    children: {
      encoder: module("SpeechT5EncoderWithoutPrenet", {
        children: {
          wrapped_encoder: module("SpeechT5Encoder", {
            children: {
              layer_norm: layerNorm(h),
              layers: repeat(encoderLayer, c.int("encoder_layers")),
              // Relative key positions per head dimension, over [-max, max).
              embed_positions: module("SpeechT5RelativePositionalEncoding", {
                children: { pe_k: embedding(2 * c.int("encoder_max_relative_position"), Math.floor(h / encHeads)) },
              }),
            },
          }),
        },
      }),
      decoder: module("SpeechT5DecoderWithoutPrenet", {
        children: { wrapped_decoder: module("SpeechT5Decoder", { children: { layers: repeat(decoderLayer, c.int("decoder_layers")) } }) },
      }),
    },
  });
}

export const speecht5: TransformersArchitecture = {
  modelType: "speecht5",
  source: "transformers/models/speecht5/modeling_speecht5.py",
  config: {
    modelType: "speecht5",
    defaults: {
      vocab_size: 81,
      hidden_size: 768,
      encoder_layers: 12,
      encoder_attention_heads: 12,
      encoder_ffn_dim: 3072,
      decoder_layers: 6,
      decoder_ffn_dim: 3072,
      decoder_attention_heads: 12,
      hidden_act: "gelu",
      layer_norm_eps: 1e-5,
      scale_embedding: false,
      feat_extract_norm: "group",
      feat_extract_activation: "gelu",
      conv_dim: [512, 512, 512, 512, 512, 512, 512],
      conv_stride: [5, 2, 2, 2, 2, 2, 2],
      conv_kernel: [10, 3, 3, 3, 3, 2, 2],
      conv_bias: false,
      num_conv_pos_embeddings: 128,
      num_conv_pos_embedding_groups: 16,
      pad_token_id: 1,
      bos_token_id: 0,
      eos_token_id: 2,
      decoder_start_token_id: 2,
      num_mel_bins: 80,
      speech_decoder_prenet_layers: 2,
      speech_decoder_prenet_units: 256,
      speaker_embedding_dim: 512,
      speech_decoder_postnet_layers: 5,
      speech_decoder_postnet_units: 256,
      speech_decoder_postnet_kernel: 5,
      reduction_factor: 2,
      max_speech_positions: 4000,
      max_text_positions: 450,
      encoder_max_relative_position: 160,
      is_encoder_decoder: true,
    },
    attributeMap: { num_attention_heads: "encoder_attention_heads", num_hidden_layers: "encoder_layers" },
    derive: (c) => c.set("num_feat_extract_layers", c.intList("conv_dim").length),
  },
  models: { AutoModel: (c) => built(model(c), null) },
};
