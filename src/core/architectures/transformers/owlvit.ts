// transformers/models/owlvit/{configuration,modeling}_owlvit.py and owlv2/…_owlv2.py (4.47)
import type { Config } from "../../config/config.js";
import type { TransformersArchitecture } from "../types.js";
import { built, subConfig } from "./shared/build.js";
import { clipTextTransformer, clipVisionTransformer } from "./shared/clip-encoder.js";
import { clipPairModel } from "./shared/clip-pair.js";

const TEXT_DEFAULTS = {
  vocab_size: 49408,
  hidden_size: 512,
  intermediate_size: 2048,
  num_hidden_layers: 12,
  num_attention_heads: 8,
  max_position_embeddings: 16,
  hidden_act: "quick_gelu",
  layer_norm_eps: 1e-5,
  pad_token_id: 0,
  bos_token_id: 49406,
  eos_token_id: 49407,
} as const;

const VISION_DEFAULTS = {
  hidden_size: 768,
  intermediate_size: 3072,
  num_hidden_layers: 12,
  num_attention_heads: 12,
  num_channels: 3,
  image_size: 768,
  patch_size: 32,
  hidden_act: "quick_gelu",
  layer_norm_eps: 1e-5,
} as const;

/** OWL-ViT and OWLv2 are one CLIP copy; OWLv2 only changes the class prefix and the vision patch size. */
function owl(modelType: string, prefix: string, patchSize: number): TransformersArchitecture {
  const vision = (c: Config) =>
    // OWL-ViT spells the pre-encoder norm `pre_layernorm` (CLIP: `pre_layrnorm`).
    clipVisionTransformer(c, prefix, { preNormName: "pre_layernorm" });
  const visionSpec = { modelType: `${modelType}_vision_model`, defaults: { ...VISION_DEFAULTS, patch_size: patchSize } };
  const noSplit = [`${prefix}EncoderLayer`];
  return {
    modelType,
    source: `transformers/models/${modelType}/modeling_${modelType}.py`,
    config: { modelType, defaults: { projection_dim: 512, logit_scale_init_value: 2.6592 } },
    models: {
      AutoModel: (c) => {
        const t = subConfig(c, "text_config", { modelType: `${modelType}_text_model`, defaults: TEXT_DEFAULTS });
        const v = subConfig(c, "vision_config", visionSpec);
        const model = clipPairModel(`${prefix}Model`, {
          text: clipTextTransformer(t, prefix),
          vision: vision(v),
          textDim: t.positiveInt("hidden_size"),
          visionDim: v.positiveInt("hidden_size"),
          projection: c.int("projection_dim"),
        });
        return built(model, noSplit);
      },
    },
  };
}

export const owlvit = owl("owlvit", "OwlViT", 32);
export const owlv2 = owl("owlv2", "Owlv2", 16);
