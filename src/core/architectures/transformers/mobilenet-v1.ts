// transformers/models/mobilenet_v1/{configuration,modeling}_mobilenet_v1.py (4.47)
import { batchNorm, conv2d } from "../../modules/blocks.js";
import { list, module, type Module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";

function convLayer(inCh: number, out: number, kernel: number, groups = 1): Module {
  return module("MobileNetV1ConvLayer", { children: { convolution: conv2d(inCh, out, kernel, { groups, bias: false }), normalization: batchNorm(out) } });
}

// Depthwise/pointwise pairs; a stride of 2 (and the first pair) doubles the width.
const STRIDES = [1, 2, 1, 2, 1, 2, 1, 1, 1, 1, 1, 2, 1];

export const mobilenetV1: TransformersArchitecture = {
  modelType: "mobilenet_v1",
  source: "transformers/models/mobilenet_v1/modeling_mobilenet_v1.py",
  config: {
    modelType: "mobilenet_v1",
    defaults: {
      num_channels: 3, image_size: 224, depth_multiplier: 1.0, min_depth: 8, hidden_act: "relu6", tf_padding: true,
      classifier_dropout_prob: 0.999, initializer_range: 0.02, layer_norm_eps: 0.001,
    },
  },
  models: {
    AutoModel: (c) => {
      const mult = c.number("depth_multiplier");
      const width = (d: number) => Math.max(Math.floor(d * mult), c.int("min_depth"));
      let depth = 32;
      let out = width(depth);
      const stem = convLayer(c.positiveInt("num_channels"), out, 3);
      const layers: Module[] = [];
      STRIDES.forEach((s, i) => {
        const inCh = out;
        if (s === 2 || i === 0) {
          depth *= 2;
          out = width(depth);
        }
        layers.push(convLayer(inCh, inCh, 3, inCh), convLayer(inCh, out, 1));
      });
      const model = module("MobileNetV1Model", { children: { conv_stem: stem, layer: list("ModuleList", ...layers) } });
      return built(model, []);
    },
  },
};
