// transformers/models/patchtsmixer/{configuration,modeling}_patchtsmixer.py (4.47)
import { batchNorm, layerNorm, linear } from "../../modules/blocks.js";
import { module, repeat, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";
import { clipAttention } from "./shared/clip-encoder.js";

const DEFAULTS = {
  context_length: 32,
  patch_length: 8,
  num_input_channels: 1,
  patch_stride: 8,
  num_parallel_samples: 100,
  d_model: 8,
  expansion_factor: 2,
  num_layers: 3,
  dropout: 0.2,
  mode: "common_channel",
  gated_attn: true,
  norm_mlp: "LayerNorm",
  self_attn: false,
  self_attn_heads: 1,
  use_positional_encoding: false,
  positional_encoding_type: "sincos",
  scaling: "std",
  loss: "mse",
  init_std: 0.02,
  post_init: false,
  norm_eps: 1e-5,
  mask_type: "random",
  random_mask_ratio: 0.5,
  num_forecast_mask_patches: [2],
  mask_value: 0,
  masked_loss: true,
  channel_consistent_masking: true,
  unmasked_channel_indices: null,
  head_dropout: 0.2,
  distribution_output: "student_t",
  prediction_length: 16,
  prediction_channel_indices: null,
  num_targets: 3,
  output_range: null,
  head_aggregation: "max_pool",
} as const;

function normLayer(c: Config, d: number): Module {
  const norm = c.string("norm_mlp").toLowerCase().includes("batch")
    ? module("PatchTSMixerBatchNorm", { children: { batchnorm: batchNorm(d, { cls: "BatchNorm1d" }) } })
    : layerNorm(d);
  return module("PatchTSMixerNormLayer", { children: { norm } });
}

/** MLP (×expansion_factor) then, with `gated_attn`, a softmax gate over the same width. */
function mixer(c: Config, cls: string, width: number, d: number, extra: Record<string, Module | false> = {}): Module {
  const hidden = width * c.int("expansion_factor");
  return module(cls, {
    children: {
      norm: normLayer(c, d),
      mlp: module("PatchTSMixerMLP", { children: { fc1: linear(width, hidden), fc2: linear(hidden, width) } }),
      gating_block: c.bool("gated_attn") && module("PatchTSMixerGatedAttention", { children: { attn_layer: linear(width, width) } }),
      ...extra,
    },
  });
}

export const patchtsmixer: TransformersArchitecture = {
  modelType: "patchtsmixer",
  source: "transformers/models/patchtsmixer/modeling_patchtsmixer.py",
  config: {
    modelType: "patchtsmixer",
    defaults: DEFAULTS,
    // Always recomputed by __init__, whatever the file says.
    derive: (c) => {
      const patch = c.int("patch_length");
      c.set("num_patches", Math.floor((Math.max(c.int("context_length"), patch) - patch) / c.positiveInt("patch_stride")) + 1);
    },
  },
  models: {
    AutoModel: (c) => {
      const d = c.positiveInt("d_model");
      const patches = c.int("num_patches");
      const selfAttn = c.bool("self_attn");
      if (selfAttn) c.divisible("d_model", "self_attn_heads");
      const layer = module("PatchTSMixerLayer", {
        children: {
          patch_mixer: mixer(c, "PatchMixerBlock", patches, d, {
            self_attn_layer: selfAttn && clipAttention("PatchTSMixer", d),
            norm_attn: selfAttn && normLayer(c, d),
          }),
          feature_mixer: mixer(c, "FeatureMixerBlock", d, d),
          channel_feature_mixer:
            c.string("mode") === "mix_channel" && mixer(c, "PatchTSMixerChannelFeatureMixerBlock", c.positiveInt("num_input_channels"), d),
        },
      });
      const model = module("PatchTSMixerModel", {
        children: {
          encoder: module("PatchTSMixerEncoder", {
            children: {
              patcher: linear(c.int("patch_length"), d),
              positional_encoder:
                c.bool("use_positional_encoding") && module("PatchTSMixerPositionalEncoding", { params: { position_enc: [patches, d] } }),
              mlp_mixer_encoder: module("PatchTSMixerBlock", { children: { mixers: repeat(layer, c.int("num_layers")) } }),
            },
          }),
        },
      });
      return built(model, null);
    },
  },
};
