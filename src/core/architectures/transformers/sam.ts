// transformers/models/sam/{configuration,modeling}_sam.py (4.47)
import { conv2d, convTranspose, embedding, layerNorm, linear } from "../../modules/blocks.js";
import { alias, buffer, list, module, repeat, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import type { TransformersArchitecture } from "../types.js";
import { built, subConfig } from "./shared/build.js";
import { fIndexedList } from "./shared/nested-models.js";

const VISION_DEFAULTS = {
  hidden_size: 768,
  output_channels: 256,
  num_hidden_layers: 12,
  num_attention_heads: 12,
  num_channels: 3,
  image_size: 1024,
  patch_size: 16,
  hidden_act: "gelu",
  layer_norm_eps: 1e-6,
  qkv_bias: true,
  mlp_ratio: 4.0,
  use_abs_pos: true,
  use_rel_pos: true,
  window_size: 14,
  global_attn_indexes: [2, 5, 8, 11],
  num_pos_feats: 128,
  mlp_dim: null,
} as const;

const PROMPT_DEFAULTS = {
  hidden_size: 256,
  image_size: 1024,
  patch_size: 16,
  mask_input_channels: 16,
  num_point_embeddings: 4,
  hidden_act: "gelu",
  layer_norm_eps: 1e-6,
} as const;

const DECODER_DEFAULTS = {
  hidden_size: 256,
  hidden_act: "relu",
  mlp_dim: 2048,
  num_hidden_layers: 2,
  num_attention_heads: 8,
  attention_downsample_rate: 2,
  num_multimask_outputs: 3,
  iou_head_depth: 3,
  iou_head_hidden_dim: 256,
  layer_norm_eps: 1e-6,
} as const;

const samNorm = (d: number) => layerNorm(d, { cls: "SamLayerNorm" });
const mlpBlock = (d: number, inner: number) => module("SamMLPBlock", { children: { lin1: linear(d, inner), lin2: linear(inner, d) } });

function visionEncoder(v: Config): Module {
  const hidden = v.positiveInt("hidden_size");

  const headDim = v.divisible("hidden_size", "num_attention_heads");
  const patch = v.positiveInt("patch_size");
  const grid = Math.floor(v.int("image_size") / patch);
  const out = v.int("output_channels");
  const mlpDim = v.optionalInt("mlp_dim") ?? Math.floor(hidden * v.number("mlp_ratio"));
  const globals = new Set(v.intList("global_attn_indexes"));
  const window = v.int("window_size");
  // Global-attention layers see the whole grid, windowed ones a window: their relative-position tables differ.
  const layer = (isGlobal: boolean) => {
    const size = isGlobal || window === 0 ? grid : window;
    return module("SamVisionLayer", {
      children: {
        layer_norm1: layerNorm(hidden),
        attn: module("SamVisionAttention", {
          params: { rel_pos_h: v.bool("use_rel_pos") && [2 * size - 1, headDim], rel_pos_w: v.bool("use_rel_pos") && [2 * size - 1, headDim] },
          children: { qkv: linear(hidden, 3 * hidden, v.bool("qkv_bias")), proj: linear(hidden, hidden) },
        }),
        layer_norm2: layerNorm(hidden),
        mlp: mlpBlock(hidden, mlpDim),
      },
    });
  };
  return module("SamVisionEncoder", {
    params: { pos_embed: v.bool("use_abs_pos") && [1, grid, grid, hidden] },
    children: {
      patch_embed: module("SamPatchEmbeddings", { children: { projection: conv2d(v.positiveInt("num_channels"), hidden, patch) } }),
      layers: fIndexedList(v.int("num_hidden_layers"), (i) => String(globals.has(i)), (i) => layer(globals.has(i))),
      neck: module("SamVisionNeck", {
        children: {
          conv1: conv2d(hidden, out, 1, { bias: false }),
          layer_norm1: samNorm(out),
          conv2: conv2d(out, out, 3, { bias: false }),
          layer_norm2: samNorm(out),
        },
      }),
    },
  });
}

function feedForward(input: number, hidden: number, output: number, layers: number): Module {
  return module("SamFeedForward", {
    children: {
      proj_in: linear(input, hidden),
      proj_out: linear(hidden, output),
      layers: repeat(linear(hidden, hidden), Math.max(layers - 2, 0)),
    },
  });
}

function maskDecoder(d: Config): Module {
  const hidden = d.positiveInt("hidden_size");
  const down = d.positiveInt("attention_downsample_rate");
  d.divisible("hidden_size", "num_attention_heads");
  const attention = (rate: number) => {
    const inner = Math.floor(hidden / rate);
    return module("SamAttention", {
      children: { q_proj: linear(hidden, inner), k_proj: linear(hidden, inner), v_proj: linear(hidden, inner), out_proj: linear(inner, hidden) },
    });
  };
  const block = module("SamTwoWayAttentionBlock", {
    children: {
      self_attn: attention(1),
      layer_norm1: layerNorm(hidden),
      cross_attn_token_to_image: attention(down),
      layer_norm2: layerNorm(hidden),
      mlp: mlpBlock(hidden, d.int("mlp_dim")),
      layer_norm3: layerNorm(hidden),
      layer_norm4: layerNorm(hidden),
      cross_attn_image_to_token: attention(down),
    },
  });
  const maskTokens = d.int("num_multimask_outputs") + 1;
  return module("SamMaskDecoder", {
    children: {
      iou_token: embedding(1, hidden),
      mask_tokens: embedding(maskTokens, hidden),
      transformer: module("SamTwoWayTransformer", {
        children: {
          layers: repeat(block, d.int("num_hidden_layers")),
          final_attn_token_to_image: attention(down),
          layer_norm_final_attn: layerNorm(hidden),
        },
      }),
      upscale_conv1: convTranspose(hidden, Math.floor(hidden / 4), [2, 2]),
      upscale_conv2: convTranspose(Math.floor(hidden / 4), Math.floor(hidden / 8), [2, 2]),
      upscale_layer_norm: samNorm(Math.floor(hidden / 4)),
      output_hypernetworks_mlps: repeat(feedForward(hidden, hidden, Math.floor(hidden / 8), 3), maskTokens),
      iou_prediction_head: feedForward(hidden, d.int("iou_head_hidden_dim"), maskTokens, d.int("iou_head_depth")),
    },
  });
}

export const sam: TransformersArchitecture = {
  modelType: "sam",
  source: "transformers/models/sam/modeling_sam.py",
  config: { modelType: "sam", defaults: {} },
  models: {
    AutoModel: (c) => {
      const vision = subConfig(c, "vision_config", { modelType: "sam_vision_model", defaults: VISION_DEFAULTS });
      const prompt = subConfig(c, "prompt_encoder_config", { modelType: "sam_prompt_encoder", defaults: PROMPT_DEFAULTS });
      const decoder = subConfig(c, "mask_decoder_config", { modelType: "sam_mask_decoder", defaults: DECODER_DEFAULTS });
      const shared = module("SamPositionalEmbedding", { buffers: { positional_embedding: buffer([2, vision.int("num_pos_feats")]) } });
      const pHidden = prompt.positiveInt("hidden_size");
      const maskChannels = Math.floor(prompt.int("mask_input_channels") / 4);
      const full = prompt.int("mask_input_channels");
      const promptEncoder = module("SamPromptEncoder", {
        children: {
          // The prompt encoder holds the model's own positional embedding module.
          shared_embedding: alias(shared),
          mask_embed: module("SamMaskEmbedding", {
            children: {
              conv1: conv2d(1, maskChannels, 2),
              conv2: conv2d(maskChannels, full, 2),
              conv3: conv2d(full, pHidden, 1),
              layer_norm1: samNorm(maskChannels),
              layer_norm2: samNorm(full),
            },
          }),
          no_mask_embed: embedding(1, pHidden),
          point_embed: list("ModuleList", { module: embedding(1, pHidden), count: prompt.int("num_point_embeddings") }),
          not_a_point_embed: embedding(1, pHidden),
        },
      });
      const model = module("SamModel", {
        children: {
          shared_image_embedding: shared,
          vision_encoder: visionEncoder(vision),
          prompt_encoder: promptEncoder,
          mask_decoder: maskDecoder(decoder),
        },
      });
      return built(model, ["SamVisionAttention"]);
    },
  },
};
