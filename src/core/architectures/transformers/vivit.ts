// transformers/models/vivit/{configuration,modeling}_vivit.py (4.47)
import { conv } from "../../modules/blocks.js";
import { module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";
import { eVitModel } from "./shared/vit-encoder.js";
import { vitLayer } from "./vit.js";

export const vivit: TransformersArchitecture = {
  modelType: "vivit",
  source: "transformers/models/vivit/modeling_vivit.py",
  config: {
    modelType: "vivit",
    defaults: {
      image_size: 224, num_frames: 32, tubelet_size: [2, 16, 16], num_channels: 3, hidden_size: 768, num_hidden_layers: 12,
      num_attention_heads: 12, intermediate_size: 3072, hidden_act: "gelu_fast", layer_norm_eps: 1e-6, qkv_bias: true,
    },
  },
  models: {
    AutoModel: (c) => {
      const hidden = c.positiveInt("hidden_size");
      const [t, h, w] = c.intList("tubelet_size") as [number, number, number];
      const size = c.int("image_size");
      const patches = Math.floor(size / w) * Math.floor(size / h) * Math.floor(c.int("num_frames") / t);
      const embeddings = module("VivitEmbeddings", {
        params: { cls_token: [1, 1, hidden], position_embeddings: [1, patches + 1, hidden] },
        children: {
          patch_embeddings: module("VivitTubeletEmbeddings", { children: { projection: conv(c.positiveInt("num_channels"), hidden, [t, h, w]) } }),
        },
      });
      const model = eVitModel("VivitModel", "Vivit", hidden, { embeddings, layer: vitLayer(c, "Vivit"), layers: c.int("num_hidden_layers"), pooler: true });
      return built(model, []);
    },
  },
};
