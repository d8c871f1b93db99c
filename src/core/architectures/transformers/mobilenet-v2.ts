// transformers/models/mobilenet_v2/{configuration,modeling}_mobilenet_v2.py (4.47)
import { batchNorm, conv2d } from "../../modules/blocks.js";
import { list, module, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";

export function makeDivisible(value: number, divisor = 8, minValue?: number): number {
  let v = Math.max(minValue ?? divisor, Math.floor(Math.floor(value + divisor / 2) / divisor) * divisor);
  if (v < 0.9 * value) v += divisor;
  return v;
}

function depth(c: Config, channels: number): number {
  return makeDivisible(Math.round(channels * c.number("depth_multiplier")), c.positiveInt("depth_divisible_by"), c.int("min_depth"));
}

function convLayer(inCh: number, out: number, kernel: number, groups = 1): Module {
  return module("MobileNetV2ConvLayer", { children: { convolution: conv2d(inCh, out, kernel, { groups, bias: false }), normalization: batchNorm(out) } });
}

const CHANNELS = [16, 24, 24, 32, 32, 32, 64, 64, 64, 64, 96, 96, 96, 160, 160, 160, 320];

export const mobilenetV2: TransformersArchitecture = {
  modelType: "mobilenet_v2",
  source: "transformers/models/mobilenet_v2/modeling_mobilenet_v2.py",
  config: {
    modelType: "mobilenet_v2",
    defaults: {
      num_channels: 3, image_size: 224, depth_multiplier: 1.0, depth_divisible_by: 8, min_depth: 8, expand_ratio: 6.0,
      output_stride: 32, first_layer_is_expansion: true, finegrained_output: true, hidden_act: "relu6", tf_padding: true,
      classifier_dropout_prob: 0.8, initializer_range: 0.02, layer_norm_eps: 0.001, semantic_loss_ignore_index: 255,
    },
  },
  models: {
    AutoModel: (c) => {
      const ch = CHANNELS.map((x) => depth(c, x));
      const expanded = depth(c, 32);
      const stem = module("MobileNetV2Stem", {
        children: {
          first_conv: convLayer(c.positiveInt("num_channels"), expanded, 3),
          expand_1x1: !c.bool("first_layer_is_expansion") && convLayer(expanded, expanded, 1),
          conv_3x3: convLayer(expanded, expanded, 3, expanded),
          reduce_1x1: convLayer(expanded, ch[0] as number, 1),
        },
      });
      const layers = ch.slice(0, -1).map((inCh, i) => {
        const out = ch[i + 1] as number;
        const mid = makeDivisible(Math.round(inCh * c.number("expand_ratio")), c.positiveInt("depth_divisible_by"), c.int("min_depth"));
        return module("MobileNetV2InvertedResidual", {
          children: { expand_1x1: convLayer(inCh, mid, 1), conv_3x3: convLayer(mid, mid, 3, mid), reduce_1x1: convLayer(mid, out, 1) },
        });
      });
      // Thin models keep the full 1280-wide head when `finegrained_output` is set.
      const head = c.bool("finegrained_output") && c.number("depth_multiplier") < 1.0 ? 1280 : depth(c, 1280);
      const model = module("MobileNetV2Model", {
        children: { conv_stem: stem, layer: list("ModuleList", ...layers), conv_1x1: convLayer(ch[ch.length - 1] as number, head, 1) },
      });
      return built(model, []);
    },
  },
};
