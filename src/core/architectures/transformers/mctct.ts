// transformers/models/deprecated/mctct/{configuration,modeling}_mctct.py (4.47)
import { conv1d, embedding, layerNorm, linear } from "../../modules/blocks.js";
import { list, module, repeat, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import { InvalidConfigError } from "../../errors.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";

/** `MCTCTConv1dSubsampler`: the last conv outputs twice the hidden size (a GLU halves it). */
function subsampler(c: Config): Module {
  const kernels = c.intList("conv_kernel");
  const layers = c.int("num_conv_layers");
  const mid = layers > 1 ? c.intList("conv_channels") : [];
  const inChannels = c.int("input_feat_per_channel") * c.int("input_channels");
  const out = 2 * c.positiveInt("hidden_size");
  const convs = kernels.map((k, i) => conv1d(i === 0 ? inChannels : mid[i]!, i < layers - 1 ? mid[i]! : out, k));
  return module("MCTCTConv1dSubsampler", { children: { conv_layers: list("ModuleList", ...convs) } });
}

function layer(c: Config): Module {
  const h = c.positiveInt("hidden_size");
  const inter = c.int("intermediate_size");
  const headDim = c.int("attention_head_dim");
  const all = c.positiveInt("num_attention_heads") * headDim;
  return module("MCTCTLayer", {
    children: {
      intermediate: module("MCTCTIntermediate", { children: { dense: linear(h, inter, false) } }),
      attention: module("MCTCTAttention", {
        children: {
          self: module("MCTCTSelfAttention", {
            children: {
              query: linear(h, all, false),
              key: linear(h, all, false),
              value: linear(h, all, false),
              // Relative distances from -(max - 1) to max - 1.
              distance_embedding: embedding(2 * c.int("max_position_embeddings") - 1, headDim),
            },
          }),
          output: module("MCTCTSelfOutput", { children: { dense: linear(all, h, false), LayerNorm: layerNorm(h) } }),
        },
      }),
      output: module("MCTCTOutput", { children: { dense: linear(inter, h, false), LayerNorm: layerNorm(h) } }),
    },
  });
}

export const mctct: TransformersArchitecture = {
  modelType: "mctct",
  source: "transformers/models/deprecated/mctct/modeling_mctct.py",
  config: {
    modelType: "mctct",
    defaults: {
      vocab_size: 8065,
      hidden_size: 1536,
      num_hidden_layers: 36,
      intermediate_size: 6144,
      num_attention_heads: 4,
      attention_head_dim: 384,
      max_position_embeddings: 920,
      layer_norm_eps: 1e-5,
      hidden_act: "relu",
      pad_token_id: 1,
      bos_token_id: 0,
      eos_token_id: 2,
      conv_glu_dim: 1,
      num_conv_layers: 1,
      conv_kernel: [7],
      conv_stride: [3],
      input_feat_per_channel: 80,
      input_channels: 1,
      conv_channels: null,
    },
    derive: (c) => {
      if (c.intList("conv_kernel").length !== c.int("num_conv_layers")) {
        throw new InvalidConfigError(`${c.label}: \`conv_kernel\` must have \`num_conv_layers\` entries`, "conv_kernel");
      }
    },
  },
  models: {
    AutoModel: (c) =>
      built(
        module("MCTCTModel", {
          children: {
            encoder: module("MCTCTEncoder", {
              children: {
                // A scalar affine pair applied over the whole input.
                layer_norm: module("MCTCTLayerNorm", { params: { singleton_weight: [1], singleton_bias: [1] } }),
                conv: subsampler(c),
                layers: repeat(layer(c), c.int("num_hidden_layers")),
              },
            }),
          },
        }),
        null,
      ),
  },
};
