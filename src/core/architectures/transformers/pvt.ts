// transformers/models/pvt/{configuration,modeling}_pvt.py (4.47)
import { conv2d, layerNorm, linear } from "../../modules/blocks.js";
import { checkIndexedLayers, list, module, repeat, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";
import { checkHeads, stageAt } from "./shared/stage-lists.js";
import { pair } from "./vit.js";

function pvtLayer(c: Config, i: number, dim: number): Module {
  checkHeads(c, dim, stageAt(c, "num_attention_heads", i));
  const sr = stageAt(c, "sequence_reduction_ratios", i);
  const ff = Math.floor(dim * stageAt(c, "mlp_ratios", i));
  const qkv = c.bool("qkv_bias");
  return module("PvtLayer", {
    children: {
      layer_norm_1: layerNorm(dim),
      attention: module("PvtAttention", {
        children: {
          self: module("PvtEfficientSelfAttention", {
            children: {
              query: linear(dim, dim, qkv), key: linear(dim, dim, qkv), value: linear(dim, dim, qkv),
              sequence_reduction: sr > 1 && conv2d(dim, dim, sr), layer_norm: sr > 1 && layerNorm(dim),
            },
          }),
          output: module("PvtSelfOutput", { children: { dense: linear(dim, dim) } }),
        },
      }),
      layer_norm_2: layerNorm(dim),
      mlp: module("PvtFFN", { children: { dense1: linear(dim, ff), dense2: linear(ff, dim) } }),
    },
  });
}

export const pvt: TransformersArchitecture = {
  modelType: "pvt",
  source: "transformers/models/pvt/modeling_pvt.py",
  config: {
    modelType: "pvt",
    defaults: {
      image_size: 224, num_channels: 3, num_encoder_blocks: 4, depths: [2, 2, 2, 2], sequence_reduction_ratios: [8, 4, 2, 1],
      hidden_sizes: [64, 128, 320, 512], patch_sizes: [4, 2, 2, 2], strides: [4, 2, 2, 2], num_attention_heads: [1, 2, 5, 8],
      mlp_ratios: [8, 8, 4, 4], hidden_act: "gelu", hidden_dropout_prob: 0.0, attention_probs_dropout_prob: 0.0,
      initializer_range: 0.02, drop_path_rate: 0.0, layer_norm_eps: 1e-6, qkv_bias: true, num_labels: 1000,
    },
  },
  models: {
    AutoModel: (c) => {
      const n = c.int("num_encoder_blocks");
      checkIndexedLayers(n, "encoder stages (`num_encoder_blocks`)");
      const sizes = Array.from({ length: n }, (_, i) => stageAt(c, "hidden_sizes", i));
      const [h, w] = pair(c, "image_size");
      const embeddings = sizes.map((dim, i) => {
        // Each stage has its own learned positions, sized from the image scaled down by 2^(i+1) after the first;
        // only the last stage adds a CLS token.
        const scale = i === 0 ? 1 : 2 ** (i + 1);
        const p = stageAt(c, "patch_sizes", i);
        const patches = Math.floor(Math.floor(h / scale) / p) * Math.floor(Math.floor(w / scale) / p);
        const last = i === n - 1;
        const stride = stageAt(c, "strides", i);
        return module("PvtPatchEmbeddings", {
          params: { position_embeddings: [1, patches + (last ? 1 : 0), dim], cls_token: last && [1, 1, dim] },
          children: { projection: conv2d(i === 0 ? c.positiveInt("num_channels") : (sizes[i - 1] as number), dim, stride), layer_norm: layerNorm(dim) },
        });
      });
      const encoder = module("PvtEncoder", {
        children: {
          patch_embeddings: list("ModuleList", ...embeddings),
          block: list("ModuleList", ...sizes.map((dim, i) => repeat(pvtLayer(c, i, dim), stageAt(c, "depths", i)))),
          layer_norm: layerNorm(sizes[n - 1] ?? 0),
        },
      });
      return built(module("PvtModel", { children: { encoder } }), []);
    },
  },
};
