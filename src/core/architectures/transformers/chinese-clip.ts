// transformers/models/chinese_clip/{configuration,modeling}_chinese_clip.py (4.47)
import type { TransformersArchitecture } from "../types.js";
import { module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import { BERT_DEFAULTS, bertLikeModel } from "./shared/bert-like.js";
import { CLIP_VISION_DEFAULTS } from "./clip.js";
import { built, subConfig } from "./shared/build.js";
import { clipVisionTransformer } from "./shared/clip-encoder.js";
import { clipPairModel } from "./shared/clip-pair.js";

// ChineseCLIPTextConfig and ChineseCLIPVisionConfig take BertConfig's and CLIPVisionConfig's defaults.
const TEXT_DEFAULTS = BERT_DEFAULTS;
const VISION_DEFAULTS = CLIP_VISION_DEFAULTS;

const visionSpec = { modelType: "chinese_clip_vision_model", defaults: VISION_DEFAULTS };

// The vision tower's layers are named after the vision side (ChineseCLIPVisionLayer, …Attention, …MLP).
function visionTower(c: Config) {
  const p = "ChineseCLIPVision";
  return clipVisionTransformer(c, "ChineseCLIP", {
    layer: { encoderCls: `${p}Encoder`, layerCls: `${p}Layer`, attentionCls: `${p}Attention`, mlpCls: `${p}MLP` },
  });
}

export const chineseClip: TransformersArchitecture = {
  modelType: "chinese_clip",
  source: "transformers/models/chinese_clip/modeling_chinese_clip.py",
  config: { modelType: "chinese_clip", defaults: { projection_dim: 512, logit_scale_init_value: 2.6592 } },
  models: {
    AutoModel: (c) => {
      const text = subConfig(c, "text_config", { modelType: "chinese_clip_text_model", defaults: TEXT_DEFAULTS });
      const vision = subConfig(c, "vision_config", visionSpec);
      const model = clipPairModel("ChineseCLIPModel", {
        // The text tower is a BERT built without its pooler.
        text: bertLikeModel(text, "ChineseCLIPText", { pooler: false }),
        vision: visionTower(vision),
        textDim: text.positiveInt("hidden_size"),
        visionDim: vision.positiveInt("hidden_size"),
        projection: c.int("projection_dim"),
      });
      return built(model, null);
    },
  },
};

export const chineseClipVisionModel: TransformersArchitecture = {
  modelType: "chinese_clip_vision_model",
  source: "transformers/models/chinese_clip/modeling_chinese_clip.py",
  config: visionSpec,
  models: {
    AutoModel: (c) =>
      built(module("ChineseCLIPVisionModel", { children: { vision_model: visionTower(c) } }), [
        "ChineseCLIPVisionEmbeddings",
        "ChineseCLIPVisionAttention",
      ]),
  },
};
