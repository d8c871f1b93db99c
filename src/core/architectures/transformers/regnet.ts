// transformers/models/regnet/{configuration,modeling}_regnet.py (4.47)
import { batchNorm, conv2d } from "../../modules/blocks.js";
import { list, module, stateless, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import { InvalidConfigError } from "../../errors.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";

function convLayer(inCh: number, out: number, kernel = 3, groups = 1, cls = "RegNetConvLayer"): Module {
  return module(cls, { children: { convolution: conv2d(inCh, out, kernel, { groups, bias: false }), normalization: batchNorm(out) } });
}

function regnetLayer(c: Config, inCh: number, out: number, stride: number): Module {
  const y = c.string("layer_type") !== "x";
  const groups = Math.max(1, Math.floor(out / c.positiveInt("groups_width")));
  // The Y variant squeezes to a quarter of the layer's *input* width.
  const reduced = Math.round(inCh / 4);
  const se = y && module("RegNetSELayer", {
    children: { attention: list("Sequential", conv2d(out, reduced, 1), stateless("ReLU"), conv2d(reduced, out, 1), stateless("Sigmoid")) },
  });
  return module(y ? "RegNetYLayer" : "RegNetXLayer", {
    children: {
      shortcut: (inCh !== out || stride !== 1) && convLayer(inCh, out, 1, 1, "RegNetShortCut"),
      layer: list("Sequential", ...[convLayer(inCh, out, 1), convLayer(out, out, 3, groups), se, convLayer(out, out, 1)].filter((m): m is Module => m !== false)),
    },
  });
}

export const regnet: TransformersArchitecture = {
  modelType: "regnet",
  source: "transformers/models/regnet/modeling_regnet.py",
  config: {
    modelType: "regnet",
    defaults: {
      num_channels: 3, embedding_size: 32, hidden_sizes: [128, 192, 512, 1088], depths: [2, 6, 12, 2], groups_width: 64,
      layer_type: "y", hidden_act: "relu", downsample_in_first_stage: true,
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
        const stride = i === 0 && !c.bool("downsample_in_first_stage") ? 1 : 2;
        return module("RegNetStage", {
          children: { layers: list("Sequential", regnetLayer(c, inCh, out, stride), { module: regnetLayer(c, out, out, 1), count: (depths[i] as number) - 1 }) },
        });
      });
      const model = module("RegNetModel", {
        children: {
          embedder: module("RegNetEmbeddings", { children: { embedder: convLayer(c.positiveInt("num_channels"), embed) } }),
          encoder: module("RegNetEncoder", { children: { stages: list("ModuleList", ...stages) } }),
        },
      });
      return built(model, ["RegNetYLayer"]);
    },
  },
};
