// transformers/models/patchtst/{configuration,modeling}_patchtst.py (4.47)
import { batchNorm, layerNorm, linear } from "../../modules/blocks.js";
import { list, module, repeat, stateless, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";
import { clipAttention } from "./shared/clip-encoder.js";

const DEFAULTS = {
  num_input_channels: 1,
  context_length: 32,
  distribution_output: "student_t",
  loss: "mse",
  patch_length: 1,
  patch_stride: 1,
  num_hidden_layers: 3,
  d_model: 128,
  num_attention_heads: 4,
  share_embedding: true,
  channel_attention: false,
  ffn_dim: 512,
  norm_type: "batchnorm",
  norm_eps: 1e-5,
  attention_dropout: 0.0,
  positional_dropout: 0.0,
  path_dropout: 0.0,
  ff_dropout: 0.0,
  bias: true,
  activation_function: "gelu",
  pre_norm: true,
  positional_encoding_type: "sincos",
  use_cls_token: false,
  share_projection: true,
  scaling: "std",
  do_mask_input: null,
  mask_type: "random",
  random_mask_ratio: 0.5,
  num_forecast_mask_patches: [2],
  channel_consistent_masking: false,
  unmasked_channel_indices: null,
  mask_value: 0,
  pooling_type: "mean",
  head_dropout: 0.0,
  prediction_length: 24,
  num_targets: 1,
  output_range: null,
  num_parallel_samples: 100,
} as const;

function norm(c: Config, d: number): Module {
  return c.string("norm_type") === "batchnorm"
    ? module("PatchTSTBatchNorm", { children: { batchnorm: batchNorm(d, { cls: "BatchNorm1d" }) } })
    : layerNorm(d);
}

function encoderLayer(c: Config): Module {
  const d = c.positiveInt("d_model");
  const ffn = c.int("ffn_dim");
  const bias = c.bool("bias");
  c.divisible("d_model", "num_attention_heads");
  // Dropouts with rate 0 become Identity; inside the `ff` Sequential they still take an index.
  const drop = (key: string) => stateless(c.number(key) > 0 ? "Dropout" : "Identity");
  const attention = () => clipAttention("PatchTST", d, { bias });
  return module("PatchTSTEncoderLayer", {
    children: {
      self_attn: attention(),
      norm_sublayer1: norm(c, d),
      self_attn2: c.bool("channel_attention") && attention(),
      norm_sublayer2: c.bool("channel_attention") && norm(c, d),
      ff: list("Sequential", linear(d, ffn, bias), stateless("GELUActivation"), drop("ff_dropout"), linear(ffn, d, bias)),
      norm_sublayer3: norm(c, d),
    },
  });
}

export const patchtst: TransformersArchitecture = {
  modelType: "patchtst",
  source: "transformers/models/patchtst/modeling_patchtst.py",
  config: { modelType: "patchtst", defaults: DEFAULTS },
  models: {
    AutoModel: (c) => {
      const d = c.positiveInt("d_model");
      const patch = c.positiveInt("patch_length");
      const stride = c.positiveInt("patch_stride");
      const patches = Math.floor((Math.max(c.int("context_length"), patch) - patch) / stride) + 1;
      const positions = patches + (c.bool("use_cls_token") ? 1 : 0);
      const embed = c.bool("share_embedding")
        ? linear(patch, d)
        : repeat(linear(patch, d), c.positiveInt("num_input_channels"));
      const model = module("PatchTSTModel", {
        children: {
          encoder: module("PatchTSTEncoder", {
            children: {
              embedder: module("PatchTSTEmbedding", { children: { input_embedding: embed } }),
              // Both "random" and "sincos" encodings are Parameters (sincos just frozen).
              positional_encoder: module("PatchTSTPositionalEncoding", {
                params: { cls_token: c.bool("use_cls_token") && [1, 1, d], position_enc: [positions, d] },
                children: { positional_dropout: stateless(c.number("positional_dropout") > 0 ? "Dropout" : "Identity") },
              }),
              layers: repeat(encoderLayer(c), c.int("num_hidden_layers")),
            },
          }),
        },
      });
      return built(model, null);
    },
  },
};
