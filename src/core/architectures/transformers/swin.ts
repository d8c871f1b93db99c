// transformers/models/{swin,donut,maskformer,swinv2}/{configuration,modeling}_*swin*.py (4.47)
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";
import { deriveSwin, SWIN_DEFAULTS, swinModel } from "./shared/swin-blocks.js";

export const swin: TransformersArchitecture = {
  modelType: "swin",
  source: "transformers/models/swin/modeling_swin.py",
  config: { modelType: "swin", defaults: { ...SWIN_DEFAULTS, encoder_stride: 32 }, derive: deriveSwin },
  models: { AutoModel: (c) => built(swinModel("Swin", c), ["SwinStage"]) },
};

export const donutSwin: TransformersArchitecture = {
  modelType: "donut-swin",
  source: "transformers/models/donut/modeling_donut_swin.py",
  config: { modelType: "donut-swin", defaults: SWIN_DEFAULTS, derive: deriveSwin },
  // DonutSwinModel ends at the encoder: no final LayerNorm.
  models: { AutoModel: (c) => built(swinModel("DonutSwin", c, { layernorm: false }), ["DonutSwinStage"]) },
};

export const maskformerSwin: TransformersArchitecture = {
  modelType: "maskformer-swin",
  source: "transformers/models/maskformer/modeling_maskformer_swin.py",
  config: { modelType: "maskformer-swin", defaults: SWIN_DEFAULTS, derive: deriveSwin },
  models: { AutoModel: (c) => built(swinModel("MaskFormerSwin", c), ["MaskFormerSwinStage"]) },
};

export const swinv2: TransformersArchitecture = {
  modelType: "swinv2",
  source: "transformers/models/swinv2/modeling_swinv2.py",
  config: {
    modelType: "swinv2",
    defaults: { ...SWIN_DEFAULTS, encoder_stride: 32, pretrained_window_sizes: [0, 0, 0, 0] },
    derive: deriveSwin,
  },
  models: { AutoModel: (c) => built(swinModel("Swinv2", c, { v2: true }), ["Swinv2Stage"]) },
};
