// transformers/models/gemma3/{configuration,modeling}_gemma3.py (transformers 5.x): Gemma3Model = SigLIP + projector + text.
import type { Config } from "../../config/config.js";
import { rmsNorm } from "../../modules/blocks.js";
import { module, type Module } from "../../modules/module.js";
import type { ModelBuild, TransformersArchitecture } from "../types.js";
import { built, subConfig } from "./shared/build.js";
import { GEMMA3_NO_SPLIT, GEMMA3_TEXT_CONFIG, gemma3TextModel } from "./gemma3-text.js";
import { SIGLIP_VISION_CONFIG, siglipVisionModel } from "./shared/siglip-vision.js";

function gemma3Model(c: Config): { model: Module; text: Config } {
  const text = subConfig(c, "text_config", GEMMA3_TEXT_CONFIG);
  const vision = subConfig(c, "vision_config", SIGLIP_VISION_CONFIG);
  const visionHidden = vision.positiveInt("hidden_size");
  const model = module("Gemma3Model", {
    children: {
      vision_tower: siglipVisionModel(vision),
      // Projection is a bare [vision, text] matrix, registered before the soft-embedding norm.
      multi_modal_projector: module("Gemma3MultiModalProjector", {
        params: { mm_input_projection_weight: [visionHidden, text.positiveInt("hidden_size")] },
        children: { mm_soft_emb_norm: rmsNorm("Gemma3RMSNorm", visionHidden) },
      }),
      language_model: gemma3TextModel(text),
    },
  });
  return { model, text };
}

/**
 * transformers 5 keeps `_no_split_modules` as a set: the model's own and those of its sub-models, here the SigLIP
 * vision tower's; the oracle lists it sorted.
 */
const GEMMA3_VL_NO_SPLIT = [...GEMMA3_NO_SPLIT, "SiglipEncoderLayer", "SiglipMultiheadAttentionPoolingHead", "SiglipTextEmbeddings", "SiglipVisionEmbeddings"];

/** Gemma3ForConditionalGeneration: the wrapper plus an lm_head tied to the text embeddings when the text config says so. */
function conditionalGeneration(c: Config): ModelBuild {
  const { model, text } = gemma3Model(c);
  const hidden = text.positiveInt("hidden_size");
  const vocab = text.int("vocab_size");
  const head = text.bool("tie_word_embeddings")
    ? module("Linear", { params: { weight: [vocab, hidden] } })
    : module("Linear", { params: { weight: [vocab, hidden] } });
  return built(module("Gemma3ForConditionalGeneration", { children: { model, lm_head: head } }), GEMMA3_VL_NO_SPLIT);
}

export const gemma3: TransformersArchitecture = {
  modelType: "gemma3",
  source: "transformers/models/gemma3/modeling_gemma3.py",
  config: {
    modelType: "gemma3",
    defaults: {
      text_config: null,
      vision_config: null,
      mm_tokens_per_image: 256,
      boi_token_index: 255_999,
      eoi_token_index: 256_000,
      image_token_index: 262_144,
    },
    attributeMap: { image_token_id: "image_token_index", boi_token_id: "boi_token_index", eoi_token_id: "eoi_token_index" },
  },
  models: {
    AutoModel: (c) => built(gemma3Model(c).model, GEMMA3_VL_NO_SPLIT),
    AutoModelForCausalLM: conditionalGeneration,
    AutoModelForImageTextToText: conditionalGeneration,
  },
};
