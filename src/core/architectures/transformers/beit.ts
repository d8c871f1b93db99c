// transformers/models/{beit,data2vec}/{configuration,modeling}_{beit,data2vec_vision}.py (4.47)
import { layerNorm, linear } from "../../modules/blocks.js";
import { module, repeat, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";
import { eAttention, ePatchEmbeddings } from "./shared/vit-encoder.js";
import { pair } from "./vit.js";

/** 4.47 computes the relative position index on the fly: the bias module holds only its table. */
function relativePositionBias(prefix: string, c: Config, window: [number, number]): Module {
  const distances = (2 * window[0] - 1) * (2 * window[1] - 1) + 3;
  return module(`${prefix}RelativePositionBias`, { params: { relative_position_bias_table: [distances, c.positiveInt("num_attention_heads")] } });
}

function beitModel(c: Config, prefix: string, pooler: boolean): Module {
  const hidden = c.positiveInt("hidden_size");
  c.divisible("hidden_size", "num_attention_heads");
  const inter = c.int("intermediate_size");
  const [h, w] = pair(c, "image_size");
  const [ph, pw] = pair(c, "patch_size");
  const window: [number, number] = [Math.floor(h / ph), Math.floor(w / pw)];
  const scale = c.number("layer_scale_init_value") > 0;
  const meanPooling = c.bool("use_mean_pooling");
  const layer = module(`${prefix}Layer`, {
    params: { lambda_1: scale && [hidden], lambda_2: scale && [hidden] },
    children: {
      attention: eAttention(prefix, hidden, {
        keyBias: false,
        selfExtra: { relative_position_bias: c.bool("use_relative_position_bias") && relativePositionBias(prefix, c, window) },
      }),
      intermediate: module(`${prefix}Intermediate`, { children: { dense: linear(hidden, inter) } }),
      output: module(`${prefix}Output`, { children: { dense: linear(inter, hidden) } }),
      layernorm_before: layerNorm(hidden),
      layernorm_after: layerNorm(hidden),
    },
  });
  return module(`${prefix}Model`, {
    children: {
      embeddings: module(`${prefix}Embeddings`, {
        params: {
          cls_token: [1, 1, hidden],
          mask_token: c.bool("use_mask_token") && [1, 1, hidden],
          position_embeddings: c.bool("use_absolute_position_embeddings") && [1, window[0] * window[1] + 1, hidden],
        },
        children: { patch_embeddings: ePatchEmbeddings(`${prefix}PatchEmbeddings`, c.positiveInt("num_channels"), hidden, [ph, pw]) },
      }),
      encoder: module(`${prefix}Encoder`, {
        children: {
          relative_position_bias: c.bool("use_shared_relative_position_bias") && relativePositionBias(prefix, c, window),
          layer: repeat(layer, c.int("num_hidden_layers")),
        },
      }),
      // Mean pooling moves the final LayerNorm into the pooler.
      layernorm: !meanPooling && layerNorm(hidden),
      pooler: pooler && module(`${prefix}Pooler`, { children: { layernorm: meanPooling && layerNorm(hidden) } }),
    },
  });
}

const BEIT_DEFAULTS = {
  vocab_size: 8192, hidden_size: 768, num_hidden_layers: 12, num_attention_heads: 12, intermediate_size: 3072,
  hidden_act: "gelu", layer_norm_eps: 1e-12, image_size: 224, patch_size: 16, num_channels: 3, use_mask_token: false,
  use_absolute_position_embeddings: false, use_relative_position_bias: false, use_shared_relative_position_bias: false,
  layer_scale_init_value: 0.1, drop_path_rate: 0.1, use_mean_pooling: true, pool_scales: [1, 2, 3, 6],
  use_auxiliary_head: true, auxiliary_loss_weight: 0.4, auxiliary_channels: 256, auxiliary_num_convs: 1,
  auxiliary_concat_input: false, semantic_loss_ignore_index: 255,
};

export const beit: TransformersArchitecture = {
  modelType: "beit",
  source: "transformers/models/beit/modeling_beit.py",
  config: { modelType: "beit", defaults: { ...BEIT_DEFAULTS, add_fpn: false, reshape_hidden_states: true } },
  models: { AutoModel: (c) => built(beitModel(c, "Beit", true), ["BeitLayer"]) },
};

const { vocab_size: _unused, ...D2V_DEFAULTS } = BEIT_DEFAULTS;

export const data2vecVision: TransformersArchitecture = {
  modelType: "data2vec-vision",
  source: "transformers/models/data2vec/modeling_data2vec_vision.py",
  config: { modelType: "data2vec-vision", defaults: { ...D2V_DEFAULTS, out_indices: [3, 5, 7, 11] } },
  // Data2VecVisionModel is registered with add_pooling_layer=False.
  models: { AutoModel: (c) => built(beitModel(c, "Data2VecVision", false), ["Data2VecVisionLayer"]) },
};
