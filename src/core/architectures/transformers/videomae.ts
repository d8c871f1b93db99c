// transformers/models/videomae/{configuration,modeling}_videomae.py (4.47)
import { conv, layerNorm, linear } from "../../modules/blocks.js";
import { module, repeat } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";
import { eAttention } from "./shared/vit-encoder.js";

export const videomae: TransformersArchitecture = {
  modelType: "videomae",
  source: "transformers/models/videomae/modeling_videomae.py",
  config: {
    modelType: "videomae",
    defaults: {
      image_size: 224, patch_size: 16, num_channels: 3, num_frames: 16, tubelet_size: 2, hidden_size: 768,
      num_hidden_layers: 12, num_attention_heads: 12, intermediate_size: 3072, hidden_act: "gelu", layer_norm_eps: 1e-12,
      qkv_bias: true, use_mean_pooling: true, decoder_num_attention_heads: 6, decoder_hidden_size: 384,
      decoder_num_hidden_layers: 4, decoder_intermediate_size: 1536, norm_pix_loss: true,
    },
  },
  models: {
    AutoModel: (c) => {
      const hidden = c.positiveInt("hidden_size");
      c.divisible("hidden_size", "num_attention_heads");
      const inter = c.int("intermediate_size");
      const p = c.positiveInt("patch_size");
      const qkvBias = c.bool("qkv_bias");
      // Projections carry no bias; q_bias/v_bias are separate Parameters (the key has none).
      const layer = module("VideoMAELayer", {
        children: {
          attention: eAttention("VideoMAE", hidden, { qkvBias: false, selfParams: { q_bias: qkvBias && [hidden], v_bias: qkvBias && [hidden] } }),
          intermediate: module("VideoMAEIntermediate", { children: { dense: linear(hidden, inter) } }),
          output: module("VideoMAEOutput", { children: { dense: linear(inter, hidden) } }),
          layernorm_before: layerNorm(hidden),
          layernorm_after: layerNorm(hidden),
        },
      });
      // The sinusoid position table is a plain tensor attribute, neither Parameter nor buffer.
      const model = module("VideoMAEModel", {
        children: {
          embeddings: module("VideoMAEEmbeddings", {
            children: {
              patch_embeddings: module("VideoMAEPatchEmbeddings", {
                children: { projection: conv(c.positiveInt("num_channels"), hidden, [c.positiveInt("tubelet_size"), p, p]) },
              }),
            },
          }),
          encoder: module("VideoMAEEncoder", { children: { layer: repeat(layer, c.int("num_hidden_layers")) } }),
          layernorm: !c.bool("use_mean_pooling") && layerNorm(hidden),
        },
      });
      return built(model, null);
    },
  },
};
