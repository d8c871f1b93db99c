// transformers/models/vit_mae/{configuration,modeling}_vit_mae.py (4.47)
import { module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";
import { ePatchEmbeddings, eVitModel } from "./shared/vit-encoder.js";
import { numPatches, pair, VIT_DEFAULTS, vitLayer } from "./vit.js";

const { encoder_stride: _unused, ...BASE } = VIT_DEFAULTS;

export const vitMae: TransformersArchitecture = {
  modelType: "vit_mae",
  source: "transformers/models/vit_mae/modeling_vit_mae.py",
  config: {
    modelType: "vit_mae",
    defaults: {
      ...BASE, decoder_num_attention_heads: 16, decoder_hidden_size: 512, decoder_num_hidden_layers: 8,
      decoder_intermediate_size: 2048, mask_ratio: 0.75, norm_pix_loss: false,
    },
  },
  models: {
    AutoModel: (c) => {
      const hidden = c.positiveInt("hidden_size");
      // The fixed sin-cos position table is still a Parameter (requires_grad=False), so it counts.
      const embeddings = module("ViTMAEEmbeddings", {
        params: { cls_token: [1, 1, hidden], position_embeddings: [1, numPatches(c) + 1, hidden] },
        children: { patch_embeddings: ePatchEmbeddings("ViTMAEPatchEmbeddings", c.positiveInt("num_channels"), hidden, pair(c, "patch_size")) },
      });
      const model = eVitModel("ViTMAEModel", "ViTMAE", hidden, { embeddings, layer: vitLayer(c, "ViTMAE"), layers: c.int("num_hidden_layers") });
      return built(model, null);
    },
  },
};
