// transformers/models/clipseg/{configuration,modeling}_clipseg.py (4.47)
import type { TransformersArchitecture } from "../types.js";
import { built, subConfig } from "./shared/build.js";
import { clipTextTransformer, clipVisionTransformer } from "./shared/clip-encoder.js";
import { clipPairModel } from "./shared/clip-pair.js";
import { CLIP_TEXT_DEFAULTS, CLIP_VISION_DEFAULTS } from "./clip.js";

// CLIPSeg's sub-config classes copy CLIP's defaults; AutoModel is the bare CLIPSegModel (no decoder).
export const clipseg: TransformersArchitecture = {
  modelType: "clipseg",
  source: "transformers/models/clipseg/modeling_clipseg.py",
  config: { modelType: "clipseg", defaults: { projection_dim: 512, logit_scale_init_value: 2.6592 } },
  models: {
    AutoModel: (c) => {
      const text = subConfig(c, "text_config", { modelType: "clipseg_text_model", defaults: CLIP_TEXT_DEFAULTS });
      const vision = subConfig(c, "vision_config", { modelType: "clipseg_vision_model", defaults: CLIP_VISION_DEFAULTS });
      const model = clipPairModel("CLIPSegModel", {
        text: clipTextTransformer(text, "CLIPSeg"),
        vision: clipVisionTransformer(vision, "CLIPSeg"),
        textDim: text.positiveInt("hidden_size"),
        visionDim: vision.positiveInt("hidden_size"),
        projection: c.int("projection_dim"),
      });
      return built(model, null);
    },
  },
};
