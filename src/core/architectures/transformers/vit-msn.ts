// transformers/models/vit_msn/{configuration,modeling}_vit_msn.py (4.47)
import { module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";
import { ePatchEmbeddings, eVitModel } from "./shared/vit-encoder.js";
import { numPatches, pair, VIT_DEFAULTS, vitLayer } from "./vit.js";

const { encoder_stride: _unused, ...BASE } = VIT_DEFAULTS;

export const vitMsn: TransformersArchitecture = {
  modelType: "vit_msn",
  source: "transformers/models/vit_msn/modeling_vit_msn.py",
  config: { modelType: "vit_msn", defaults: { ...BASE, layer_norm_eps: 1e-6 } },
  models: {
    AutoModel: (c) => {
      const hidden = c.positiveInt("hidden_size");
      // ViTMSNModel is built with use_mask_token=False and no pooler.
      const embeddings = module("ViTMSNEmbeddings", {
        params: { cls_token: [1, 1, hidden], position_embeddings: [1, numPatches(c) + 1, hidden] },
        children: { patch_embeddings: ePatchEmbeddings("ViTMSNPatchEmbeddings", c.positiveInt("num_channels"), hidden, pair(c, "patch_size")) },
      });
      const model = eVitModel("ViTMSNModel", "ViTMSN", hidden, { embeddings, layer: vitLayer(c, "ViTMSN"), layers: c.int("num_hidden_layers") });
      return built(model, ["ViTMSNAttention", "ViTMSNSdpaAttention"]);
    },
  },
};
