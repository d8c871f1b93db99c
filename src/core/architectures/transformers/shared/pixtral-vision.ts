// transformers/models/pixtral/{configuration,modeling}_pixtral.py (transformers 5.x): the vision tower Mistral 3 builds.
import type { Config, ConfigSpec } from "../../../config/config.js";
import { conv2d, linear, rmsNorm } from "../../../modules/blocks.js";
import { buffer, module, repeat, type Module } from "../../../modules/module.js";
import { gatedMlp } from "./decoder.js";
import { PIXTRAL_DEFAULTS } from "../pixtral.js";

export const PIXTRAL_VISION_CONFIG: ConfigSpec = {
  modelType: "pixtral",
  defaults: { ...PIXTRAL_DEFAULTS, head_dim: null },
  derive: (c) => c.setDefault("head_dim", c.divisible("hidden_size", "num_attention_heads")),
};

export function pixtralVisionModel(c: Config): Module {
  const hidden = c.positiveInt("hidden_size");
  const patch = c.positiveInt("patch_size");
  const norm = () => rmsNorm("PixtralRMSNorm", hidden);
  const layer = module("PixtralAttentionLayer", {
    children: {
      attention_norm: norm(),
      feed_forward: gatedMlp("PixtralMLP", hidden, c.int("intermediate_size")),
      attention: module("PixtralAttention", {
        children: {
          k_proj: linear(hidden, hidden, false),
          v_proj: linear(hidden, hidden, false),
          q_proj: linear(hidden, hidden, false),
          o_proj: linear(hidden, hidden, false),
        },
      }),
      ffn_norm: norm(),
    },
  });
  // transformers 5.18's axial RoPE keeps only the frequencies (arange(0, head_dim, 2)) and their copy; earlier
  // releases precomputed a row per patch position.
  const table = [Math.ceil(c.positiveInt("head_dim") / 2)];
  return module("PixtralVisionModel", {
    children: {
      patch_conv: conv2d(c.positiveInt("num_channels"), hidden, patch, { bias: false }),
      ln_pre: norm(),
      transformer: module("PixtralTransformer", { children: { layers: repeat(layer, c.int("num_hidden_layers")) } }),
      patch_positional_embedding: module("PixtralVisionRotaryEmbedding", {
        buffers: { inv_freq: buffer(table, "float32", false), original_inv_freq: buffer(table, "float32", false) },
      }),
    },
  });
}
