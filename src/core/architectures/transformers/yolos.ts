// transformers/models/yolos/{configuration,modeling}_yolos.py (4.47)
import { module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";
import { ePatchEmbeddings, eVitModel } from "./shared/vit-encoder.js";
import { numPatches, pair, VIT_DEFAULTS, vitLayer } from "./vit.js";

const { encoder_stride: _unused, ...BASE } = VIT_DEFAULTS;

export const yolos: TransformersArchitecture = {
  modelType: "yolos",
  source: "transformers/models/yolos/modeling_yolos.py",
  config: {
    modelType: "yolos",
    defaults: {
      ...BASE, image_size: [512, 864], num_detection_tokens: 100, use_mid_position_embeddings: true, auxiliary_loss: false,
      class_cost: 1, bbox_cost: 5, giou_cost: 2, bbox_loss_coefficient: 5, giou_loss_coefficient: 2, eos_coefficient: 0.1,
    },
  },
  models: {
    AutoModel: (c) => {
      const hidden = c.positiveInt("hidden_size");
      const layers = c.int("num_hidden_layers");
      // CLS + detection tokens + patches share one position table; the encoder repeats it between layers.
      const tokens = 1 + numPatches(c) + c.int("num_detection_tokens");
      const embeddings = module("YolosEmbeddings", {
        params: { cls_token: [1, 1, hidden], detection_tokens: [1, c.int("num_detection_tokens"), hidden], position_embeddings: [1, tokens, hidden] },
        children: { patch_embeddings: ePatchEmbeddings("YolosPatchEmbeddings", c.positiveInt("num_channels"), hidden, pair(c, "patch_size")) },
      });
      const mid = c.bool("use_mid_position_embeddings") && [Math.max(layers - 1, 0), 1, tokens, hidden];
      const model = eVitModel("YolosModel", "Yolos", hidden, { embeddings, layer: vitLayer(c, "Yolos"), layers, pooler: true, encoderParams: { mid_position_embeddings: mid } });
      return built(model, []);
    },
  },
};
