// transformers/models/{convnext,convnextv2}/{configuration,modeling}_convnext{,v2}.py (4.47)
import { conv2d, layerNorm, linear } from "../../modules/blocks.js";
import { list, module, repeat, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import { InvalidConfigError } from "../../errors.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";

function convnextModel(c: Config, prefix: string, v2: boolean): Module {
  const sizes = c.intList("hidden_sizes");
  const depths = c.intList("depths");
  const n = c.int("num_stages");
  if (sizes.length < n || depths.length < n) throw new InvalidConfigError(`${c.label}: \`hidden_sizes\`/\`depths\` need \`num_stages\` entries`, "num_stages");
  const channelsFirstNorm = (dim: number) => layerNorm(dim, { cls: `${prefix}LayerNorm` });
  // v1 scales each block by a learned vector; v2 replaces it with global response normalization.
  const scale = !v2 && c.number("layer_scale_init_value") > 0;
  const layer = (dim: number) =>
    module(`${prefix}Layer`, {
      params: { layer_scale_parameter: scale && [dim] },
      children: {
        dwconv: conv2d(dim, dim, 7, { groups: dim }),
        layernorm: channelsFirstNorm(dim),
        pwconv1: linear(dim, 4 * dim),
        grn: v2 && module(`${prefix}GRN`, { params: { weight: [1, 1, 1, 4 * dim], bias: [1, 1, 1, 4 * dim] } }),
        pwconv2: linear(4 * dim, dim),
      },
    });
  const stages = Array.from({ length: n }, (_, i) => {
    const inCh = i === 0 ? (sizes[0] as number) : (sizes[i - 1] as number);
    const out = sizes[i] as number;
    const down = inCh !== out || i > 0;
    return module(`${prefix}Stage`, {
      children: {
        downsampling_layer: down && list("Sequential", channelsFirstNorm(inCh), conv2d(inCh, out, 2)),
        layers: repeat(layer(out), depths[i] as number, "Sequential"),
      },
    });
  });
  return module(`${prefix}Model`, {
    children: {
      embeddings: module(`${prefix}Embeddings`, {
        children: { patch_embeddings: conv2d(c.positiveInt("num_channels"), sizes[0] as number, c.positiveInt("patch_size")), layernorm: channelsFirstNorm(sizes[0] as number) },
      }),
      encoder: module(`${prefix}Encoder`, { children: { stages: list("ModuleList", ...stages) } }),
      layernorm: layerNorm(sizes[n - 1] as number),
    },
  });
}

const DEFAULTS = {
  num_channels: 3, patch_size: 4, num_stages: 4, hidden_sizes: [96, 192, 384, 768], depths: [3, 3, 9, 3], hidden_act: "gelu",
  initializer_range: 0.02, layer_norm_eps: 1e-12, drop_path_rate: 0.0, image_size: 224,
};

export const convnext: TransformersArchitecture = {
  modelType: "convnext",
  source: "transformers/models/convnext/modeling_convnext.py",
  config: { modelType: "convnext", defaults: { ...DEFAULTS, layer_scale_init_value: 1e-6 } },
  models: { AutoModel: (c) => built(convnextModel(c, "ConvNext", false), ["ConvNextLayer"]) },
};

export const convnextv2: TransformersArchitecture = {
  modelType: "convnextv2",
  source: "transformers/models/convnextv2/modeling_convnextv2.py",
  config: { modelType: "convnextv2", defaults: DEFAULTS },
  models: { AutoModel: (c) => built(convnextModel(c, "ConvNextV2", true), ["ConvNextV2Layer"]) },
};
