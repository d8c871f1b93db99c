// transformers/models/grounding_dino/{configuration,modeling}_grounding_dino.py (4.47): a Swin (or ResNet) backbone
// through load_backbone, a BERT text backbone without pooler, and a deformable-DETR encoder/decoder whose encoder
// layers add a text-enhancer layer and a vision-text fusion layer.
import type { Config } from "../../config/config.js";
import { UnsupportedArchitectureError } from "../../errors.js";
import { conv2d, embedding, groupNorm, layerNorm, linear } from "../../modules/blocks.js";
import { list, module, repeat, stateless, type Module, type Run } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { bert } from "./bert.js";
import { iBackboneConfig, iResNetBackbone, iSwinBackbone } from "./shared/backbones.js";
import { bertLikeModel } from "./shared/bert-like.js";
import { built, subConfig } from "./shared/build.js";
import { iDeformableAttention } from "./shared/deformable-attention.js";
import { iMlpHead } from "./shared/detector-heads.js";
import { iFreezeBatchNorms } from "./shared/rtdetr-resnet.js";
import { checkHeads } from "./shared/stage-lists.js";

const P = "GroundingDino";

/** GroundingDinoConfig's fallback backbone: Swin-T giving stages 2-4. */
const BACKBONE_FALLBACK = {
  model_type: "swin", window_size: 7, image_size: 224, embed_dim: 96, depths: [2, 2, 6, 2], num_heads: [3, 6, 12, 24], out_indices: [2, 3, 4],
};

/** GroundingDinoMultiheadAttention: query/key/value sized by the head split, out_proj d → d. */
function mha(c: Config, d: number, heads: number, key: string): Module {
  checkHeads(c, d, heads, key);
  const all = Math.floor(d / heads) * heads;
  return module(`${P}MultiheadAttention`, { children: { query: linear(d, all), key: linear(d, all), value: linear(d, all), out_proj: linear(d, d) } });
}

function encoderLayer(c: Config, d: number): Module {
  const ffn = c.positiveInt("encoder_ffn_dim");
  const heads = c.positiveInt("encoder_attention_heads");
  const half = Math.floor(ffn / 2);
  checkHeads(c, half, Math.floor(heads / 2), "encoder_attention_heads");
  return module(`${P}EncoderLayer`, {
    children: {
      text_enhancer_layer: module(`${P}TextEnhancerLayer`, {
        children: {
          self_attn: mha(c, d, Math.floor(heads / 2), "encoder_attention_heads"),
          fc1: linear(d, half),
          fc2: linear(half, d),
          layer_norm_before: layerNorm(d),
          layer_norm_after: layerNorm(d),
        },
      }),
      fusion_layer: module(`${P}FusionLayer`, {
        params: { vision_param: [d], text_param: [d] },
        children: {
          layer_norm_vision: layerNorm(d),
          layer_norm_text: layerNorm(d),
          attn: module(`${P}BiMultiHeadAttention`, {
            children: {
              vision_proj: linear(d, half), text_proj: linear(d, half), values_vision_proj: linear(d, half), values_text_proj: linear(d, half),
              out_vision_proj: linear(half, d), out_text_proj: linear(half, d),
            },
          }),
        },
      }),
      deformable_layer: module(`${P}DeformableLayer`, {
        children: {
          self_attn: iDeformableAttention(`${P}MultiscaleDeformableAttention`, d, heads, c.positiveInt("num_feature_levels"), c.positiveInt("encoder_n_points")),
          self_attn_layer_norm: layerNorm(d),
          fc1: linear(d, ffn),
          fc2: linear(ffn, d),
          final_layer_norm: layerNorm(d),
        },
      }),
    },
  });
}

function decoderLayer(c: Config, d: number): Module {
  const heads = c.positiveInt("decoder_attention_heads");
  const ffn = c.positiveInt("decoder_ffn_dim");
  return module(`${P}DecoderLayer`, {
    children: {
      self_attn: mha(c, d, heads, "decoder_attention_heads"),
      self_attn_layer_norm: layerNorm(d),
      encoder_attn_text: mha(c, d, heads, "decoder_attention_heads"),
      encoder_attn_text_layer_norm: layerNorm(d),
      encoder_attn: iDeformableAttention(`${P}MultiscaleDeformableAttention`, d, heads, c.positiveInt("num_feature_levels"), c.positiveInt("decoder_n_points")),
      encoder_attn_layer_norm: layerNorm(d),
      fc1: linear(d, ffn),
      fc2: linear(ffn, d),
      final_layer_norm: layerNorm(d),
    },
  });
}

function groundingDinoModel(c: Config): Module {
  const d = c.positiveInt("d_model");
  const bc = iBackboneConfig(c, BACKBONE_FALLBACK);
  const bb = bc.get("model_type") === "swin" ? iSwinBackbone(bc) : iResNetBackbone(bc);
  const levels = c.positiveInt("num_feature_levels");
  const proj = (inCh: number, k: number) => list("Sequential", conv2d(inCh, d, k), groupNorm(d));
  const last = bb.channels[bb.channels.length - 1] as number;
  // Backbone maps get 1x1 projections; extra levels are stride-2 3x3 convs, the first from the last map.
  let inputProj: (Module | Run)[] = [proj(last, 1)];
  if (levels > 1) {
    inputProj = bb.channels.map((ch) => proj(ch, 1));
    const extra = levels - bb.channels.length;
    if (extra >= 1) inputProj.push(proj(last, 3));
    if (extra >= 2) inputProj.push({ module: proj(d, 3), count: extra - 1 });
  }
  const text = subConfig(c, "text_config", bert.config);
  if ((text.get("model_type") ?? "bert") !== "bert") {
    throw new UnsupportedArchitectureError(`${c.label}: only a BERT text backbone is supported`, String(text.get("model_type")));
  }
  const twoStage = c.bool("two_stage");
  return module(`${P}Model`, {
    params: { level_embed: [levels, d] },
    children: {
      backbone: module(`${P}ConvModel`, {
        children: {
          conv_encoder: module(`${P}ConvEncoder`, { children: { model: iFreezeBatchNorms(bb.module, `${P}FrozenBatchNorm2d`) } }),
          position_embedding: c.string("position_embedding_type") === "learned" && module(`${P}LearnedPositionEmbedding`, {
            children: { row_embeddings: embedding(50, Math.floor(d / 2)), column_embeddings: embedding(50, Math.floor(d / 2)) },
          }),
        },
      }),
      input_proj_vision: list("ModuleList", ...inputProj),
      text_backbone: bertLikeModel(text, "Bert", { pooler: false }),
      text_projection: linear(text.positiveInt("hidden_size"), d),
      query_position_embeddings: (c.bool("embedding_init_target") || !twoStage) && embedding(c.positiveInt("num_queries"), d),
      encoder: module(`${P}Encoder`, { children: { layers: repeat(encoderLayer(c, d), c.int("encoder_layers")) } }),
      decoder: module(`${P}Decoder`, {
        children: {
          layer_norm: layerNorm(d),
          layers: repeat(decoderLayer(c, d), c.int("decoder_layers")),
          reference_points_head: iMlpHead(`${P}MLPPredictionHead`, Math.floor(c.positiveInt("query_dim") / 2) * d, d, d, 2),
        },
      }),
      enc_output: twoStage && linear(d, d),
      enc_output_norm: twoStage && layerNorm(d),
      // The decoder has no bbox_embed inside the bare model, so the encoder's box head is always its own.
      encoder_output_bbox_embed: twoStage && iMlpHead(`${P}MLPPredictionHead`, d, d, 4, 3),
      encoder_output_class_embed: twoStage && stateless(`${P}ContrastiveEmbedding`),
      reference_points: !twoStage && embedding(c.positiveInt("num_queries"), 4),
    },
  });
}

export const groundingDino: TransformersArchitecture = {
  modelType: "grounding-dino",
  source: "transformers/models/grounding_dino/modeling_grounding_dino.py",
  config: {
    modelType: "grounding-dino",
    defaults: {
      backbone_config: null, backbone: null, use_pretrained_backbone: false, use_timm_backbone: false, backbone_kwargs: null,
      text_config: null, num_queries: 900, encoder_layers: 6, encoder_ffn_dim: 2048, encoder_attention_heads: 8, decoder_layers: 6,
      decoder_ffn_dim: 2048, decoder_attention_heads: 8, is_encoder_decoder: true, d_model: 256, position_embedding_type: "sine",
      num_feature_levels: 4, encoder_n_points: 4, decoder_n_points: 4, two_stage: true, max_text_len: 256, embedding_init_target: true,
      query_dim: 4, decoder_bbox_embed_share: true, two_stage_bbox_embed_share: false, layer_norm_eps: 1e-5,
    },
    attributeMap: { hidden_size: "d_model", num_attention_heads: "encoder_attention_heads" },
  },
  models: { AutoModel: (c) => built(groundingDinoModel(c), null) },
};
