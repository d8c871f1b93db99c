// transformers/models/pixtral/{configuration,modeling}_pixtral.py (4.47)
import { buffer, module, repeat } from "../../modules/module.js";
import { conv2d, linear, rmsNorm } from "../../modules/blocks.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";
import { gatedMlp } from "./shared/decoder.js";

/** PixtralVisionConfig's defaults (4.47); Mistral 3's vision tower reuses them. */
export const PIXTRAL_DEFAULTS = {
  hidden_size: 1024,
  intermediate_size: 4096,
  num_hidden_layers: 24,
  num_attention_heads: 16,
  num_channels: 3,
  image_size: 1024,
  patch_size: 16,
  hidden_act: "gelu",
  attention_dropout: 0.0,
  rope_theta: 10000.0,
} as const;

export const pixtral: TransformersArchitecture = {
  modelType: "pixtral",
  source: "transformers/models/pixtral/modeling_pixtral.py",
  config: {
    modelType: "pixtral",
    defaults: PIXTRAL_DEFAULTS,
    derive: (c) => c.set("head_dim", c.divisible("hidden_size", "num_attention_heads")),
  },
  models: {
    AutoModel: (c) => {
      const hidden = c.positiveInt("hidden_size");
      const headDim = c.int("head_dim");
      const patch = c.positiveInt("patch_size");
      const side = Math.floor(c.int("image_size") / patch);
      const layer = module("PixtralAttentionLayer", {
        children: {
          attention_norm: rmsNorm("PixtralRMSNorm", hidden),
          feed_forward: gatedMlp("PixtralMLP", hidden, c.int("intermediate_size")),
          attention: module("PixtralAttention", {
            children: {
              k_proj: linear(hidden, hidden, false),
              v_proj: linear(hidden, hidden, false),
              q_proj: linear(hidden, hidden, false),
              o_proj: linear(hidden, hidden, false),
            },
          }),
          ffn_norm: rmsNorm("PixtralRMSNorm", hidden),
        },
      });
      const model = module("PixtralVisionModel", {
        children: {
          patch_conv: conv2d(c.positiveInt("num_channels"), hidden, patch, { bias: false }),
          ln_pre: rmsNorm("PixtralRMSNorm", hidden),
          transformer: module("PixtralTransformer", { children: { layers: repeat(layer, c.int("num_hidden_layers")) } }),
          // 2-D rope: a full head_dim row of frequencies (height half, width half) per patch position.
          patch_positional_embedding: module("PixtralRotaryEmbedding", {
            buffers: { inv_freq: buffer([side * side, headDim], "float32", false) },
          }),
        },
      });
      // Lists the attention's class under a name no module has (PixtralVisionAttention): nothing is kept whole.
      return built(model, ["PixtralVisionAttention"]);
    },
  },
};
