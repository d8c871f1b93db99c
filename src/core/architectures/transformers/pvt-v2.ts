// transformers/models/pvt_v2/{configuration,modeling}_pvt_v2.py (4.47)
import { conv2d, layerNorm, linear } from "../../modules/blocks.js";
import { checkIndexedLayers, list, module, repeat, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";
import { checkHeads, stageAt } from "./shared/stage-lists.js";

function blockLayer(c: Config, i: number, dim: number): Module {
  checkHeads(c, dim, stageAt(c, "num_attention_heads", i));
  const sr = stageAt(c, "sr_ratios", i);
  const ff = Math.floor(dim * stageAt(c, "mlp_ratios", i));
  const qkv = c.bool("qkv_bias");
  // Linear attention pools to 7×7 and projects with a 1×1 conv; otherwise a strided conv reduces when sr > 1.
  const linearAttn = c.bool("linear_attention");
  const reduce = linearAttn || sr > 1;
  return module("PvtV2BlockLayer", {
    children: {
      layer_norm_1: layerNorm(dim),
      attention: module("PvtV2SelfAttention", {
        children: {
          query: linear(dim, dim, qkv), key: linear(dim, dim, qkv), value: linear(dim, dim, qkv), proj: linear(dim, dim),
          spatial_reduction: reduce && conv2d(dim, dim, linearAttn ? 1 : sr), layer_norm: reduce && layerNorm(dim),
        },
      }),
      layer_norm_2: layerNorm(dim),
      mlp: module("PvtV2ConvFeedForwardNetwork", {
        children: { dense1: linear(dim, ff), dwconv: module("PvtV2DepthWiseConv", { children: { dwconv: conv2d(ff, ff, 3, { groups: ff }) } }), dense2: linear(ff, dim) },
      }),
    },
  });
}

export const pvtV2: TransformersArchitecture = {
  modelType: "pvt_v2",
  source: "transformers/models/pvt_v2/modeling_pvt_v2.py",
  config: {
    modelType: "pvt_v2",
    defaults: {
      image_size: 224, num_channels: 3, num_encoder_blocks: 4, depths: [2, 2, 2, 2], sr_ratios: [8, 4, 2, 1],
      hidden_sizes: [32, 64, 160, 256], patch_sizes: [7, 3, 3, 3], strides: [4, 2, 2, 2], num_attention_heads: [1, 2, 5, 8],
      mlp_ratios: [8, 8, 4, 4], hidden_act: "gelu", hidden_dropout_prob: 0.0, attention_probs_dropout_prob: 0.0,
      initializer_range: 0.02, drop_path_rate: 0.0, layer_norm_eps: 1e-6, qkv_bias: true, linear_attention: false,
    },
  },
  models: {
    AutoModel: (c) => {
      const n = c.int("num_encoder_blocks");
      checkIndexedLayers(n, "encoder stages (`num_encoder_blocks`)");
      const sizes = Array.from({ length: n }, (_, i) => stageAt(c, "hidden_sizes", i));
      const layers = sizes.map((dim, i) =>
        module("PvtV2EncoderLayer", {
          children: {
            patch_embedding: module("PvtV2OverlapPatchEmbeddings", {
              children: { proj: conv2d(i === 0 ? c.positiveInt("num_channels") : (sizes[i - 1] as number), dim, stageAt(c, "patch_sizes", i)), layer_norm: layerNorm(dim) },
            }),
            blocks: repeat(blockLayer(c, i, dim), stageAt(c, "depths", i)),
            layer_norm: layerNorm(dim),
          },
        }),
      );
      return built(module("PvtV2Model", { children: { encoder: module("PvtV2Encoder", { children: { layers: list("ModuleList", ...layers) } }) } }), null);
    },
  },
};
