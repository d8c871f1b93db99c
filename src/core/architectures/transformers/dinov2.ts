// transformers/models/dinov2/{configuration,modeling}_dinov2.py (4.47)
import { layerNorm, linear } from "../../modules/blocks.js";
import { module, repeat } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";
import { eAttention, ePatchEmbeddings } from "./shared/vit-encoder.js";
import { numPatches, pair } from "./vit.js";

function dinov2Layer(c: Config) {
  const hidden = c.positiveInt("hidden_size");
  c.divisible("hidden_size", "num_attention_heads");
  const mlpHidden = Math.floor(hidden * c.number("mlp_ratio"));
  // SwiGLU rounds 2/3 of the MLP width up to a multiple of 8.
  const swiHidden = Math.floor((Math.floor((mlpHidden * 2) / 3) + 7) / 8) * 8;
  const scale = () => module("Dinov2LayerScale", { params: { lambda1: [hidden] } });
  return module("Dinov2Layer", {
    children: {
      norm1: layerNorm(hidden),
      attention: eAttention("Dinov2", hidden, { qkvBias: c.bool("qkv_bias") }),
      layer_scale1: scale(),
      norm2: layerNorm(hidden),
      mlp: c.bool("use_swiglu_ffn")
        ? module("Dinov2SwiGLUFFN", { children: { weights_in: linear(hidden, 2 * swiHidden), weights_out: linear(swiHidden, hidden) } })
        : module("Dinov2MLP", { children: { fc1: linear(hidden, mlpHidden), fc2: linear(mlpHidden, hidden) } }),
      layer_scale2: scale(),
    },
  });
}

export const dinov2: TransformersArchitecture = {
  modelType: "dinov2",
  source: "transformers/models/dinov2/modeling_dinov2.py",
  config: {
    modelType: "dinov2",
    defaults: {
      hidden_size: 768, num_hidden_layers: 12, num_attention_heads: 12, mlp_ratio: 4, hidden_act: "gelu",
      layer_norm_eps: 1e-6, image_size: 224, patch_size: 14, num_channels: 3, qkv_bias: true, layerscale_value: 1.0,
      drop_path_rate: 0.0, use_swiglu_ffn: false, apply_layernorm: true, reshape_hidden_states: true,
    },
  },
  models: {
    AutoModel: (c) => {
      const hidden = c.positiveInt("hidden_size");
      const model = module("Dinov2Model", {
        children: {
          // 4.47 always registers a mask token, shaped [1, hidden].
          embeddings: module("Dinov2Embeddings", {
            params: { cls_token: [1, 1, hidden], mask_token: [1, hidden], position_embeddings: [1, numPatches(c) + 1, hidden] },
            children: { patch_embeddings: ePatchEmbeddings("Dinov2PatchEmbeddings", c.positiveInt("num_channels"), hidden, pair(c, "patch_size")) },
          }),
          encoder: module("Dinov2Encoder", { children: { layer: repeat(dinov2Layer(c), c.int("num_hidden_layers")) } }),
          layernorm: layerNorm(hidden),
        },
      });
      return built(model, ["Dinov2SwiGLUFFN"]);
    },
  },
};
