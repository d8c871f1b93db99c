// transformers/models/swiftformer/{configuration,modeling}_swiftformer.py (4.47)
import { batchNorm, conv2d, linear } from "../../modules/blocks.js";
import { list, module, stateless, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";
import { stageAt } from "./shared/stage-lists.js";

/** Depthwise 3×3 + BatchNorm + two 1×1 convs, always with a per-channel scale. */
function convBlock(cls: string, dim: number, hidden: number): Module {
  return module(cls, {
    params: { layer_scale: [dim, 1, 1] },
    children: {
      depth_wise_conv: conv2d(dim, dim, 3, { groups: dim }), norm: batchNorm(dim),
      point_wise_conv1: conv2d(dim, hidden, 1), point_wise_conv2: conv2d(hidden, dim, 1),
    },
  });
}

function encoderBlock(c: Config, dim: number): Module {
  const hidden = Math.floor(dim * c.number("mlp_ratio"));
  const scale = c.bool("use_layer_scale");
  return module("SwiftFormerEncoderBlock", {
    params: { layer_scale_1: scale && [dim, 1, 1], layer_scale_2: scale && [dim, 1, 1] },
    children: {
      local_representation: convBlock("SwiftFormerLocalRepresentation", dim, dim),
      attn: module("SwiftFormerEfficientAdditiveAttention", {
        params: { w_g: [dim, 1] },
        children: { to_query: linear(dim, dim), to_key: linear(dim, dim), proj: linear(dim, dim), final: linear(dim, dim) },
      }),
      linear: module("SwiftFormerMlp", { children: { norm1: batchNorm(dim), fc1: conv2d(dim, hidden, 1), fc2: conv2d(hidden, dim, 1) } }),
    },
  });
}

export const swiftformer: TransformersArchitecture = {
  modelType: "swiftformer",
  source: "transformers/models/swiftformer/modeling_swiftformer.py",
  config: {
    modelType: "swiftformer",
    defaults: {
      image_size: 224, num_channels: 3, depths: [3, 3, 6, 4], embed_dims: [48, 56, 112, 220], mlp_ratio: 4,
      downsamples: [true, true, true, true], hidden_act: "gelu", down_patch_size: 3, down_stride: 2, down_pad: 1,
      drop_path_rate: 0.0, drop_mlp_rate: 0.0, drop_conv_encoder_rate: 0.0, use_layer_scale: true,
      layer_scale_init_value: 1e-5, batch_norm_eps: 1e-5,
    },
  },
  models: {
    AutoModel: (c) => {
      const depths = c.intList("depths");
      const downsamples = c.list("downsamples");
      const network: Module[] = [];
      depths.forEach((depth, i) => {
        const dim = stageAt(c, "embed_dims", i);
        // Every block is a conv block except the last of each stage, which adds additive attention.
        const blocks = list("Sequential", { module: convBlock("SwiftFormerConvEncoder", dim, Math.floor(c.number("mlp_ratio") * dim)), count: depth - 1 }, encoderBlock(c, dim));
        network.push(module("SwiftFormerStage", { children: { blocks: depth > 0 ? blocks : list("Sequential") } }));
        if (i < depths.length - 1) {
          const next = stageAt(c, "embed_dims", i + 1);
          if (downsamples[i] || dim !== next) {
            network.push(module("SwiftFormerEmbeddings", { children: { proj: conv2d(dim, next, c.positiveInt("down_patch_size")), norm: batchNorm(next) } }));
          }
        }
      });
      const first = stageAt(c, "embed_dims", 0);
      const half = Math.floor(first / 2);
      const model = module("SwiftFormerModel", {
        children: {
          patch_embed: module("SwiftFormerPatchEmbedding", {
            children: {
              patch_embedding: list("Sequential", conv2d(c.positiveInt("num_channels"), half, 3), batchNorm(half), stateless("ReLU"), conv2d(half, first, 3), batchNorm(first), stateless("ReLU")),
            },
          }),
          encoder: module("SwiftFormerEncoder", { children: { network: list("ModuleList", ...network) } }),
        },
      });
      return built(model, ["SwiftFormerEncoderBlock"]);
    },
  },
};
