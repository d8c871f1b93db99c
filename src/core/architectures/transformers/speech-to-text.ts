// transformers/models/speech_to_text/{configuration,modeling}_speech_to_text.py (4.47)
import { conv1d, embedding, layerNorm, linear } from "../../modules/blocks.js";
import { list, module, repeat, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import { InvalidConfigError } from "../../errors.js";
import type { TransformersArchitecture } from "../types.js";
import { bartDecoderLayer, bartEncoderLayer, type BartStyle } from "./shared/bart-family.js";
import { built } from "./shared/build.js";

const STYLE: BartStyle = { prefix: "Speech2Text", tokenCls: "Embedding", tokens: "module", positions: "learned", embeddingNorm: false, finalNorm: true };

/** Sinusoidal positions kept as a frozen `weights` Parameter, with the fairseq offset of 2 rows. */
function positions(c: Config, key: string): Module {
  return module("Speech2TextSinusoidalPositionalEmbedding", { params: { weights: [c.int(key) + 2, c.positiveInt("d_model")] } });
}

/** `Conv1dSubsampler`: strided convolutions, halving channels through a GLU between them. */
function subsampler(c: Config): Module {
  const kernels = c.intList("conv_kernel_sizes");
  const layers = c.int("num_conv_layers");
  if (kernels.length !== layers) {
    throw new InvalidConfigError(`${c.label}: \`conv_kernel_sizes\` must have \`num_conv_layers\` (${layers}) entries`, "conv_kernel_sizes");
  }
  const mid = c.int("conv_channels");
  const inChannels = c.int("input_feat_per_channel") * c.int("input_channels");
  const out = c.positiveInt("d_model");
  const convs = kernels.map((k, i) => conv1d(i === 0 ? inChannels : Math.floor(mid / 2), i < layers - 1 ? mid : out * 2, k));
  return module("Conv1dSubsampler", { children: { conv_layers: list("ModuleList", ...convs) } });
}

function model(c: Config): Module {
  const d = c.positiveInt("d_model");
  return module("Speech2TextModel", {
    children: {
      encoder: module("Speech2TextEncoder", {
        children: {
          conv: subsampler(c),
          embed_positions: positions(c, "max_source_positions"),
          layers: repeat(bartEncoderLayer(c, STYLE), c.int("encoder_layers")),
          layer_norm: layerNorm(d),
        },
      }),
      decoder: module("Speech2TextDecoder", {
        children: {
          embed_tokens: embedding(c.int("vocab_size"), d),
          embed_positions: positions(c, "max_target_positions"),
          layers: repeat(bartDecoderLayer(c, STYLE), c.int("decoder_layers")),
          layer_norm: layerNorm(d),
        },
      }),
    },
  });
}

export const speechToText: TransformersArchitecture = {
  modelType: "speech_to_text",
  source: "transformers/models/speech_to_text/modeling_speech_to_text.py",
  config: {
    modelType: "speech_to_text",
    defaults: {
      vocab_size: 10000,
      encoder_layers: 12,
      encoder_ffn_dim: 2048,
      encoder_attention_heads: 4,
      decoder_layers: 6,
      decoder_ffn_dim: 2048,
      decoder_attention_heads: 4,
      is_encoder_decoder: true,
      activation_function: "relu",
      d_model: 256,
      decoder_start_token_id: 2,
      scale_embedding: true,
      pad_token_id: 1,
      bos_token_id: 0,
      eos_token_id: 2,
      max_source_positions: 6000,
      max_target_positions: 1024,
      num_conv_layers: 2,
      conv_kernel_sizes: [5, 5],
      conv_channels: 1024,
      input_feat_per_channel: 80,
      input_channels: 1,
    },
    attributeMap: { num_attention_heads: "encoder_attention_heads", hidden_size: "d_model" },
  },
  models: {
    AutoModel: (c) => built(model(c), null),
    AutoModelForSpeechSeq2Seq: (c) =>
      built(
        module("Speech2TextForConditionalGeneration", {
          children: { model: model(c), lm_head: linear(c.positiveInt("d_model"), c.int("vocab_size"), false) },
        }),
        null,
      ),
  },
};
