// transformers/models/whisper/{configuration,modeling}_whisper.py (4.47)
import { conv1d, embedding, layerNorm, linear } from "../../modules/blocks.js";
import { module, repeat, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import type { TransformersArchitecture } from "../types.js";
import { bartDecoderLayer, bartEncoderLayer, type BartStyle } from "./shared/bart-family.js";
import { built } from "./shared/build.js";

const STYLE: BartStyle = { prefix: "Whisper", tokenCls: "Embedding", tokens: "module", positions: "learned", embeddingNorm: false, finalNorm: true, keyBias: false };
const NO_SPLIT = ["WhisperEncoderLayer", "WhisperDecoderLayer"];

/** Two convolutions over the mel bins, then frozen (but still parameter) positions. */
function whisperEncoder(c: Config): Module {
  const d = c.positiveInt("d_model");
  return module("WhisperEncoder", {
    children: {
      conv1: conv1d(c.int("num_mel_bins"), d, 3),
      conv2: conv1d(d, d, 3),
      embed_positions: embedding(c.int("max_source_positions"), d),
      layers: repeat(bartEncoderLayer(c, STYLE), c.int("encoder_layers")),
      layer_norm: layerNorm(d),
    },
  });
}

function whisperDecoder(c: Config): Module {
  const d = c.positiveInt("d_model");
  return module("WhisperDecoder", {
    children: {
      embed_tokens: embedding(c.int("vocab_size"), d),
      embed_positions: embedding(c.int("max_target_positions"), d, "WhisperPositionalEmbedding"),
      layers: repeat(bartDecoderLayer(c, STYLE), c.int("decoder_layers")),
      layer_norm: layerNorm(d),
    },
  });
}

const whisperModel = (c: Config) => module("WhisperModel", { children: { encoder: whisperEncoder(c), decoder: whisperDecoder(c) } });

export const whisper: TransformersArchitecture = {
  modelType: "whisper",
  source: "transformers/models/whisper/modeling_whisper.py",
  config: {
    modelType: "whisper",
    defaults: {
      vocab_size: 51865,
      num_mel_bins: 80,
      encoder_layers: 4,
      encoder_attention_heads: 6,
      decoder_layers: 4,
      decoder_attention_heads: 6,
      decoder_ffn_dim: 1536,
      encoder_ffn_dim: 1536,
      decoder_start_token_id: 50257,
      is_encoder_decoder: true,
      activation_function: "gelu",
      d_model: 384,
      scale_embedding: false,
      max_source_positions: 1500,
      max_target_positions: 448,
      pad_token_id: 50256,
      bos_token_id: 50256,
      eos_token_id: 50256,
      use_weighted_layer_sum: false,
      classifier_proj_size: 256,
    },
    attributeMap: { num_key_value_heads: "encoder_attention_heads", num_attention_heads: "encoder_attention_heads", hidden_size: "d_model" },
  },
  models: {
    AutoModel: (c) => built(whisperModel(c), NO_SPLIT),
    // `proj_out` is tied to `decoder.embed_tokens` by reassigning its weight, which accelerate's empty init un-ties.
    AutoModelForSpeechSeq2Seq: (c) =>
      built(
        module("WhisperForConditionalGeneration", {
          children: { model: whisperModel(c), proj_out: linear(c.positiveInt("d_model"), c.int("vocab_size"), false) },
        }),
        NO_SPLIT,
      ),
  },
};
