// transformers/models/altclip/{configuration,modeling}_altclip.py (4.47)
import { layerNorm, linear } from "../../modules/blocks.js";
import { module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { bertLikeModel } from "./shared/bert-like.js";
import { built, subConfig } from "./shared/build.js";
import { clipVisionTransformer } from "./shared/clip-encoder.js";
import { clipPairModel } from "./shared/clip-pair.js";
import { CLIP_VISION_DEFAULTS } from "./clip.js";

const TEXT_DEFAULTS = {
  vocab_size: 250002,
  hidden_size: 1024,
  num_hidden_layers: 24,
  num_attention_heads: 16,
  intermediate_size: 4096,
  hidden_act: "gelu",
  max_position_embeddings: 514,
  type_vocab_size: 1,
  layer_norm_eps: 1e-5,
  pad_token_id: 1,
  bos_token_id: 0,
  eos_token_id: 2,
  position_embedding_type: "absolute",
  use_cache: true,
  project_dim: 768,
} as const;

export const altclip: TransformersArchitecture = {
  modelType: "altclip",
  source: "transformers/models/altclip/modeling_altclip.py",
  config: { modelType: "altclip", defaults: { projection_dim: 768, logit_scale_init_value: 2.6592 } },
  models: {
    AutoModel: (c) => {
      const text = subConfig(c, "text_config", { modelType: "altclip_text_model", defaults: TEXT_DEFAULTS });
      // AltCLIPVisionConfig's defaults are CLIP's.
      const vision = subConfig(c, "vision_config", { modelType: "altclip_vision_model", defaults: CLIP_VISION_DEFAULTS });
      const hidden = text.positiveInt("hidden_size");
      const projectDim = text.int("project_dim");
      // An XLM-R encoder (no pooler), then a projection to `project_dim` and a LayerNorm.
      const textModel = module("AltCLIPTextModel", {
        children: {
          roberta: bertLikeModel(text, "AltRoberta", { pooler: false }),
          transformation: linear(hidden, projectDim),
          pre_LN: layerNorm(hidden),
        },
      });
      const model = clipPairModel("AltCLIPModel", {
        text: textModel,
        vision: clipVisionTransformer(vision, "AltCLIP"),
        textDim: projectDim,
        visionDim: vision.positiveInt("hidden_size"),
        projection: c.int("projection_dim"),
      });
      return built(model, null);
    },
  },
};
