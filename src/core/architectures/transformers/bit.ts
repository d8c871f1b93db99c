// transformers/models/bit/{configuration,modeling}_bit.py (4.47)
import { conv2d, groupNorm } from "../../modules/blocks.js";
import { list, module, stateless, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import { InvalidConfigError } from "../../errors.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";

/** timm's make_divisible: round to a multiple of 8, never losing more than 10%. */
function makeDiv(value: number, divisor = 8): number {
  let v = Math.max(divisor, Math.floor(Math.floor(value + divisor / 2) / divisor) * divisor);
  if (v < 0.9 * value) v += divisor;
  return v;
}

/** With "SAME" padding, a strided conv pads at run time through a DynamicPad2d child. */
function wsConv(c: Config, inCh: number, out: number, kernel: number, stride = 1, dilation = 1): Module {
  const dynamic = c.get("global_padding") === "SAME" && !(stride === 1 && (dilation * (kernel - 1)) % 2 === 0);
  const conv = conv2d(inCh, out, kernel, { bias: false, cls: "WeightStandardizedConv2d" });
  return dynamic ? { ...conv, children: [["pad", stateless("DynamicPad2d")]] } : conv;
}

/** GroupNorm subclass whose activation (or Identity) is a child, so it is never a leaf itself. */
function gnAct(channels: number): Module {
  const gn = groupNorm(channels, true, "BitGroupNormActivation");
  return { ...gn, children: [["activation", stateless("ReLU")]] };
}

function bitLayer(c: Config, inCh: number, out: number, stride: number, dilation: number, firstDilation: number, first: boolean): Module {
  const mid = makeDiv(out * 0.25);
  const preact = c.string("layer_type") === "preactivation";
  const downsample = first && module("BitDownsampleConv", { children: { conv: wsConv(c, inCh, out, 1, stride), norm: !preact && gnAct(out) } });
  if (preact) {
    return module("BitPreActivationBottleneckLayer", {
      children: {
        downsample, norm1: gnAct(inCh), conv1: wsConv(c, inCh, mid, 1), norm2: gnAct(mid),
        conv2: wsConv(c, mid, mid, 3, stride, firstDilation), norm3: gnAct(mid), conv3: wsConv(c, mid, out, 1),
      },
    });
  }
  return module("BitBottleneckLayer", {
    children: {
      downsample, conv1: wsConv(c, inCh, mid, 1), norm1: gnAct(mid), conv2: wsConv(c, mid, mid, 3, stride, firstDilation),
      norm2: gnAct(mid), conv3: wsConv(c, mid, out, 1), norm3: gnAct(out),
    },
  });
}

export const bit: TransformersArchitecture = {
  modelType: "bit",
  source: "transformers/models/bit/modeling_bit.py",
  config: {
    modelType: "bit",
    defaults: {
      num_channels: 3, embedding_size: 64, hidden_sizes: [256, 512, 1024, 2048], depths: [3, 4, 6, 3], layer_type: "preactivation",
      hidden_act: "relu", global_padding: null, num_groups: 32, drop_path_rate: 0.0, embedding_dynamic_padding: false,
      output_stride: 32, width_factor: 1,
    },
    derive: (c) => {
      const p = c.get("global_padding");
      if (typeof p === "string") c.set("global_padding", p.toUpperCase());
    },
  },
  models: {
    AutoModel: (c) => {
      const sizes = c.intList("hidden_sizes");
      const depths = c.intList("depths");
      if (depths.length > sizes.length) throw new InvalidConfigError(`${c.label}: \`hidden_sizes\` needs one entry per stage`, "hidden_sizes");
      const embed = c.positiveInt("embedding_size");
      const preact = c.string("layer_type") === "preactivation";
      let prev = embed;
      let current = 4;
      let dilation = 1;
      const stages = depths.map((depth, i) => {
        const out = makeDiv((sizes[i] as number) * c.number("width_factor"));
        let stride = i === 0 ? 1 : 2;
        if (current >= c.int("output_stride")) {
          dilation *= stride;
          stride = 1;
        }
        const firstDilation = dilation === 1 || dilation === 2 ? 1 : 2;
        const layers = list(
          "Sequential",
          bitLayer(c, prev, out, stride, dilation, firstDilation, true),
          { module: bitLayer(c, out, out, 1, dilation, dilation, false), count: depth - 1 },
        );
        prev = out;
        current *= stride;
        return module("BitStage", { children: { layers } });
      });
      const model = module("BitModel", {
        children: {
          embedder: module("BitEmbeddings", { children: { convolution: wsConv(c, c.positiveInt("num_channels"), embed, 7, 2), norm: !preact && gnAct(embed) } }),
          encoder: module("BitEncoder", { children: { stages: list("ModuleList", ...stages) } }),
          norm: preact && gnAct(prev),
        },
      });
      return built(model, ["BitEmbeddings"]);
    },
  },
};
