// transformers/models/deit/{configuration,modeling}_deit.py (4.47)
import { module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";
import { ePatchEmbeddings, eVitModel } from "./shared/vit-encoder.js";
import { numPatches, pair, VIT_DEFAULTS, vitLayer } from "./vit.js";

export const deit: TransformersArchitecture = {
  modelType: "deit",
  source: "transformers/models/deit/modeling_deit.py",
  config: { modelType: "deit", defaults: VIT_DEFAULTS },
  models: {
    AutoModel: (c) => {
      const hidden = c.positiveInt("hidden_size");
      // DeiTModel is built with use_mask_token=False; the distillation token takes a second extra position.
      const embeddings = module("DeiTEmbeddings", {
        params: { cls_token: [1, 1, hidden], distillation_token: [1, 1, hidden], position_embeddings: [1, numPatches(c) + 2, hidden] },
        children: { patch_embeddings: ePatchEmbeddings("DeiTPatchEmbeddings", c.positiveInt("num_channels"), hidden, pair(c, "patch_size")) },
      });
      const model = eVitModel("DeiTModel", "DeiT", hidden, { embeddings, layer: vitLayer(c, "DeiT"), layers: c.int("num_hidden_layers"), pooler: true });
      return built(model, ["DeiTLayer"]);
    },
  },
};
