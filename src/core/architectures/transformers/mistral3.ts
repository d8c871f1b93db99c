// transformers/models/mistral3/{configuration,modeling}_mistral3.py (transformers 5.x): pixtral + projector + mistral.
import { resolveConfig, type Config, type ConfigSpec, type RawConfig } from "../../config/config.js";
import { linear, rmsNorm } from "../../modules/blocks.js";
import { module, repeat, type Module } from "../../modules/module.js";
import { InvalidConfigError } from "../../errors.js";
import type { ModelBuild, TransformersArchitecture } from "../types.js";
import { built, headDim } from "./shared/build.js";
import { deriveKvHeads, gatedMlp } from "./shared/decoder.js";
import { currentRotary, gAttention, gLayer, gModel } from "./shared/current-decoder.js";
import { PIXTRAL_VISION_CONFIG, pixtralVisionModel } from "./shared/pixtral-vision.js";

/** MistralConfig's defaults; the text tower is built as current MistralModel (one model-level rotary). */
const MISTRAL_TEXT_CONFIG: ConfigSpec = {
  modelType: "mistral",
  defaults: {
    vocab_size: 32000,
    hidden_size: 4096,
    intermediate_size: 14336,
    num_hidden_layers: 32,
    num_attention_heads: 32,
    num_key_value_heads: 8,
    head_dim: null,
    max_position_embeddings: 4096 * 32,
    rms_norm_eps: 1e-6,
    tie_word_embeddings: false,
    sliding_window: 4096,
  },
  derive: deriveKvHeads,
};

function mistralTextModel(c: Config): Module {
  const hidden = c.positiveInt("hidden_size");
  const norm = () => rmsNorm("MistralRMSNorm", hidden);
  const layer = gLayer("MistralDecoderLayer", gAttention(c, "MistralAttention"), gatedMlp("MistralMLP", hidden, c.int("intermediate_size")), norm);
  return gModel(c, "MistralModel", repeat(layer, c.int("num_hidden_layers")), norm(), currentRotary("MistralRotaryEmbedding", headDim(c)));
}

/** Mistral3Config.__init__ builds these when a sub-config is absent: Mistral Small 3.1's towers, not the class defaults. */
const ABSENT_VISION = { intermediate_size: 4096, hidden_size: 1024, patch_size: 14, image_size: 1540, num_hidden_layers: 24, num_attention_heads: 16, head_dim: 64, hidden_act: "gelu" };
const ABSENT_TEXT = {
  head_dim: 128,
  hidden_size: 5120,
  intermediate_size: 32768,
  max_position_embeddings: 131072,
  num_attention_heads: 32,
  num_hidden_layers: 40,
  num_key_value_heads: 8,
  rms_norm_eps: 1e-5,
  sliding_window: null,
  vocab_size: 131072,
};

function towerConfig(c: Config, key: string, expected: string, absent: RawConfig, spec: ConfigSpec): Config {
  const raw = c.object(key);
  const type = raw?.model_type ?? expected;
  if (type !== expected) {
    throw new InvalidConfigError(`${c.label}.${key}: model_type \`${String(type)}\` is not supported inside mistral3 (only ${expected})`, key);
  }
  return resolveConfig((raw ?? absent) as RawConfig, spec, `${c.label}.${key}`);
}

/** transformers 5 keeps `_no_split_modules` as the set of its own and its sub-models' (text and vision tower). */
const MISTRAL3_NO_SPLIT = ["MistralDecoderLayer", "PixtralAttentionLayer"];

function mistral3Model(c: Config): { model: Module; text: Config } {
  const vision = towerConfig(c, "vision_config", "pixtral", ABSENT_VISION, PIXTRAL_VISION_CONFIG);
  const text = towerConfig(c, "text_config", "mistral", ABSENT_TEXT, MISTRAL_TEXT_CONFIG);
  const visionHidden = vision.positiveInt("hidden_size");
  const textHidden = text.positiveInt("hidden_size");
  const merge = c.positiveInt("spatial_merge_size");
  const layers = Array.isArray(c.get("vision_feature_layer")) ? c.list("vision_feature_layer").length : 1;
  const bias = c.bool("multimodal_projector_bias");
  const model = module("Mistral3Model", {
    children: {
      vision_tower: pixtralVisionModel(vision),
      multi_modal_projector: module("Mistral3MultiModalProjector", {
        children: {
          norm: rmsNorm("Mistral3RMSNorm", visionHidden),
          // Merges each spatial_merge_size² block of patches into one vector before projecting.
          patch_merger: module("Mistral3PatchMerger", { children: { merging_layer: linear(visionHidden * merge * merge, visionHidden, false) } }),
          linear_1: linear(visionHidden * layers, textHidden, bias),
          linear_2: linear(textHidden, textHidden, bias),
        },
      }),
      language_model: mistralTextModel(text),
    },
  });
  return { model, text };
}

function conditionalGeneration(c: Config): ModelBuild {
  const { model, text } = mistral3Model(c);
  const hidden = text.positiveInt("hidden_size");
  const vocab = text.int("vocab_size");
  // Tying follows the text config, as `get_text_config().tie_word_embeddings` decides.
  const head = linear(hidden, vocab, false);
  return built(module("Mistral3ForConditionalGeneration", { children: { model, lm_head: head } }), MISTRAL3_NO_SPLIT);
}

export const mistral3: TransformersArchitecture = {
  modelType: "mistral3",
  source: "transformers/models/mistral3/modeling_mistral3.py",
  config: {
    modelType: "mistral3",
    defaults: {
      vision_config: null,
      text_config: null,
      image_token_index: 10,
      projector_hidden_act: "gelu",
      vision_feature_layer: -1,
      multimodal_projector_bias: false,
      spatial_merge_size: 2,
    },
    attributeMap: { image_token_id: "image_token_index" },
  },
  models: {
    AutoModel: (c) => built(mistral3Model(c).model, MISTRAL3_NO_SPLIT),
    AutoModelForImageTextToText: conditionalGeneration,
  },
};
