// transformers/models/ijepa/{configuration,modeling}_ijepa.py (4.47)
import { module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";
import { ePatchEmbeddings, eVitModel } from "./shared/vit-encoder.js";
import { numPatches, pair, VIT_DEFAULTS, vitLayer } from "./vit.js";

const { encoder_stride: _unused, ...IJEPA_DEFAULTS } = VIT_DEFAULTS;

export const ijepa: TransformersArchitecture = {
  modelType: "ijepa",
  source: "transformers/models/ijepa/modeling_ijepa.py",
  config: { modelType: "ijepa", defaults: IJEPA_DEFAULTS },
  models: {
    AutoModel: (c) => {
      const hidden = c.positiveInt("hidden_size");
      // No CLS token: positions cover the patches only. IJepaModel has no pooler by default.
      const embeddings = module("IJepaEmbeddings", {
        params: { position_embeddings: [1, numPatches(c), hidden] },
        children: { patch_embeddings: ePatchEmbeddings("IJepaPatchEmbeddings", c.positiveInt("num_channels"), hidden, pair(c, "patch_size")) },
      });
      const model = eVitModel("IJepaModel", "IJepa", hidden, { embeddings, layer: vitLayer(c, "IJepa"), layers: c.int("num_hidden_layers") });
      return built(model, ["IJepaEmbeddings", "IJepaLayer"]);
    },
  },
};
