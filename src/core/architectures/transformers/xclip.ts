// transformers/models/x_clip/{configuration,modeling}_x_clip.py (4.47)
import { layerNorm, linear } from "../../modules/blocks.js";
import { list, module, repeat, stateless } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import type { TransformersArchitecture } from "../types.js";
import { built, subConfig } from "./shared/build.js";
import { clipAttention, clipEncoder, clipMlp, clipTextTransformer, clipVisionEmbeddings } from "./shared/clip-encoder.js";
import { clipPairModel } from "./shared/clip-pair.js";
import { CLIP_TEXT_DEFAULTS } from "./clip.js";

const VISION_DEFAULTS = {
  hidden_size: 768,
  intermediate_size: 3072,
  num_hidden_layers: 12,
  num_attention_heads: 12,
  mit_hidden_size: 512,
  mit_intermediate_size: 2048,
  mit_num_hidden_layers: 1,
  mit_num_attention_heads: 8,
  num_channels: 3,
  image_size: 224,
  patch_size: 32,
  num_frames: 8,
  hidden_act: "quick_gelu",
  layer_norm_eps: 1e-5,
  drop_path_rate: 0.0,
} as const;

const DEFAULTS = {
  projection_dim: 512,
  prompt_layers: 2,
  prompt_alpha: 0.1,
  prompt_hidden_act: "quick_gelu",
  prompt_num_attention_heads: 8,
  logit_scale_init_value: 2.6592,
} as const;

/** The frame encoder: each layer first exchanges a per-frame message token (message_fc/ln/attn). */
function visionTower(c: Config) {
  const hidden = c.positiveInt("hidden_size");
  c.divisible("hidden_size", "num_attention_heads");
  const layer = module("XCLIPVisionEncoderLayer", {
    children: {
      message_fc: linear(hidden, hidden),
      message_ln: layerNorm(hidden),
      message_attn: clipAttention("XCLIP", hidden),
      self_attn: clipAttention("XCLIP", hidden),
      layer_norm1: layerNorm(hidden),
      mlp: clipMlp("XCLIP", hidden, c.int("intermediate_size")),
      layer_norm2: layerNorm(hidden),
    },
  });
  return module("XCLIPVisionTransformer", {
    children: {
      embeddings: clipVisionEmbeddings(c, "XCLIP"),
      pre_layernorm: layerNorm(hidden),
      encoder: module("XCLIPVisionEncoder", { children: { layers: repeat(layer, c.int("num_hidden_layers")) } }),
      post_layernorm: layerNorm(hidden),
    },
  });
}

function xclipModel(c: Config) {
  const text = subConfig(c, "text_config", { modelType: "xclip_text_model", defaults: CLIP_TEXT_DEFAULTS });
  const vision = subConfig(c, "vision_config", { modelType: "xclip_vision_model", defaults: VISION_DEFAULTS });
  const visionDim = vision.positiveInt("hidden_size");
  const proj = c.int("projection_dim");
  // The multi-frame integration transformer is a CLIP encoder on a copy of the vision config with the mit_* sizes.
  const mit = subConfig(c, "vision_config", { modelType: "xclip_vision_model", defaults: VISION_DEFAULTS });
  mit.set("hidden_size", vision.get("mit_hidden_size"));
  mit.set("intermediate_size", vision.get("mit_intermediate_size"));
  mit.set("num_hidden_layers", vision.get("mit_num_hidden_layers"));
  mit.set("num_attention_heads", vision.get("mit_num_attention_heads"));
  const mitHidden = mit.positiveInt("hidden_size");
  c.divisible("projection_dim", "prompt_num_attention_heads");
  const promptLayer = module("PromptGeneratorLayer", {
    children: {
      cross_attn: module("XCLIPCrossAttention", {
        children: { q_proj: linear(proj, proj, false), k_proj: linear(proj, proj, false), v_proj: linear(proj, proj, false), proj: linear(proj, proj) },
      }),
      norm1: layerNorm(proj),
      norm3: layerNorm(proj),
      mlp: list("Sequential", linear(proj, proj * 4), stateless("QuickGELUActivation"), stateless("Dropout"), linear(proj * 4, proj)),
    },
  });
  return clipPairModel(
    "XCLIPModel",
    { text: clipTextTransformer(text, "XCLIP"), vision: visionTower(vision), textDim: text.positiveInt("hidden_size"), visionDim, projection: proj },
    {
      prompts_visual_layernorm: layerNorm(visionDim),
      mit: module("XCLIPMultiframeIntegrationTransformer", {
        params: { position_embedding: [1, mit.int("num_frames"), mitHidden] },
        children: { encoder: clipEncoder(mit, "XCLIP") },
      }),
      prompts_generator: module("XCLIPPromptGenerator", {
        params: { alpha: [proj] },
        children: { layernorm: layerNorm(proj), decoder: repeat(promptLayer, c.int("prompt_layers")) },
      }),
    },
    { prompts_visual_projection: [visionDim, proj] },
  );
}

export const xclip: TransformersArchitecture = {
  modelType: "xclip",
  source: "transformers/models/x_clip/modeling_x_clip.py",
  config: { modelType: "xclip", defaults: DEFAULTS },
  models: { AutoModel: (c) => built(xclipModel(c), null) },
};
