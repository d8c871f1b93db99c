// transformers/models/univnet/{configuration,modeling}_univnet.py (4.47)
import { conv1d, convTranspose } from "../../modules/blocks.js";
import { list, module, repeat, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import { InvalidConfigError } from "../../errors.js";
import type { TransformersArchitecture } from "../types.js";
import { layerRuns } from "./shared/layer-runs.js";
import { built } from "./shared/build.js";

/** Predicts the location-variable convolution kernels and biases of one block from the mel frames. */
function kernelPredictor(c: Config, kernel: number, blocks: number): Module {
  const hidden = c.positiveInt("model_hidden_channels");
  const channels = c.positiveInt("kernel_predictor_hidden_channels");
  const size = c.int("kernel_predictor_conv_size");
  const residual = module("UnivNetKernelPredictorResidualBlock", {
    children: { conv1: conv1d(channels, channels, size), conv2: conv1d(channels, channels, size) },
  });
  return module("UnivNetKernelPredictor", {
    children: {
      input_conv: conv1d(c.int("num_mel_bins"), channels, 5),
      resblocks: repeat(residual, c.int("kernel_predictor_num_blocks")),
      kernel_conv: conv1d(channels, 2 * hidden * hidden * kernel * blocks, size),
      bias_conv: conv1d(channels, 2 * hidden * blocks, size),
    },
  });
}

function lvcBlock(c: Config, i: number): Module {
  const hidden = c.positiveInt("model_hidden_channels");
  const kernel = c.intList("resblock_kernel_sizes")[i]!;
  const stride = c.intList("resblock_stride_sizes")[i]!;
  const dilations = (c.list("resblock_dilation_sizes")[i] as unknown[]) ?? [];
  const residual = module("UnivNetLvcResidualBlock", { children: { conv: conv1d(hidden, hidden, kernel) } });
  return module("UnivNetLvcBlock", {
    children: {
      convt_pre: convTranspose(hidden, hidden, [2 * stride]),
      kernel_predictor: kernelPredictor(c, kernel, dilations.length),
      resblocks: repeat(residual, dilations.length),
    },
  });
}

export const univnet: TransformersArchitecture = {
  modelType: "univnet",
  source: "transformers/models/univnet/modeling_univnet.py",
  config: {
    modelType: "univnet",
    defaults: {
      model_in_channels: 64,
      model_hidden_channels: 32,
      num_mel_bins: 100,
      resblock_kernel_sizes: [3, 3, 3],
      resblock_stride_sizes: [8, 8, 4],
      resblock_dilation_sizes: [
        [1, 3, 9, 27],
        [1, 3, 9, 27],
        [1, 3, 9, 27],
      ],
      kernel_predictor_num_blocks: 3,
      kernel_predictor_hidden_channels: 64,
      kernel_predictor_conv_size: 3,
      kernel_predictor_dropout: 0.0,
      initializer_range: 0.01,
      leaky_relu_slope: 0.2,
    },
    derive: (c) => {
      const n = c.intList("resblock_kernel_sizes").length;
      if (c.intList("resblock_stride_sizes").length !== n || c.list("resblock_dilation_sizes").length !== n) {
        throw new InvalidConfigError(`${c.label}: the resblock kernel, stride and dilation lists must have the same length`, "resblock_kernel_sizes");
      }
      c.list("resblock_dilation_sizes").forEach((d, i) => {
        if (!Array.isArray(d)) throw new InvalidConfigError(`${c.label}: \`resblock_dilation_sizes[${i}]\` must be a list`, "resblock_dilation_sizes");
      });
    },
  },
  models: {
    AutoModel: (c) => {
      const hidden = c.positiveInt("model_hidden_channels");
      const kernels = c.intList("resblock_kernel_sizes");
      const strides = c.intList("resblock_stride_sizes");
      const dilations = c.list("resblock_dilation_sizes") as unknown[][];
      const key = (i: number) => `${kernels[i]}-${strides[i]}-${dilations[i]!.length}`;
      return built(
        module("UnivNetModel", {
          children: {
            conv_pre: conv1d(c.int("model_in_channels"), hidden, 7),
            resblocks: list("ModuleList", ...layerRuns(c.label, kernels.length, key, (i) => lvcBlock(c, i))),
            conv_post: conv1d(hidden, 1, 7),
          },
        }),
        null,
      );
    },
  },
};
