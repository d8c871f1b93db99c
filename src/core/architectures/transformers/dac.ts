// transformers/models/dac/{configuration,modeling}_dac.py (4.47)
import { conv1d, convTranspose, embedding } from "../../modules/blocks.js";
import { list, module, repeat, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";

/** `Snake1d`: a learned per-channel frequency `alpha` of shape [1, C, 1]. */
const snake = (channels: number) => module("Snake1d", { params: { alpha: [1, channels, 1] } });

function residualUnit(dim: number): Module {
  return module("DacResidualUnit", {
    children: { snake1: snake(dim), conv1: conv1d(dim, dim, 7), snake2: snake(dim), conv2: conv1d(dim, dim, 1) },
  });
}

const residualUnits = (dim: number) => ({ res_unit1: residualUnit(dim), res_unit2: residualUnit(dim), res_unit3: residualUnit(dim) });

function encoder(c: Config): Module {
  let dim = c.positiveInt("encoder_hidden_size");
  const blocks = c.intList("downsampling_ratios").map((stride) => {
    dim *= 2;
    return module("DacEncoderBlock", { children: { ...residualUnits(dim / 2), snake1: snake(dim / 2), conv1: conv1d(dim / 2, dim, 2 * stride) } });
  });
  return module("DacEncoder", {
    children: {
      conv1: conv1d(1, c.positiveInt("encoder_hidden_size"), 7),
      block: list("ModuleList", ...blocks),
      snake1: snake(dim),
      conv2: conv1d(dim, c.positiveInt("hidden_size"), 3),
    },
  });
}

function decoder(c: Config): Module {
  const channels = c.positiveInt("decoder_hidden_size");
  const strides = c.intList("upsampling_ratios");
  const blocks = strides.map((stride, i) => {
    const inDim = Math.floor(channels / 2 ** i);
    const outDim = Math.floor(channels / 2 ** (i + 1));
    return module("DacDecoderBlock", { children: { snake1: snake(inDim), conv_t1: convTranspose(inDim, outDim, [2 * stride]), ...residualUnits(outDim) } });
  });
  const outDim = Math.floor(channels / 2 ** strides.length);
  return module("DacDecoder", {
    children: {
      conv1: conv1d(c.positiveInt("hidden_size"), channels, 7),
      block: list("ModuleList", ...blocks),
      snake1: snake(outDim),
      conv2: conv1d(outDim, 1, 7),
    },
  });
}

function quantizer(c: Config): Module {
  const hidden = c.positiveInt("hidden_size");
  const dim = c.positiveInt("codebook_dim");
  const vq = module("DacVectorQuantize", {
    children: { in_proj: conv1d(hidden, dim, 1), out_proj: conv1d(dim, hidden, 1), codebook: embedding(c.int("codebook_size"), dim) },
  });
  return module("DacResidualVectorQuantize", { children: { quantizers: repeat(vq, c.int("n_codebooks")) } });
}

export const dac: TransformersArchitecture = {
  modelType: "dac",
  source: "transformers/models/dac/modeling_dac.py",
  config: {
    modelType: "dac",
    defaults: {
      encoder_hidden_size: 64,
      downsampling_ratios: [2, 4, 8, 8],
      decoder_hidden_size: 1536,
      n_codebooks: 9,
      codebook_size: 1024,
      codebook_dim: 8,
      quantizer_dropout: 0,
      commitment_loss_weight: 0.25,
      codebook_loss_weight: 1.0,
      sampling_rate: 16000,
      upsampling_ratios: [8, 8, 4, 2],
      hidden_size: 1024,
    },
    derive: (c) => c.set("hop_length", c.intList("downsampling_ratios").reduce((a, b) => a * b, 1)),
  },
  models: { AutoModel: (c) => built(module("DacModel", { children: { encoder: encoder(c), decoder: decoder(c), quantizer: quantizer(c) } }), null) },
};
