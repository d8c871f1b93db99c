// transformers/models/mgp_str/{configuration,modeling}_mgp_str.py (4.47)
import { conv2d, layerNorm, linear } from "../../modules/blocks.js";
import { list, module, repeat, stateless } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";
import { pair } from "./vit.js";

const DEFAULTS = {
  image_size: [32, 128],
  patch_size: 4,
  num_channels: 3,
  max_token_length: 27,
  num_character_labels: 38,
  num_bpe_labels: 50257,
  num_wordpiece_labels: 30522,
  hidden_size: 768,
  num_hidden_layers: 12,
  num_attention_heads: 12,
  mlp_ratio: 4.0,
  qkv_bias: true,
  distilled: false,
  layer_norm_eps: 1e-5,
  drop_rate: 0.0,
  attn_drop_rate: 0.0,
  drop_path_rate: 0.0,
} as const;

/** The A³ token learner: grouped 1×1 convs select `max_token_length` tokens. */
function a3Module(c: Config, hidden: number) {
  return module("MgpstrA3Module", {
    children: {
      token_norm: layerNorm(hidden),
      tokenLearner: list("Sequential", conv2d(hidden, hidden, [1, 1], { groups: 8, bias: false }), conv2d(hidden, c.int("max_token_length"), [1, 1], { bias: false })),
      feat: conv2d(hidden, hidden, [1, 1], { groups: 8, bias: false }),
      norm: layerNorm(hidden),
    },
  });
}

function mgpstr(c: Config) {
  const hidden = c.positiveInt("hidden_size");
  const [h, w] = pair(c, "image_size");
  const [ph, pw] = pair(c, "patch_size");
  c.positiveInt("patch_size");
  const tokens = c.bool("distilled") ? 2 : 1;
  const mlpHidden = Math.floor(hidden * c.number("mlp_ratio"));
  const layer = module("MgpstrLayer", {
    children: {
      norm1: layerNorm(hidden),
      attn: module("MgpstrAttention", { children: { qkv: linear(hidden, 3 * hidden, c.bool("qkv_bias")), proj: linear(hidden, hidden) } }),
      // The encoder always passes a drop-path rate, so the layer holds an MgpstrDropPath (never Identity).
      drop_path: stateless("MgpstrDropPath"),
      norm2: layerNorm(hidden),
      mlp: module("MgpstrMlp", { children: { fc1: linear(hidden, mlpHidden), fc2: linear(mlpHidden, hidden) } }),
    },
  });
  return module("MgpstrForSceneTextRecognition", {
    children: {
      mgp_str: module("MgpstrModel", {
        children: {
          embeddings: module("MgpstrEmbeddings", {
            params: { cls_token: [1, 1, hidden], pos_embed: [1, Math.floor(h / ph) * Math.floor(w / pw) + tokens, hidden] },
            children: { proj: conv2d(c.positiveInt("num_channels"), hidden, [ph, pw]) },
          }),
          encoder: module("MgpstrEncoder", { children: { blocks: repeat(layer, c.int("num_hidden_layers"), "Sequential") } }),
        },
      }),
      char_a3_module: a3Module(c, hidden),
      bpe_a3_module: a3Module(c, hidden),
      wp_a3_module: a3Module(c, hidden),
      char_head: linear(hidden, c.int("num_character_labels")),
      bpe_head: linear(hidden, c.int("num_bpe_labels")),
      wp_head: linear(hidden, c.int("num_wordpiece_labels")),
    },
  });
}

// AutoModel maps mgp-str to the scene-text-recognition class itself.
export const mgpStr: TransformersArchitecture = {
  modelType: "mgp-str",
  source: "transformers/models/mgp_str/modeling_mgp_str.py",
  config: { modelType: "mgp-str", defaults: DEFAULTS },
  models: { AutoModel: (c) => built(mgpstr(c), []) },
};
