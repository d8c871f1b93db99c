// transformers/models/efficientnet/{configuration,modeling}_efficientnet.py (4.47)
import { batchNorm, conv2d } from "../../modules/blocks.js";
import { list, module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import { InvalidConfigError } from "../../errors.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";

/** Width scaling rounded to `depth_divisor`, never more than 10% below the scaled value. */
function roundFilters(c: Config, channels: number): number {
  const d = c.positiveInt("depth_divisor");
  const scaled = channels * c.number("width_coefficient");
  let v = Math.max(d, Math.floor(Math.floor(scaled + d / 2) / d) * d);
  if (v < 0.9 * scaled) v += d;
  return v;
}

function block(c: Config, inDim: number, outDim: number, expandRatio: number, kernel: number) {
  const expand = expandRatio !== 1;
  const mid = inDim * expandRatio;
  const se = Math.max(1, Math.floor(inDim * c.number("squeeze_expansion_ratio")));
  const dw = expand ? mid : inDim;
  return module("EfficientNetBlock", {
    children: {
      expansion: expand && module("EfficientNetExpansionLayer", { children: { expand_conv: conv2d(inDim, mid, 1, { bias: false }), expand_bn: batchNorm(mid) } }),
      depthwise_conv: module("EfficientNetDepthwiseLayer", {
        children: {
          depthwise_conv: conv2d(dw, dw, kernel, { groups: dw, bias: false, cls: "EfficientNetDepthwiseConv2d" }),
          depthwise_norm: batchNorm(dw),
        },
      }),
      squeeze_excite: module("EfficientNetSqueezeExciteLayer", { children: { reduce: conv2d(dw, se, 1), expand: conv2d(se, dw, 1) } }),
      projection: module("EfficientNetFinalBlockLayer", { children: { project_conv: conv2d(dw, outDim, 1, { bias: false }), project_bn: batchNorm(outDim) } }),
    },
  });
}

export const efficientnet: TransformersArchitecture = {
  modelType: "efficientnet",
  source: "transformers/models/efficientnet/modeling_efficientnet.py",
  config: {
    modelType: "efficientnet",
    defaults: {
      num_channels: 3, image_size: 600, width_coefficient: 2.0, depth_coefficient: 3.1, depth_divisor: 8,
      kernel_sizes: [3, 3, 5, 3, 5, 5, 3], in_channels: [32, 16, 24, 40, 80, 112, 192], out_channels: [16, 24, 40, 80, 112, 192, 320],
      depthwise_padding: [], strides: [1, 2, 2, 2, 1, 2, 1], num_block_repeats: [1, 2, 2, 3, 3, 4, 1], expand_ratios: [1, 6, 6, 6, 6, 6, 6],
      squeeze_expansion_ratio: 0.25, hidden_act: "swish", hidden_dim: 2560, pooling_type: "mean", initializer_range: 0.02,
      batch_norm_eps: 1e-3, batch_norm_momentum: 0.99, dropout_rate: 0.5, drop_connect_rate: 0.2,
    },
    derive: (c) => c.set("num_hidden_layers", c.intList("num_block_repeats").reduce((a, b) => a + b, 0) * 4),
  },
  models: {
    AutoModel: (c) => {
      const ins = c.intList("in_channels");
      const outs = c.intList("out_channels");
      const kernels = c.intList("kernel_sizes");
      const ratios = c.list("expand_ratios").map((r) => Number(r));
      // `round_repeats`: int(math.ceil(depth_coefficient * n)); Python's int() refuses inf/nan, range() of a negative is empty.
      const repeats = c.intList("num_block_repeats").map((n) => {
        const r = Math.ceil(c.number("depth_coefficient") * n);
        if (!Number.isSafeInteger(r)) throw new InvalidConfigError(`${c.label}: \`depth_coefficient\` × \`num_block_repeats\` gives ${r} blocks`, "depth_coefficient");
        return Math.max(0, r);
      });
      if ([outs, kernels, ratios, repeats].some((l) => l.length < ins.length)) {
        throw new InvalidConfigError(`${c.label}: per-stage lists must match \`in_channels\``, "in_channels");
      }
      // Per stage: the first block changes width, the other repeats are identical (a run, never one spec per block).
      const specs: { spec: [number, number, number, number]; count: number }[] = [];
      ins.forEach((inCh, i) => {
        const out = roundFilters(c, outs[i] as number);
        const n = repeats[i] as number;
        if (n >= 1) specs.push({ spec: [roundFilters(c, inCh), out, ratios[i] as number, kernels[i] as number], count: 1 });
        if (n >= 2) specs.push({ spec: [out, out, ratios[i] as number, kernels[i] as number], count: n - 1 });
      });
      const lastOut = specs.length > 0 ? (specs[specs.length - 1] as { spec: number[] }).spec[1] as number : roundFilters(c, ins[ins.length - 1] ?? 0);
      const stem = roundFilters(c, 32);
      const model = module("EfficientNetModel", {
        children: {
          embeddings: module("EfficientNetEmbeddings", { children: { convolution: conv2d(c.positiveInt("num_channels"), stem, 3, { bias: false }), batchnorm: batchNorm(stem) } }),
          encoder: module("EfficientNetEncoder", {
            children: {
              blocks: list("ModuleList", ...specs.map(({ spec, count }) => ({ module: block(c, ...spec), count }))),
              top_conv: conv2d(lastOut, roundFilters(c, 1280), 1, { bias: false }),
              top_bn: batchNorm(c.positiveInt("hidden_dim")),
            },
          }),
        },
      });
      return built(model, []);
    },
  },
};
