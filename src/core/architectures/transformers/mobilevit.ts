// transformers/models/mobilevit/{configuration,modeling}_mobilevit.py (4.47)
import { batchNorm, conv2d, layerNorm, linear } from "../../modules/blocks.js";
import { list, module, repeat, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";
import { checkHeads, stageAt } from "./shared/stage-lists.js";
import { makeDivisible } from "./mobilenet-v2.js";

function convLayer(inCh: number, out: number, kernel: number, opts: { groups?: number; norm?: boolean } = {}): Module {
  return module("MobileViTConvLayer", {
    children: { convolution: conv2d(inCh, out, kernel, { groups: opts.groups ?? 1, bias: false }), normalization: (opts.norm ?? true) && batchNorm(out) },
  });
}

function invertedResidual(c: Config, inCh: number, out: number): Module {
  const mid = makeDivisible(Math.round(inCh * c.number("expand_ratio")), 8);
  return module("MobileViTInvertedResidual", {
    children: { expand_1x1: convLayer(inCh, mid, 1), conv_3x3: convLayer(mid, mid, 3, { groups: mid }), reduce_1x1: convLayer(mid, out, 1) },
  });
}

function mobileNetLayer(c: Config, inCh: number, out: number, stages: number): Module {
  return module("MobileViTMobileNetLayer", {
    children: { layer: list("ModuleList", invertedResidual(c, inCh, out), { module: invertedResidual(c, out, out), count: stages - 1 }) },
  });
}

/** Downsample, local conv, `stages` transformer layers over unfolded patches, then project back and fuse. */
function vitLayer(c: Config, inCh: number, out: number, hidden: number, stages: number): Module {
  const k = c.positiveInt("conv_kernel_size");
  const heads = c.positiveInt("num_attention_heads");
  checkHeads(c, hidden, heads);
  const inter = Math.floor(hidden * c.number("mlp_ratio"));
  const qkv = c.bool("qkv_bias");
  const tLayer = module("MobileViTTransformerLayer", {
    children: {
      attention: module("MobileViTAttention", {
        children: {
          attention: module("MobileViTSelfAttention", { children: { query: linear(hidden, hidden, qkv), key: linear(hidden, hidden, qkv), value: linear(hidden, hidden, qkv) } }),
          output: module("MobileViTSelfOutput", { children: { dense: linear(hidden, hidden) } }),
        },
      }),
      intermediate: module("MobileViTIntermediate", { children: { dense: linear(hidden, inter) } }),
      output: module("MobileViTOutput", { children: { dense: linear(inter, hidden) } }),
      layernorm_before: layerNorm(hidden),
      layernorm_after: layerNorm(hidden),
    },
  });
  return module("MobileViTLayer", {
    children: {
      downsampling_layer: invertedResidual(c, inCh, out),
      conv_kxk: convLayer(out, out, k),
      conv_1x1: convLayer(out, hidden, 1, { norm: false }),
      transformer: module("MobileViTTransformer", { children: { layer: repeat(tLayer, stages) } }),
      layernorm: layerNorm(hidden),
      conv_projection: convLayer(hidden, out, 1),
      fusion: convLayer(2 * out, out, k),
    },
  });
}

export const mobilevit: TransformersArchitecture = {
  modelType: "mobilevit",
  source: "transformers/models/mobilevit/modeling_mobilevit.py",
  config: {
    modelType: "mobilevit",
    defaults: {
      num_channels: 3, image_size: 256, patch_size: 2, hidden_sizes: [144, 192, 240], neck_hidden_sizes: [16, 32, 64, 96, 128, 160, 640],
      num_attention_heads: 4, mlp_ratio: 2.0, expand_ratio: 4.0, hidden_act: "silu", conv_kernel_size: 3, output_stride: 32,
      hidden_dropout_prob: 0.1, attention_probs_dropout_prob: 0.0, classifier_dropout_prob: 0.1, initializer_range: 0.02,
      layer_norm_eps: 1e-5, qkv_bias: true, aspp_out_channels: 256, atrous_rates: [6, 12, 18], aspp_dropout_prob: 0.1,
      semantic_loss_ignore_index: 255,
    },
  },
  models: {
    AutoModel: (c) => {
      const neck = (i: number) => stageAt(c, "neck_hidden_sizes", i);
      const hid = (i: number) => stageAt(c, "hidden_sizes", i);
      const layers = [
        mobileNetLayer(c, neck(0), neck(1), 1),
        mobileNetLayer(c, neck(1), neck(2), 3),
        vitLayer(c, neck(2), neck(3), hid(0), 2),
        vitLayer(c, neck(3), neck(4), hid(1), 4),
        vitLayer(c, neck(4), neck(5), hid(2), 3),
      ];
      const model = module("MobileViTModel", {
        children: {
          conv_stem: convLayer(c.positiveInt("num_channels"), neck(0), 3),
          encoder: module("MobileViTEncoder", { children: { layer: list("ModuleList", ...layers) } }),
          conv_1x1_exp: convLayer(neck(5), neck(6), 1),
        },
      });
      return built(model, ["MobileViTLayer"]);
    },
  },
};
