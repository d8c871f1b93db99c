// transformers/models/poolformer/{configuration,modeling}_poolformer.py (4.47)
import { conv2d, groupNorm } from "../../modules/blocks.js";
import { checkIndexedLayers, list, module, repeat } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";
import { stageAt } from "./shared/stage-lists.js";

export const poolformer: TransformersArchitecture = {
  modelType: "poolformer",
  source: "transformers/models/poolformer/modeling_poolformer.py",
  config: {
    modelType: "poolformer",
    defaults: {
      num_channels: 3, patch_size: 16, stride: 16, pool_size: 3, mlp_ratio: 4.0, depths: [2, 2, 6, 2], hidden_sizes: [64, 128, 320, 512],
      patch_sizes: [7, 3, 3, 3], strides: [4, 2, 2, 2], padding: [2, 1, 1, 1], num_encoder_blocks: 4, drop_path_rate: 0.0,
      hidden_act: "gelu", use_layer_scale: true, layer_scale_init_value: 1e-5, initializer_range: 0.02,
    },
  },
  models: {
    AutoModel: (c) => {
      const n = c.int("num_encoder_blocks");
      checkIndexedLayers(n, "encoder stages (`num_encoder_blocks`)");
      const sizes = Array.from({ length: n }, (_, i) => stageAt(c, "hidden_sizes", i));
      const scale = c.bool("use_layer_scale");
      // Token mixing is parameter-free average pooling; each layer is GroupNorm(1) + a 1×1-conv MLP, twice scaled.
      const layer = (dim: number) => {
        const inter = Math.floor(dim * c.number("mlp_ratio"));
        return module("PoolFormerLayer", {
          params: { layer_scale_1: scale && [dim], layer_scale_2: scale && [dim] },
          children: {
            before_norm: groupNorm(dim, true, "PoolFormerGroupNorm"),
            output: module("PoolFormerOutput", { children: { conv1: conv2d(dim, inter, 1), conv2: conv2d(inter, dim, 1) } }),
            after_norm: groupNorm(dim, true, "PoolFormerGroupNorm"),
          },
        });
      };
      const encoder = module("PoolFormerEncoder", {
        children: {
          patch_embeddings: list("ModuleList", ...sizes.map((dim, i) =>
            module("PoolFormerEmbeddings", { children: { projection: conv2d(i === 0 ? c.positiveInt("num_channels") : (sizes[i - 1] as number), dim, stageAt(c, "patch_sizes", i)) } }),
          )),
          block: list("ModuleList", ...sizes.map((dim, i) => repeat(layer(dim), stageAt(c, "depths", i)))),
        },
      });
      return built(module("PoolFormerModel", { children: { encoder } }), ["PoolFormerLayer"]);
    },
  },
};
