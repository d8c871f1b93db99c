// transformers/models/deprecated/van/{configuration,modeling}_van.py (4.47)
import { batchNorm, conv2d, layerNorm } from "../../modules/blocks.js";
import { list, module, repeat, stateless, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";
import { stageAt } from "./shared/stage-lists.js";

function vanLayer(c: Config, dim: number, mlpRatio: number): Module {
  const hidden = Math.floor(dim * mlpRatio);
  const scaling = () => module("VanLayerScaling", { params: { weight: [dim] } });
  return module("VanLayer", {
    children: {
      pre_normomalization: batchNorm(dim),
      attention: module("VanSpatialAttentionLayer", {
        children: {
          // A Sequential built from an OrderedDict: its children are named, not numbered.
          pre_projection: module("Sequential", { children: { conv: conv2d(dim, dim, 1), act: stateless("GELUActivation") } }),
          attention_layer: module("VanLargeKernelAttentionLayer", {
            children: {
              attention: module("VanLargeKernelAttention", {
                children: { depth_wise: conv2d(dim, dim, 5, { groups: dim }), depth_wise_dilated: conv2d(dim, dim, 7, { groups: dim }), point_wise: conv2d(dim, dim, 1) },
              }),
            },
          }),
          post_projection: conv2d(dim, dim, 1),
        },
      }),
      attention_scaling: scaling(),
      post_normalization: batchNorm(dim),
      mlp: module("VanMlpLayer", {
        children: {
          in_dense: conv2d(dim, hidden, 1),
          depth_wise: module("VanDepthWiseLayer", { children: { depth_wise: conv2d(hidden, hidden, 3, { groups: hidden }) } }),
          out_dense: conv2d(hidden, dim, 1),
        },
      }),
      mlp_scaling: scaling(),
    },
  });
}

export const van: TransformersArchitecture = {
  modelType: "van",
  source: "transformers/models/deprecated/van/modeling_van.py",
  config: {
    modelType: "van",
    defaults: {
      image_size: 224, num_channels: 3, patch_sizes: [7, 3, 3, 3], strides: [4, 2, 2, 2], hidden_sizes: [64, 128, 320, 512],
      depths: [3, 3, 12, 3], mlp_ratios: [8, 8, 4, 4], hidden_act: "gelu", initializer_range: 0.02, layer_norm_eps: 1e-6,
      layer_scale_init_value: 1e-2, drop_path_rate: 0.0, dropout_rate: 0.0,
    },
  },
  models: {
    AutoModel: (c) => {
      const sizes = c.intList("hidden_sizes");
      const stages = sizes.map((dim, i) =>
        module("VanStage", {
          children: {
            embeddings: module("VanOverlappingPatchEmbedder", {
              children: { convolution: conv2d(i === 0 ? c.positiveInt("num_channels") : (sizes[i - 1] as number), dim, stageAt(c, "patch_sizes", i)), normalization: batchNorm(dim) },
            }),
            layers: repeat(vanLayer(c, dim, stageAt(c, "mlp_ratios", i)), stageAt(c, "depths", i), "Sequential"),
            normalization: layerNorm(dim),
          },
        }),
      );
      const model = module("VanModel", {
        children: { encoder: module("VanEncoder", { children: { stages: list("ModuleList", ...stages) } }), layernorm: layerNorm(sizes[sizes.length - 1] ?? 0) },
      });
      return built(model, null);
    },
  },
};
