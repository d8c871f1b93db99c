// transformers/models/mask2former/{configuration,modeling}_mask2former.py (4.47)
import { conv2d, embedding, groupNorm, layerNorm, linear } from "../../modules/blocks.js";
import { list, module, repeat, stateless, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import { InvalidConfigError } from "../../errors.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";
import { multiheadAttention } from "./shared/clip-encoder.js";
import { iBackboneConfig, iResNetBackbone, iSwinBackbone, type Backbone } from "./shared/backbones.js";
import { iDeformableAttention } from "./shared/deformable-attention.js";
import { iDetrAttention } from "./shared/detr.js";

const P = "Mask2Former";
/** The pixel decoder and the masked-attention decoder both work on the last three feature maps. */
const LEVELS = 3;

/** Mask2FormerConfig's fallback backbone: Swin-S-like (depths 2, 2, 18, 2). */
const SWIN_FALLBACK = {
  model_type: "swin", image_size: 224, num_channels: 3, patch_size: 4, embed_dim: 96, depths: [2, 2, 18, 2], num_heads: [3, 6, 12, 24],
  window_size: 7, drop_path_rate: 0.3, use_absolute_embeddings: false, out_features: ["stage1", "stage2", "stage3", "stage4"],
};

function backbone(c: Config): Backbone {
  const bc = iBackboneConfig(c, SWIN_FALLBACK);
  return bc.get("model_type") === "swin" ? iSwinBackbone(bc) : iResNetBackbone(bc);
}

const convNorm = (inCh: number, out: number, kernel: number, bias: boolean, relu = false) =>
  list("Sequential", conv2d(inCh, out, kernel, { bias }), groupNorm(out), ...(relu ? [stateless("ReLU")] : []));

/** Config keys that OneFormer renames (its pixel decoder is a copy under `OneFormer*` classes). */
export interface PixelDecoderKeys {
  prefix: string;
  dim: string;
  maskDim: string;
  strides: string;
}
const M2F_KEYS: PixelDecoderKeys = { prefix: P, dim: "feature_size", maskDim: "mask_feature_size", strides: "feature_strides" };

/** Mask2FormerPixelDecoder: deformable encoder over the last 3 maps, then an FPN down to `common_stride`. */
export function m2fPixelDecoder(c: Config, channels: number[], k: PixelDecoderKeys = M2F_KEYS): Module {
  const P = k.prefix;
  const dim = c.positiveInt(k.dim);
  const strides = c.intList(k.strides).slice(-LEVELS);
  if (channels.length < LEVELS || strides.length === 0) throw new InvalidConfigError(`${c.label}: the backbone must give at least ${LEVELS} feature maps`, "backbone_config");
  const fpnLevels = Math.floor(Math.log2(Math.min(...strides)) - Math.log2(c.positiveInt("common_stride")));
  const encoderLayer = module(`${P}PixelDecoderEncoderLayer`, {
    children: {
      self_attn: iDeformableAttention(`${P}PixelDecoderEncoderMultiscaleDeformableAttention`, dim, c.positiveInt("num_attention_heads"), LEVELS, 4),
      self_attn_layer_norm: layerNorm(dim),
      fc1: linear(dim, c.positiveInt("encoder_feedforward_dim")),
      fc2: linear(c.positiveInt("encoder_feedforward_dim"), dim),
      final_layer_norm: layerNorm(dim),
    },
  });
  // adapter_i / layer_i are registered by name; the reversed Python lists that reuse them are not.
  const fpn: Record<string, Module> = {};
  channels.slice(0, Math.max(0, fpnLevels)).forEach((ch, i) => {
    fpn[`adapter_${i + 1}`] = convNorm(ch, dim, 1, false);
    fpn[`layer_${i + 1}`] = convNorm(dim, dim, 3, false, true);
  });
  return module(`${P}PixelDecoder`, {
    params: { level_embed: [LEVELS, dim] },
    children: {
      input_projections: list("ModuleList", ...channels.slice(-LEVELS).reverse().map((ch) => convNorm(ch, dim, 1, true))),
      encoder: module(`${P}PixelDecoderEncoderOnly`, { children: { layers: repeat(encoderLayer, c.int("encoder_layers")) } }),
      mask_projection: conv2d(dim, c.positiveInt(k.maskDim), 1),
      ...fpn,
    },
  });
}

/** Prediction MLP (Linear + ReLU blocks registered by index). */
function mlpHead(dim: number, out: number): Module {
  const block = (o: number, relu: boolean) => module(`${P}PredictionBlock`, { children: { 0: linear(dim, o), 1: stateless(relu ? "ReLU" : "Identity") } });
  return module(`${P}MLPPredictionHead`, { children: { 0: block(dim, true), 1: block(dim, true), 2: block(out, false) } });
}

function transformerModule(c: Config): Module {
  const dim = c.positiveInt("hidden_dim");
  const heads = c.positiveInt("num_attention_heads");
  const layer = module(`${P}MaskedAttentionDecoderLayer`, {
    children: {
      self_attn: iDetrAttention(dim, heads, `${P}Attention`),
      self_attn_layer_norm: layerNorm(dim),
      cross_attn: multiheadAttention(dim),
      cross_attn_layer_norm: layerNorm(dim),
      fc1: linear(dim, c.positiveInt("dim_feedforward")),
      fc2: linear(c.positiveInt("dim_feedforward"), dim),
      final_layer_norm: layerNorm(dim),
    },
  });
  const queries = c.positiveInt("num_queries");
  // The 1x1 input projections live in a plain Python list: never registered, so they weigh nothing.
  return module(`${P}TransformerModule`, {
    children: {
      queries_embedder: embedding(queries, dim),
      queries_features: embedding(queries, dim),
      decoder: module(`${P}MaskedAttentionDecoder`, {
        children: {
          layers: repeat(layer, c.int("decoder_layers") - 1),
          layernorm: layerNorm(dim),
          mask_predictor: module(`${P}MaskPredictor`, { children: { mask_embedder: mlpHead(dim, c.positiveInt("mask_feature_size")) } }),
        },
      }),
      level_embed: embedding(LEVELS, dim),
    },
  });
}

export const mask2former: TransformersArchitecture = {
  modelType: "mask2former",
  source: "transformers/models/mask2former/modeling_mask2former.py",
  config: {
    modelType: "mask2former",
    defaults: {
      backbone_config: null, feature_size: 256, mask_feature_size: 256, hidden_dim: 256, encoder_feedforward_dim: 1024,
      activation_function: "relu", encoder_layers: 6, decoder_layers: 10, num_attention_heads: 8, dropout: 0.0, dim_feedforward: 2048,
      pre_norm: false, enforce_input_projection: false, common_stride: 4, ignore_value: 255, num_queries: 100, no_object_weight: 0.1,
      class_weight: 2.0, mask_weight: 5.0, dice_weight: 5.0, train_num_points: 12544, oversample_ratio: 3.0, importance_sample_ratio: 0.75,
      init_std: 0.02, init_xavier_std: 1.0, use_auxiliary_loss: true, feature_strides: [4, 8, 16, 32], output_auxiliary_logits: null,
      backbone: null, use_pretrained_backbone: false, use_timm_backbone: false, backbone_kwargs: null,
    },
    derive: (c) => c.set("num_hidden_layers", c.get("decoder_layers")),
  },
  models: {
    AutoModel: (c) => {
      const bb = backbone(c);
      const model = module(`${P}Model`, {
        children: {
          pixel_level_module: module(`${P}PixelLevelModule`, { children: { encoder: bb.module, decoder: m2fPixelDecoder(c, bb.channels) } }),
          transformer_module: transformerModule(c),
        },
      });
      return built(model, null);
    },
  },
};
