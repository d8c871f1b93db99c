// transformers/models/flava/{configuration,modeling}_flava.py (4.47)
import { conv2d, layerNorm, linear } from "../../modules/blocks.js";
import { module, repeat, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import type { TransformersArchitecture } from "../types.js";
import { bertEmbeddings } from "./shared/bert-like.js";
import { built, subConfig } from "./shared/build.js";
import { numPatches, pair, vitLayer } from "./vit.js";

const LAYERS = { hidden_size: 768, num_hidden_layers: 12, num_attention_heads: 12, intermediate_size: 3072, hidden_act: "gelu", layer_norm_eps: 1e-12, qkv_bias: true };

const TEXT_SPEC = {
  modelType: "flava_text_model",
  defaults: { ...LAYERS, vocab_size: 30522, type_vocab_size: 2, max_position_embeddings: 512, position_embedding_type: "absolute", pad_token_id: 0 },
};
const IMAGE_SPEC = {
  modelType: "flava_image_model",
  defaults: { ...LAYERS, image_size: 224, patch_size: 16, num_channels: 3, mask_token: true, vocab_size: 8192 },
};
const MULTIMODAL_SPEC = { modelType: "flava_multimodal_model", defaults: { ...LAYERS, num_hidden_layers: 6, use_cls_token: true } };

/** Every FLAVA tower: its embeddings, a ViT-style (pre-norm) encoder, a final LayerNorm and a pooler. */
function tower(c: Config, cls: string, embeddings: Module | false, params: Record<string, number[] | false> = {}): Module {
  const hidden = c.positiveInt("hidden_size");
  return module(cls, {
    params,
    children: {
      embeddings,
      encoder: module("FlavaEncoder", { children: { layer: repeat(vitLayer(c, "Flava"), c.int("num_hidden_layers")) } }),
      layernorm: layerNorm(hidden),
      pooler: module("FlavaPooler", { children: { dense: linear(hidden, hidden) } }),
    },
  });
}

export const flava: TransformersArchitecture = {
  modelType: "flava",
  source: "transformers/models/flava/modeling_flava.py",
  config: { modelType: "flava", defaults: { hidden_size: 768, layer_norm_eps: 1e-12, projection_dim: 768, init_codebook: true, logit_scale_init_value: 2.6592 } },
  models: {
    AutoModel: (c) => {
      const text = subConfig(c, "text_config", TEXT_SPEC);
      const image = subConfig(c, "image_config", IMAGE_SPEC);
      const mm = subConfig(c, "multimodal_config", MULTIMODAL_SPEC);
      const tHidden = text.positiveInt("hidden_size");
      const iHidden = image.positiveInt("hidden_size");
      const mHidden = mm.positiveInt("hidden_size");
      const proj = c.int("projection_dim");
      const imageEmbeddings = module("FlavaImageEmbeddings", {
        params: {
          cls_token: [1, 1, iHidden],
          mask_token: image.bool("mask_token") && [1, 1, iHidden],
          position_embeddings: [1, numPatches(image) + 1, iHidden],
        },
        children: {
          patch_embeddings: module("PatchEmbeddings", { children: { projection: conv2d(image.positiveInt("num_channels"), iHidden, pair(image, "patch_size")) } }),
        },
      });
      const model = module("FlavaModel", {
        params: { logit_scale: [] },
        children: {
          text_model: tower(text, "FlavaTextModel", bertEmbeddings(text, "FlavaText")),
          image_model: tower(image, "FlavaImageModel", imageEmbeddings),
          multimodal_model: tower(mm, "FlavaMultimodalModel", false, { cls_token: mm.bool("use_cls_token") && [1, 1, mHidden] }),
          image_projection: linear(iHidden, proj),
          text_projection: linear(tHidden, proj),
          image_to_mm_projection: linear(iHidden, mHidden),
          text_to_mm_projection: linear(tHidden, mHidden),
        },
      });
      return built(model, null);
    },
  },
};
