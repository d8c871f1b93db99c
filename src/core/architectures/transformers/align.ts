// transformers/models/align/{configuration,modeling}_align.py (4.47)
import { batchNorm, conv2d, linear } from "../../modules/blocks.js";
import { module, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import { InvalidConfigError } from "../../errors.js";
import type { TransformersArchitecture } from "../types.js";
import { BERT_DEFAULTS, bertLikeModel } from "./shared/bert-like.js";
import { built, subConfig } from "./shared/build.js";
import { eIndexedList } from "./shared/vit-encoder.js";

const P = "AlignVision";

/** AlignTextConfig: BERT's defaults (no `classifier_dropout`). */
const textSpec = { modelType: "align_text_model", defaults: BERT_DEFAULTS };

/** AlignVisionConfig: EfficientNet-B7's defaults. */
const visionSpec = {
  modelType: "align_vision_model",
  defaults: {
    num_channels: 3, image_size: 600, width_coefficient: 2.0, depth_coefficient: 3.1, depth_divisor: 8,
    kernel_sizes: [3, 3, 5, 3, 5, 5, 3], in_channels: [32, 16, 24, 40, 80, 112, 192], out_channels: [16, 24, 40, 80, 112, 192, 320],
    depthwise_padding: [], strides: [1, 2, 2, 2, 1, 2, 1], num_block_repeats: [1, 2, 2, 3, 3, 4, 1], expand_ratios: [1, 6, 6, 6, 6, 6, 6],
    squeeze_expansion_ratio: 0.25, hidden_act: "swish", hidden_dim: 2560, pooling_type: "mean", initializer_range: 0.02,
    batch_norm_eps: 1e-3, batch_norm_momentum: 0.99, drop_connect_rate: 0.2,
  },
};

/** round_filters: width scaling rounded to `depth_divisor`, never more than 10% below the scaled value. */
function roundFilters(c: Config, channels: number): number {
  const d = c.positiveInt("depth_divisor");
  const scaled = channels * c.number("width_coefficient");
  let v = Math.max(d, Math.floor(Math.floor(scaled + d / 2) / d) * d);
  if (v < 0.9 * scaled) v += d;
  return Math.floor(v);
}

/** AlignVisionBlock: MBConv (optional expansion, depthwise, squeeze-excite sized from the input, projection). */
function visionBlock(c: Config, inDim: number, outDim: number, ratio: number, kernel: number): Module {
  const expand = ratio !== 1;
  const dw = expand ? inDim * ratio : inDim;
  const se = Math.max(1, Math.floor(inDim * c.number("squeeze_expansion_ratio")));
  return module(`${P}Block`, {
    children: {
      expansion: expand && module(`${P}ExpansionLayer`, { children: { expand_conv: conv2d(inDim, dw, 1, { bias: false }), expand_bn: batchNorm(dw) } }),
      depthwise_conv: module(`${P}DepthwiseLayer`, {
        children: { depthwise_conv: conv2d(dw, dw, kernel, { groups: dw, bias: false, cls: `${P}DepthwiseConv2d` }), depthwise_norm: batchNorm(dw) },
      }),
      squeeze_excite: module(`${P}SqueezeExciteLayer`, { children: { reduce: conv2d(dw, se, 1), expand: conv2d(se, dw, 1) } }),
      projection: module(`${P}FinalBlockLayer`, { children: { project_conv: conv2d(dw, outDim, 1, { bias: false }), project_bn: batchNorm(outDim) } }),
    },
  });
}

/** AlignVisionModel: the EfficientNet stem and blocks only — unlike EfficientNetEncoder there is no top conv. */
function visionModel(c: Config): Module {
  const ins = c.intList("in_channels");
  const outs = c.intList("out_channels");
  const kernels = c.intList("kernel_sizes");
  const ratios = c.list("expand_ratios").map((r) => Number(r));
  const repeats = c.intList("num_block_repeats").map((n) => Math.ceil(c.number("depth_coefficient") * n));
  if ([outs, kernels, ratios, repeats].some((l) => l.length < ins.length)) {
    throw new InvalidConfigError(`${c.label}: per-stage lists must match \`in_channels\``, "in_channels");
  }
  const specs: [number, number, number, number][] = [];
  ins.forEach((inCh, i) => {
    const out = roundFilters(c, outs[i] as number);
    for (let j = 0; j < (repeats[i] as number); j++) specs.push([j === 0 ? roundFilters(c, inCh) : out, out, ratios[i] as number, kernels[i] as number]);
  });
  const stem = roundFilters(c, 32);
  return module(`${P}Model`, {
    children: {
      embeddings: module(`${P}Embeddings`, { children: { convolution: conv2d(c.positiveInt("num_channels"), stem, 3, { bias: false }), batchnorm: batchNorm(stem) } }),
      encoder: module(`${P}Encoder`, {
        children: { blocks: eIndexedList(specs.length, (i) => (specs[i] as number[]).join(","), (i) => visionBlock(c, ...(specs[i] as [number, number, number, number]))) },
      }),
    },
  });
}

export const align: TransformersArchitecture = {
  modelType: "align",
  source: "transformers/models/align/modeling_align.py",
  config: { modelType: "align", defaults: { projection_dim: 640, temperature_init_value: 1.0, initializer_range: 0.02 } },
  models: {
    // AlignModel: learned temperature, both towers, and one text projection (the image embeds are the pooled features).
    AutoModel: (c) => {
      const text = subConfig(c, "text_config", textSpec);
      const vision = subConfig(c, "vision_config", visionSpec);
      const model = module("AlignModel", {
        params: { temperature: [] },
        children: {
          text_model: bertLikeModel(text, "AlignText"),
          vision_model: visionModel(vision),
          text_projection: linear(text.positiveInt("hidden_size"), c.int("projection_dim")),
        },
      });
      return built(model, null);
    },
  },
};
