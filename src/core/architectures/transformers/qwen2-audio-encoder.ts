// transformers/models/qwen2_audio/{configuration,modeling}_qwen2_audio.py (4.47): the Whisper-style audio encoder.
import { conv1d, embedding, layerNorm } from "../../modules/blocks.js";
import { module, repeat, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import type { TransformersArchitecture } from "../types.js";
import { bartEncoderLayer, type BartStyle } from "./shared/bart-family.js";
import { built } from "./shared/build.js";

const STYLE: BartStyle = { prefix: "Qwen2Audio", tokenCls: "Embedding", tokens: "module", positions: "learned", embeddingNorm: false, finalNorm: true, keyBias: false };

/** `Qwen2AudioEncoder`: Whisper's encoder (two convs, frozen positions, pre-norm layers); the pooler has no tensors. */
export function qwen2AudioEncoder(c: Config): Module {
  const d = c.positiveInt("d_model");
  return module("Qwen2AudioEncoder", {
    children: {
      conv1: conv1d(c.int("num_mel_bins"), d, 3),
      conv2: conv1d(d, d, 3),
      embed_positions: embedding(c.int("max_source_positions"), d),
      layers: repeat(bartEncoderLayer(c, STYLE), c.int("encoder_layers")),
      layer_norm: layerNorm(d),
    },
  });
}

export const QWEN2_AUDIO_ENCODER_DEFAULTS = {
  num_mel_bins: 128,
  encoder_layers: 32,
  encoder_attention_heads: 20,
  encoder_ffn_dim: 5120,
  d_model: 1280,
  activation_function: "gelu",
  scale_embedding: false,
  max_source_positions: 1500,
};

export const qwen2AudioEncoderArch: TransformersArchitecture = {
  modelType: "qwen2_audio_encoder",
  source: "transformers/models/qwen2_audio/modeling_qwen2_audio.py",
  config: { modelType: "qwen2_audio_encoder", defaults: QWEN2_AUDIO_ENCODER_DEFAULTS },
  models: { AutoModel: (c) => built(qwen2AudioEncoder(c), ["Qwen2AudioEncoderLayer"]) },
};
