// transformers/models/oneformer/{configuration,modeling}_oneformer.py (4.47)
import { conv2d, embedding, layerNorm, linear } from "../../modules/blocks.js";
import { list, module, repeat, stateless, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";
import { multiheadAttention } from "./shared/clip-encoder.js";
import { iBackboneConfig, iResNetBackbone, iSwinBackbone } from "./shared/backbones.js";
import { iDetrAttention } from "./shared/detr.js";
import { iNumLabels } from "./shared/detector-heads.js";
import { m2fPixelDecoder } from "./mask2former.js";

const P = "OneFormer";

/** OneFormerConfig's fallback backbone: Swin-T (depths 2, 2, 6, 2). */
const SWIN_FALLBACK = {
  model_type: "swin", image_size: 224, num_channels: 3, patch_size: 4, embed_dim: 96, depths: [2, 2, 6, 2], num_heads: [3, 6, 12, 24],
  window_size: 7, drop_path_rate: 0.3, use_absolute_embeddings: false, out_features: ["stage1", "stage2", "stage3", "stage4"],
};

/** OneFormerMLPPredictionHead: a Sequential of PredictionBlock(Linear, activation). */
function mlpHead(inDim: number, hidden: number, out: number, layers: number): Module {
  const dims = [inDim, ...Array.from({ length: layers - 1 }, () => hidden), out];
  const blocks = dims.slice(0, -1).map((d, i) =>
    module("PredictionBlock", { children: { 0: linear(d, dims[i + 1] as number), 1: stateless(i < layers - 1 ? "ReLU" : "Identity") } }),
  );
  return module(`${P}MLPPredictionHead`, { children: { layers: list("Sequential", ...blocks) } });
}

function transformerModule(c: Config, inFeatures: number): Module {
  const h = c.positiveInt("hidden_dim");
  const heads = c.positiveInt("num_attention_heads");
  const ffn = c.positiveInt("dim_feedforward");
  // The query transformer: post-norm nn.MultiheadAttention decoder layers over the mask features.
  const queryLayer = module(`${P}TransformerDecoderQueryTransformerDecoderLayer`, {
    children: {
      self_attn: multiheadAttention(h), multihead_attn: multiheadAttention(h), linear1: linear(h, ffn), linear2: linear(ffn, h),
      norm1: layerNorm(h), norm2: layerNorm(h), norm3: layerNorm(h),
    },
  });
  const layer = module(`${P}TransformerDecoderLayer`, {
    children: {
      cross_attn: module(`${P}TransformerDecoderCrossAttentionLayer`, { children: { multihead_attn: multiheadAttention(h), norm: layerNorm(h) } }),
      self_attn: module(`${P}TransformerDecoderSelfAttentionLayer`, { children: { self_attn: iDetrAttention(h, heads, `${P}Attention`), norm: layerNorm(h) } }),
      ffn: module(`${P}TransformerDecoderFFNLayer`, { children: { linear1: linear(h, ffn), linear2: linear(ffn, h), norm: layerNorm(h) } }),
    },
  });
  // As in Mask2Former, the per-level input projections sit in a plain list and are never registered.
  return module(`${P}TransformerModule`, {
    children: {
      queries_embedder: embedding(c.positiveInt("num_queries"), h),
      decoder: module(`${P}TransformerDecoder`, {
        children: {
          query_transformer: module(`${P}TransformerDecoderQueryTransformer`, {
            children: {
              decoder: module(`${P}TransformerDecoderQueryTransformerDecoder`, {
                children: { layers: repeat(queryLayer, c.int("query_dec_layers")), norm: layerNorm(h) },
              }),
            },
          }),
          decoder_norm: layerNorm(h),
          layers: repeat(layer, c.int("decoder_layers") - 1),
          query_input_projection: conv2d(inFeatures, h, 1),
          class_embed: linear(h, iNumLabels(c) + 1),
          mask_embed: mlpHead(h, h, c.positiveInt("mask_dim"), 3),
        },
      }),
      level_embed: embedding(3, h),
    },
  });
}

/** OneFormerTextMapper (training only): a CLIP-like text encoder, a projector and prompt context embeddings. */
function textMapper(c: Config): Module {
  const w = c.positiveInt("text_encoder_width");
  const h = c.positiveInt("hidden_dim");
  const textLayer = module(`${P}TextTransformerLayer`, {
    children: {
      self_attn: multiheadAttention(w),
      layer_norm1: layerNorm(w),
      mlp: module(`${P}TextMLP`, { children: { fc1: linear(w, 4 * w), fc2: linear(4 * w, w) } }),
      layer_norm2: layerNorm(w),
    },
  });
  const nCtx = c.int("text_encoder_n_ctx");
  return module(`${P}TextMapper`, {
    children: {
      text_encoder: module(`${P}TextEncoder`, {
        params: { positional_embedding: [c.positiveInt("text_encoder_context_length"), w] },
        children: {
          transformer: module(`${P}TextTransformer`, { children: { layers: repeat(textLayer, c.int("text_encoder_num_layers"), "Sequential") } }),
          ln_final: layerNorm(w),
          token_embedding: embedding(c.positiveInt("text_encoder_vocab_size"), w),
        },
      }),
      text_projector: mlpHead(w, h, h, c.positiveInt("text_encoder_proj_layers")),
      prompt_ctx: nCtx > 0 && embedding(nCtx, w),
    },
  });
}

export const oneformer: TransformersArchitecture = {
  modelType: "oneformer",
  source: "transformers/models/oneformer/modeling_oneformer.py",
  config: {
    modelType: "oneformer",
    defaults: {
      backbone_config: null, backbone: null, use_pretrained_backbone: false, use_timm_backbone: false, backbone_kwargs: null,
      ignore_value: 255, num_queries: 150, no_object_weight: 0.1, class_weight: 2.0, mask_weight: 5.0, dice_weight: 5.0,
      contrastive_weight: 0.5, contrastive_temperature: 0.07, train_num_points: 12544, oversample_ratio: 3.0,
      importance_sample_ratio: 0.75, init_std: 0.02, init_xavier_std: 1.0, layer_norm_eps: 1e-5, is_training: false,
      use_auxiliary_loss: true, output_auxiliary_logits: true, strides: [4, 8, 16, 32], task_seq_len: 77, text_encoder_width: 256,
      text_encoder_context_length: 77, text_encoder_num_layers: 6, text_encoder_vocab_size: 49408, text_encoder_proj_layers: 2,
      text_encoder_n_ctx: 16, conv_dim: 256, mask_dim: 256, hidden_dim: 256, encoder_feedforward_dim: 1024, norm: "GN",
      encoder_layers: 6, decoder_layers: 10, use_task_norm: true, num_attention_heads: 8, dropout: 0.1, dim_feedforward: 2048,
      pre_norm: false, enforce_input_proj: false, query_dec_layers: 2, common_stride: 4,
    },
    derive: (c) => c.set("num_hidden_layers", c.get("decoder_layers")),
  },
  models: {
    AutoModel: (c) => {
      const bc = iBackboneConfig(c, SWIN_FALLBACK);
      const bb = bc.get("model_type") === "swin" ? iSwinBackbone(bc) : iResNetBackbone(bc);
      const model = module(`${P}Model`, {
        children: {
          pixel_level_module: module(`${P}PixelLevelModule`, {
            children: { encoder: bb.module, decoder: m2fPixelDecoder(c, bb.channels, { prefix: P, dim: "conv_dim", maskDim: "mask_dim", strides: "strides" }) },
          }),
          transformer_module: transformerModule(c, c.positiveInt("conv_dim")),
          task_encoder: module(`${P}TaskModel`, { children: { task_mlp: mlpHead(c.positiveInt("task_seq_len"), c.positiveInt("hidden_dim"), c.positiveInt("hidden_dim"), 2) } }),
          text_mapper: c.bool("is_training") && textMapper(c),
        },
      });
      return built(model, null);
    },
  },
};
