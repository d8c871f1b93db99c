// transformers/models/dpt/{configuration,modeling}_dpt.py (4.47)
import { module } from "../../modules/module.js";
import { InvalidConfigError } from "../../errors.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";
import { ePatchEmbeddings, eVitModel } from "./shared/vit-encoder.js";
import { numPatches, pair, vitLayer } from "./vit.js";

export const dpt: TransformersArchitecture = {
  modelType: "dpt",
  source: "transformers/models/dpt/modeling_dpt.py",
  config: {
    modelType: "dpt",
    defaults: {
      hidden_size: 768, num_hidden_layers: 12, num_attention_heads: 12, intermediate_size: 3072, hidden_act: "gelu",
      layer_norm_eps: 1e-12, image_size: 384, patch_size: 16, num_channels: 3, is_hybrid: false, qkv_bias: true,
      backbone_out_indices: [2, 5, 8, 11], readout_type: "project", reassemble_factors: [4, 2, 1, 0.5],
      neck_hidden_sizes: [96, 192, 384, 768], fusion_hidden_size: 256, head_in_index: -1,
      use_batch_norm_in_fusion_residual: false, use_bias_in_fusion_residual: null, add_projection: false,
      use_auxiliary_head: true, auxiliary_loss_weight: 0.4, semantic_loss_ignore_index: 255, semantic_classifier_dropout: 0.1,
      backbone_featmap_shape: [1, 1024, 24, 24], neck_ignore_stages: [0, 1], backbone_config: null, backbone: null,
      use_pretrained_backbone: false, use_timm_backbone: false, backbone_kwargs: null,
    },
    // Without is_hybrid, __init__ clears the hybrid-only settings.
    derive: (c) => {
      if (!c.bool("is_hybrid")) {
        c.set("backbone_featmap_shape", null);
        c.set("neck_ignore_stages", []);
      }
    },
  },
  models: {
    AutoModel: (c) => {
      // The hybrid variant embeds through a BiT backbone, which is not ported.
      if (c.bool("is_hybrid")) throw new InvalidConfigError(`${c.label}: hybrid DPT (is_hybrid) is not supported`, "is_hybrid");
      const hidden = c.positiveInt("hidden_size");
      const embeddings = module("DPTViTEmbeddings", {
        params: { cls_token: [1, 1, hidden], position_embeddings: [1, numPatches(c) + 1, hidden] },
        children: { patch_embeddings: ePatchEmbeddings("DPTViTPatchEmbeddings", c.positiveInt("num_channels"), hidden, pair(c, "patch_size")) },
      });
      const model = eVitModel("DPTModel", "DPTViT", hidden, { embeddings, layer: vitLayer(c, "DPTViT"), layers: c.int("num_hidden_layers"), pooler: true });
      return built(model, null);
    },
  },
};
