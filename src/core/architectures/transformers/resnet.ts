// transformers/models/resnet/{configuration,modeling}_resnet.py (4.47)
import { batchNorm, conv2d } from "../../modules/blocks.js";
import { list, module, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import { InvalidConfigError } from "../../errors.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";

/** Conv (no bias) + BatchNorm; the activation holds nothing. */
function convLayer(inCh: number, out: number, kernel = 3, cls = "ResNetConvLayer"): Module {
  return module(cls, { children: { convolution: conv2d(inCh, out, kernel, { bias: false }), normalization: batchNorm(out) } });
}

function resnetLayer(c: Config, inCh: number, out: number, stride: number): Module {
  const shortcut = (inCh !== out || stride !== 1) && convLayer(inCh, out, 1, "ResNetShortCut");
  if (c.string("layer_type") === "bottleneck") {
    const r = Math.floor(out / 4);
    return module("ResNetBottleNeckLayer", {
      children: { shortcut, layer: list("Sequential", convLayer(inCh, r, 1), convLayer(r, r), convLayer(r, out, 1)) },
    });
  }
  return module("ResNetBasicLayer", { children: { shortcut, layer: list("Sequential", convLayer(inCh, out), convLayer(out, out)) } });
}

export const resnet: TransformersArchitecture = {
  modelType: "resnet",
  source: "transformers/models/resnet/modeling_resnet.py",
  config: {
    modelType: "resnet",
    defaults: {
      num_channels: 3, embedding_size: 64, hidden_sizes: [256, 512, 1024, 2048], depths: [3, 4, 6, 3], layer_type: "bottleneck",
      hidden_act: "relu", downsample_in_first_stage: false, downsample_in_bottleneck: false,
    },
  },
  models: {
    AutoModel: (c) => {
      const sizes = c.intList("hidden_sizes");
      const depths = c.intList("depths");
      if (sizes.length === 0 || depths.length < sizes.length) throw new InvalidConfigError(`${c.label}: \`depths\` needs one entry per stage`, "depths");
      const embed = c.positiveInt("embedding_size");
      const stages = sizes.map((out, i) => {
        const inCh = i === 0 ? embed : (sizes[i - 1] as number);
        const stride = i === 0 ? (c.bool("downsample_in_first_stage") ? 2 : 1) : 2;
        const depth = depths[i] as number;
        return module("ResNetStage", {
          children: { layers: list("Sequential", resnetLayer(c, inCh, out, stride), { module: resnetLayer(c, out, out, 1), count: depth - 1 }) },
        });
      });
      const model = module("ResNetModel", {
        children: {
          embedder: module("ResNetEmbeddings", { children: { embedder: convLayer(c.positiveInt("num_channels"), embed, 7) } }),
          encoder: module("ResNetEncoder", { children: { stages: list("ModuleList", ...stages) } }),
        },
      });
      return built(model, ["ResNetConvLayer", "ResNetShortCut"]);
    },
  },
};
