// transformers/models/audio_spectrogram_transformer/{configuration,modeling}_audio_spectrogram_transformer.py (4.47)
import { conv2d, layerNorm } from "../../modules/blocks.js";
import { module, repeat, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import { InvalidConfigError } from "../../errors.js";
import type { TransformersArchitecture } from "../types.js";
import { vitLayer } from "./vit.js";
import { built } from "./shared/build.js";

/** Patches tile the spectrogram with strides: `(bins - p) // f_stride + 1` by `(frames - p) // t_stride + 1`. */
function numPatches(c: Config): number {
  const p = c.positiveInt("patch_size");
  const out = (size: number, stride: string) => {
    const n = c.int(size === 0 ? "num_mel_bins" : "max_length") - p;
    if (n < 0) throw new InvalidConfigError(`${c.label}: \`patch_size\` is larger than the spectrogram`, "patch_size");
    return Math.floor(n / c.positiveInt(stride)) + 1;
  };
  return out(0, "frequency_stride") * out(1, "time_stride");
}

/** `ASTEmbeddings`: cls and distillation tokens, positions for both plus the patches, a 1-channel conv. */
function embeddings(c: Config): Module {
  const h = c.positiveInt("hidden_size");
  return module("ASTEmbeddings", {
    params: { cls_token: [1, 1, h], distillation_token: [1, 1, h], position_embeddings: [1, numPatches(c) + 2, h] },
    children: { patch_embeddings: module("ASTPatchEmbeddings", { children: { projection: conv2d(1, h, c.positiveInt("patch_size")) } }) },
  });
}

export const audioSpectrogramTransformer: TransformersArchitecture = {
  modelType: "audio-spectrogram-transformer",
  source: "transformers/models/audio_spectrogram_transformer/modeling_audio_spectrogram_transformer.py",
  config: {
    modelType: "audio-spectrogram-transformer",
    defaults: {
      hidden_size: 768,
      num_hidden_layers: 12,
      num_attention_heads: 12,
      intermediate_size: 3072,
      hidden_act: "gelu",
      layer_norm_eps: 1e-12,
      patch_size: 16,
      qkv_bias: true,
      frequency_stride: 10,
      time_stride: 10,
      max_length: 1024,
      num_mel_bins: 128,
    },
  },
  models: {
    AutoModel: (c) =>
      built(
        module("ASTModel", {
          children: {
            embeddings: embeddings(c),
            encoder: module("ASTEncoder", { children: { layer: repeat(vitLayer(c, "AST"), c.int("num_hidden_layers")) } }),
            layernorm: layerNorm(c.positiveInt("hidden_size")),
          },
        }),
        null,
      ),
  },
};
