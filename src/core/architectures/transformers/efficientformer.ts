// transformers/models/efficientformer/{configuration,modeling}_efficientformer.py (4.47)
import { batchNorm, conv2d, layerNorm, linear } from "../../modules/blocks.js";
import { buffer, list, module, repeat, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import { InvalidConfigError } from "../../errors.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";
import { stageAt } from "./shared/stage-lists.js";

function scales(c: Config, dim: number) {
  const on = c.bool("use_layer_scale");
  return { layer_scale_1: on && [dim], layer_scale_2: on && [dim] };
}

/** Pooling token mixer (no tensors) + 1×1-conv MLP with BatchNorms. */
function meta4d(c: Config, dim: number): Module {
  const hidden = Math.floor(dim * c.number("mlp_expansion_ratio"));
  return module("EfficientFormerMeta4D", {
    params: scales(c, dim),
    children: {
      mlp: module("EfficientFormerConvMlp", {
        children: { convolution1: conv2d(dim, hidden, 1), convolution2: conv2d(hidden, dim, 1), batchnorm_before: batchNorm(hidden), batchnorm_after: batchNorm(dim) },
      }),
    },
  });
}

/** Attention with a learned bias per distinct (|dx|, |dy|) offset on the resolution × resolution grid. */
function meta3d(c: Config, dim: number): Module {
  const heads = c.positiveInt("num_attention_heads");
  const keyDim = c.int("key_dim");
  const expanded = Math.floor(c.number("attention_ratio") * keyDim) * heads;
  const attnDim = c.positiveInt("dim");
  const r = c.int("resolution");
  const hidden = Math.floor(dim * c.number("mlp_expansion_ratio"));
  return module("EfficientFormerMeta3D", {
    params: scales(c, dim),
    children: {
      token_mixer: module("EfficientFormerSelfAttention", {
        params: { attention_biases: [heads, r * r] },
        buffers: { attention_bias_idxs: buffer([r * r, r * r], "int64") },
        children: { qkv: linear(attnDim, expanded + 2 * keyDim * heads), projection: linear(expanded, attnDim) },
      }),
      layernorm1: layerNorm(dim),
      layernorm2: layerNorm(dim),
      mlp: module("EfficientFormerDenseMlp", { children: { linear_in: linear(dim, hidden), linear_out: linear(hidden, dim) } }),
    },
  });
}

export const efficientformer: TransformersArchitecture = {
  modelType: "efficientformer",
  source: "transformers/models/efficientformer/modeling_efficientformer.py",
  config: {
    modelType: "efficientformer",
    defaults: {
      depths: [3, 2, 6, 4], hidden_sizes: [48, 96, 224, 448], downsamples: [true, true, true, true], dim: 448, key_dim: 32,
      attention_ratio: 4, resolution: 7, num_hidden_layers: 5, num_attention_heads: 8, mlp_expansion_ratio: 4,
      hidden_dropout_prob: 0.0, patch_size: 16, num_channels: 3, pool_size: 3, downsample_patch_size: 3, downsample_stride: 2,
      downsample_pad: 1, drop_path_rate: 0.0, num_meta3d_blocks: 1, distillation: true, use_layer_scale: true,
      layer_scale_init_value: 1e-5, hidden_act: "gelu", initializer_range: 0.02, layer_norm_eps: 1e-12, image_size: 224,
      batch_norm_eps: 1e-5,
    },
  },
  models: {
    AutoModel: (c) => {
      const depths = c.intList("depths");
      const n = depths.length;
      if (n === 0) throw new InvalidConfigError(`${c.label}: \`depths\` must not be empty`, "depths");
      const size = (i: number) => stageAt(c, "hidden_sizes", i);
      const downsamples = c.list("downsamples");
      const intermediate: Module[] = [];
      for (let i = 0; i < n - 1; i++) {
        intermediate.push(module("EfficientFormerIntermediateStage", {
          children: { meta4D_layers: module("EfficientFormerMeta4DLayers", { children: { blocks: repeat(meta4d(c, size(i)), depths[i] as number) } }) },
        }));
        if (downsamples[i] || size(i) !== size(i + 1)) {
          intermediate.push(module("EfficientFormerPatchEmbeddings", { children: { projection: conv2d(size(i), size(i + 1), c.positiveInt("downsample_patch_size")), norm: batchNorm(size(i + 1)) } }));
        }
      }
      const last = size(n - 1);
      const meta3dCount = c.int("num_meta3d_blocks");
      const first = size(0);
      const half = Math.floor(first / 2);
      const model = module("EfficientFormerModel", {
        children: {
          patch_embed: module("EfficientFormerConvStem", {
            children: { convolution1: conv2d(c.positiveInt("num_channels"), half, 3), batchnorm_before: batchNorm(half), convolution2: conv2d(half, first, 3), batchnorm_after: batchNorm(first) },
          }),
          encoder: module("EfficientFormerEncoder", {
            children: {
              intermediate_stages: list("ModuleList", ...intermediate),
              last_stage: module("EfficientFormerLastStage", {
                children: {
                  meta4D_layers: module("EfficientFormerMeta4DLayers", { children: { blocks: repeat(meta4d(c, last), Math.max(0, (depths[n - 1] as number) - meta3dCount)) } }),
                  meta3D_layers: module("EfficientFormerMeta3DLayers", { children: { blocks: repeat(meta3d(c, last), meta3dCount) } }),
                },
              }),
            },
          }),
          layernorm: layerNorm(last),
        },
      });
      return built(model, null);
    },
  },
};
