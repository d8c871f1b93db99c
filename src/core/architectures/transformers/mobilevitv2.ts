// transformers/models/mobilevitv2/{configuration,modeling}_mobilevitv2.py (4.47)
import { batchNorm, conv2d, groupNorm } from "../../modules/blocks.js";
import { list, module, repeat, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import { InvalidConfigError } from "../../errors.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";
import { stageAt } from "./shared/stage-lists.js";
import { makeDivisible } from "./mobilenet-v2.js";

/** V2's conv layer takes a `bias` flag (off by default) and may drop its BatchNorm. */
function convLayer(inCh: number, out: number, kernel: number, opts: { groups?: number; norm?: boolean; bias?: boolean } = {}): Module {
  const groups = opts.groups ?? 1;
  if (inCh % groups !== 0 || out % groups !== 0) throw new InvalidConfigError(`mobilevitv2: channels ${inCh}/${out} are not divisible by ${groups} groups`);
  return module("MobileViTV2ConvLayer", {
    children: {
      convolution: conv2d(inCh, out, kernel, { groups, bias: opts.bias ?? false }),
      normalization: (opts.norm ?? true) && batchNorm(out),
    },
  });
}

/** Python's `int(round(x))` rounds halves to even. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

function invertedResidual(c: Config, inCh: number, out: number): Module {
  const mid = makeDivisible(roundHalfEven(inCh * c.number("expand_ratio")), 8);
  return module("MobileViTV2InvertedResidual", {
    children: { expand_1x1: convLayer(inCh, mid, 1), conv_3x3: convLayer(mid, mid, 3, { groups: mid }), reduce_1x1: convLayer(mid, out, 1) },
  });
}

function mobileNetLayer(c: Config, inCh: number, out: number, stages: number): Module {
  return module("MobileViTV2MobileNetLayer", {
    children: { layer: list("ModuleList", invertedResidual(c, inCh, out), { module: invertedResidual(c, out, out), count: stages - 1 }) },
  });
}

/** Linear self-attention (1 query channel + key + value from one 1x1 conv) and a conv FFN, GroupNorm(1) around both. */
function transformerLayer(c: Config, d: number): Module {
  const ffn = Math.floor((c.number("ffn_multiplier") * d) / 16) * 16;
  return module("MobileViTV2TransformerLayer", {
    children: {
      layernorm_before: groupNorm(d),
      attention: module("MobileViTV2LinearSelfAttention", {
        children: { qkv_proj: convLayer(d, 1 + 2 * d, 1, { bias: true, norm: false }), out_proj: convLayer(d, d, 1, { bias: true, norm: false }) },
      }),
      layernorm_after: groupNorm(d),
      ffn: module("MobileViTV2FFN", {
        children: { conv1: convLayer(d, ffn, 1, { bias: true, norm: false }), conv2: convLayer(ffn, d, 1, { bias: true, norm: false }) },
      }),
    },
  });
}

/** Always built with stride 2, so every one has a downsampling block. */
function vitLayer(c: Config, inCh: number, out: number, attnDim: number, blocks: number): Module {
  return module("MobileViTV2Layer", {
    children: {
      downsampling_layer: invertedResidual(c, inCh, out),
      conv_kxk: convLayer(out, out, c.positiveInt("conv_kernel_size"), { groups: out }),
      conv_1x1: convLayer(out, attnDim, 1, { norm: false }),
      transformer: module("MobileViTV2Transformer", { children: { layer: repeat(transformerLayer(c, attnDim), blocks) } }),
      layernorm: groupNorm(attnDim),
      conv_projection: convLayer(attnDim, out, 1),
    },
  });
}

export const mobilevitv2: TransformersArchitecture = {
  modelType: "mobilevitv2",
  source: "transformers/models/mobilevitv2/modeling_mobilevitv2.py",
  config: {
    modelType: "mobilevitv2",
    defaults: {
      num_channels: 3, image_size: 256, patch_size: 2, expand_ratio: 2.0, hidden_act: "swish", conv_kernel_size: 3, output_stride: 32,
      classifier_dropout_prob: 0.1, initializer_range: 0.02, layer_norm_eps: 1e-5, aspp_out_channels: 512, atrous_rates: [6, 12, 18],
      aspp_dropout_prob: 0.1, semantic_loss_ignore_index: 255, n_attn_blocks: [2, 4, 3], base_attn_unit_dims: [128, 192, 256],
      width_multiplier: 1.0, ffn_multiplier: 2, attn_dropout: 0.0, ffn_dropout: 0.0,
    },
  },
  models: {
    AutoModel: (c) => {
      const w = c.number("width_multiplier");
      const dim0 = makeDivisible(Math.min(64, Math.max(16, 32 * w)), 8, 16);
      const [d1, d2, d3, d4, d5] = [makeDivisible(64 * w, 16), ...[128, 256, 384, 512].map((v) => makeDivisible(v * w, 8))] as [number, number, number, number, number];
      const attn = (i: number) => makeDivisible(stageAt(c, "base_attn_unit_dims", i) * w, 8);
      const blocks = (i: number) => stageAt(c, "n_attn_blocks", i);
      const layers = [
        mobileNetLayer(c, dim0, d1, 1),
        mobileNetLayer(c, d1, d2, 2),
        vitLayer(c, d2, d3, attn(0), blocks(0)),
        vitLayer(c, d3, d4, attn(1), blocks(1)),
        vitLayer(c, d4, d5, attn(2), blocks(2)),
      ];
      const model = module("MobileViTV2Model", {
        children: {
          conv_stem: convLayer(c.positiveInt("num_channels"), dim0, 3),
          encoder: module("MobileViTV2Encoder", { children: { layer: list("ModuleList", ...layers) } }),
        },
      });
      return built(model, ["MobileViTV2Layer"]);
    },
  },
};
