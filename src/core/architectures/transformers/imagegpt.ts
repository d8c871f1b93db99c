// transformers/models/imagegpt/{configuration,modeling}_imagegpt.py (4.47)
import { module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";
import { GPT2_ATTRIBUTE_MAP, gpt2LikeModel } from "./shared/gpt2-like.js";

export const imagegpt: TransformersArchitecture = {
  modelType: "imagegpt",
  source: "transformers/models/imagegpt/modeling_imagegpt.py",
  config: {
    modelType: "imagegpt",
    defaults: {
      vocab_size: 512 + 1,
      n_positions: 32 * 32,
      n_embd: 512,
      n_layer: 24,
      n_head: 8,
      n_inner: null,
      activation_function: "quick_gelu",
      layer_norm_epsilon: 1e-5,
      scale_attn_weights: true,
      tie_word_embeddings: false,
      scale_attn_by_inverse_layer_idx: false,
      reorder_and_upcast_attn: false,
    },
    attributeMap: GPT2_ATTRIBUTE_MAP,
  },
  models: {
    AutoModel: (c) =>
      built(
        // ImageGPTLayerNorm has a weight and no bias.
        gpt2LikeModel(c, { prefix: "ImageGPT", norm: (dim) => module("ImageGPTLayerNorm", { params: { weight: [dim] } }) }),
        ["ImageGPTBlock"],
      ),
  },
};
