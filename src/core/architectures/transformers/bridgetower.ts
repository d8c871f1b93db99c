// transformers/models/bridgetower/{configuration,modeling}_bridgetower.py (4.47)
import { embedding, layerNorm, linear } from "../../modules/blocks.js";
import { module, repeat, stateless, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import type { TransformersArchitecture } from "../types.js";
import { BERT_DEFAULTS, bertAttention, bertEmbeddings, bertLayer, bertPooler } from "./shared/bert-like.js";
import { built, subConfig } from "./shared/build.js";
import { clipVisionEmbeddings, multiheadAttention } from "./shared/clip-encoder.js";

const VISION_SPEC = {
  modelType: "bridgetower_vision_model",
  defaults: { hidden_size: 768, num_hidden_layers: 12, num_channels: 3, patch_size: 16, image_size: 288, layer_norm_eps: 1e-5, stop_gradient: false, share_layernorm: true, remove_last_layer: false },
};
const TEXT_SPEC = {
  modelType: "bridgetower_text_model",
  defaults: { ...BERT_DEFAULTS, vocab_size: 50265, max_position_embeddings: 514, type_vocab_size: 1, layer_norm_eps: 1e-5, pad_token_id: 1, bos_token_id: 0, eos_token_id: 2 },
};
const DEFAULTS = {
  share_cross_modal_transformer_layers: true,
  hidden_act: "gelu",
  hidden_size: 768,
  layer_norm_eps: 1e-5,
  share_link_tower_layers: false,
  link_tower_type: "add",
  num_attention_heads: 12,
  num_hidden_layers: 6,
  tie_word_embeddings: false,
  init_layernorm_from_vision_encoder: false,
};

/** The OpenAI-CLIP-style visual tower: nn.MultiheadAttention blocks with a ModuleDict MLP. */
function visual(v: Config): Module {
  const h = v.positiveInt("hidden_size");
  const layers = v.int("num_hidden_layers");
  // heads = hidden // 64, as the original CLIP.
  if (Math.floor(h / 64) < 1) v.positiveInt("hidden_size");
  const block = module("BridgeTowerResidualAttention", {
    children: {
      attn: multiheadAttention(h),
      ln_1: layerNorm(h),
      mlp: module("ModuleDict", { children: { c_fc: linear(h, 4 * h), gelu: stateless("QuickGELUActivation"), c_proj: linear(4 * h, h) } }),
      ln_2: layerNorm(h),
    },
  });
  return module("BridgeTowerVisionTransformer", {
    children: {
      embeddings: clipVisionEmbeddings(v, "BridgeTower"),
      ln_pre: layerNorm(h),
      transformer: module("BridgeTowerTransformer", {
        children: { resblocks: repeat(block, v.bool("remove_last_layer") ? layers - 1 : layers) },
      }),
      ln_post: layerNorm(h),
      cross_modal_ln_separate: !v.bool("share_layernorm") && repeat(layerNorm(h), layers),
    },
  });
}

function linkTower(c: Config, h: number): Module {
  const type = c.string("link_tower_type");
  return module("BridgeTowerLinkTower", {
    params: { scaled_factor: type === "scaled_add" && [], beta: type === "interpolate" && [] },
    children: { LayerNorm: layerNorm(h) },
  });
}

export const bridgetower: TransformersArchitecture = {
  modelType: "bridgetower",
  source: "transformers/models/bridgetower/modeling_bridgetower.py",
  config: { modelType: "bridgetower", defaults: DEFAULTS },
  models: {
    AutoModel: (c) => {
      const vision = subConfig(c, "vision_config", VISION_SPEC);
      const text = subConfig(c, "text_config", TEXT_SPEC);
      const h = c.positiveInt("hidden_size");
      const n = c.int("num_hidden_layers");
      const tH = text.positiveInt("hidden_size");
      const vH = vision.positiveInt("hidden_size");
      const shared = c.bool("share_cross_modal_transformer_layers");
      const transform = (from: number) => (shared ? linear(from, h) : repeat(linear(from, h), n));
      // The cross-modal layers are BERT layers with cross-attention, built from the text config.
      const crossLayer = module("BridgeTowerBertCrossLayer", {
        children: {
          attention: bertAttention(text, "BridgeTower"),
          crossattention: bertAttention(text, "BridgeTower"),
          intermediate: module("BridgeTowerIntermediate", { children: { dense: linear(tH, text.int("intermediate_size")) } }),
          output: module("BridgeTowerOutput", { children: { dense: linear(text.int("intermediate_size"), tH), LayerNorm: layerNorm(tH) } }),
        },
      });
      const textLayer = { ...bertLayer(text, "BridgeTower"), cls: "BridgeTowerTextLayer" };
      const links = () => (c.bool("share_link_tower_layers") ? linkTower(c, h) : repeat(linkTower(c, h), Math.max(n - 1, 0)));
      const model = module("BridgeTowerModel", {
        children: {
          cross_modal_text_transform: transform(tH),
          cross_modal_image_transform: transform(vH),
          token_type_embeddings: embedding(2, h),
          vision_model: module("BridgeTowerVisionModel", { children: { visual: visual(vision) } }),
          text_model: module("BridgeTowerTextModel", {
            children: {
              embeddings: bertEmbeddings(text, "BridgeTowerText"),
              encoder: module("BridgeTowerTextEncoder", { children: { layer: repeat(textLayer, text.int("num_hidden_layers")) } }),
              pooler: bertPooler(text, "BridgeTower"),
            },
          }),
          cross_modal_image_layers: repeat(crossLayer, n),
          cross_modal_text_layers: repeat(crossLayer, n),
          cross_modal_image_pooler: module("BridgeTowerPooler", { children: { dense: linear(h, h) } }),
          cross_modal_text_pooler: module("BridgeTowerPooler", { children: { dense: linear(h, h) } }),
          cross_modal_text_layernorm: layerNorm(h),
          cross_modal_image_layernorm: layerNorm(h),
          cross_modal_text_link_tower: links(),
          cross_modal_image_link_tower: links(),
        },
      });
      return built(model, ["BridgeTowerSelfAttention", "BridgeTowerResidualAttention"]);
    },
  },
};

