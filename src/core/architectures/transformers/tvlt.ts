// transformers/models/deprecated/tvlt/{configuration,modeling}_tvlt.py (4.47)
import { conv2d, layerNorm } from "../../modules/blocks.js";
import { module, repeat } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";
import { pair, vitLayer } from "./vit.js";

const DEFAULTS = {
  image_size: 224,
  spectrogram_length: 2048,
  frequency_length: 128,
  image_patch_size: [16, 16],
  audio_patch_size: [16, 16],
  num_image_channels: 3,
  num_audio_channels: 1,
  num_frames: 8,
  hidden_size: 768,
  num_hidden_layers: 12,
  num_attention_heads: 12,
  intermediate_size: 3072,
  hidden_act: "gelu",
  layer_norm_eps: 1e-6,
  qkv_bias: true,
  use_mean_pooling: false,
  decoder_num_attention_heads: 16,
  decoder_hidden_size: 512,
  decoder_num_hidden_layers: 8,
  decoder_intermediate_size: 2048,
  pixel_mask_ratio: 0.75,
  audio_mask_ratio: 0.15,
  audio_mask_type: "frame-level",
  task_matching: true,
  task_mae: true,
  loss_type: "classification",
} as const;

export const tvlt: TransformersArchitecture = {
  modelType: "tvlt",
  source: "transformers/models/deprecated/tvlt/modeling_tvlt.py",
  config: { modelType: "tvlt", defaults: DEFAULTS },
  models: {
    AutoModel: (c) => {
      const hidden = c.positiveInt("hidden_size");
      const [iph, ipw] = pair(c, "image_patch_size");
      const [aph, apw] = pair(c, "audio_patch_size");
      const image = c.int("image_size");
      if (iph === 0 || ipw === 0 || aph === 0 || apw === 0) c.positiveInt("image_patch_size");
      const imagePatches = Math.floor(image / iph) * Math.floor(image / ipw);
      const pixel = module("TvltPixelEmbeddings", {
        params: {
          type_embed_v: [1, 1, hidden],
          temporal_embed: [1, c.int("num_frames"), hidden],
          pos_embed_v: [1, imagePatches, hidden],
        },
        children: {
          patch_embeddings: module("TvltPixelPatchEmbeddings", { children: { projection: conv2d(c.positiveInt("num_image_channels"), hidden, [iph, ipw]) } }),
        },
      });
      // Audio positions: one per time patch, plus a separate embedding per frequency patch.
      const audio = module("TvltAudioEmbeddings", {
        params: {
          pos_embed_a: [1, Math.floor(c.int("spectrogram_length") / aph), hidden],
          freq_embed: [1, Math.floor(c.int("frequency_length") / apw), hidden],
          type_embed_a: [1, 1, hidden],
        },
        children: {
          patch_embeddings: module("TvltAudioPatchEmbeddings", { children: { projection: conv2d(c.positiveInt("num_audio_channels"), hidden, [aph, apw]) } }),
        },
      });
      const model = module("TvltModel", {
        params: { cls_embedding: [1, 1, hidden] },
        children: {
          pixel_embeddings: pixel,
          audio_embeddings: audio,
          encoder: module("TvltEncoder", { children: { layer: repeat(vitLayer(c, "Tvlt"), c.int("num_hidden_layers")) } }),
          layernorm: !c.bool("use_mean_pooling") && layerNorm(hidden),
        },
      });
      return built(model, null);
    },
  },
};
