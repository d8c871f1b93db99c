// transformers/models/rt_detr/{configuration,modeling}_rt_detr.py (4.47)
import { batchNorm, conv2d, embedding, layerNorm, linear } from "../../modules/blocks.js";
import { list, module, repeat, type Module, type Run } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";
import { iBackboneConfig } from "./shared/backbones.js";
import { iDeformableAttention } from "./shared/deformable-attention.js";
import { iDetrAttention } from "./shared/detr.js";
import { iRtDetrResNetBackbone, RTDETR_RESNET_SPEC } from "./shared/rtdetr-resnet.js";
import { iMlpHead, iNumLabels } from "./shared/detector-heads.js";

const P = "RTDetr";

const BACKBONE_FALLBACK = {
  model_type: "rt_detr_resnet", num_channels: 3, embedding_size: 64, hidden_sizes: [256, 512, 1024, 2048], depths: [3, 4, 6, 3],
  layer_type: "bottleneck", hidden_act: "relu", downsample_in_first_stage: false, downsample_in_bottleneck: false, out_indices: [2, 3, 4],
};

/** RTDetrConvNormLayer: conv (no bias) + BatchNorm; the activation holds nothing. */
const convNorm = (inCh: number, out: number, k: number) =>
  module(`${P}ConvNormLayer`, { children: { conv: conv2d(inCh, out, k, { bias: false }), norm: batchNorm(out) } });

/** RTDetrCSPRepLayer: two 1x1 branches, three RepVGG blocks, and a 1x1 out only when the width changes. */
function cspRep(c: Config): Module {
  const out = c.positiveInt("encoder_hidden_dim");
  const hidden = Math.floor(out * c.number("hidden_expansion"));
  const repVgg = module(`${P}RepVggBlock`, { children: { conv1: convNorm(hidden, hidden, 3), conv2: convNorm(hidden, hidden, 1) } });
  return module(`${P}CSPRepLayer`, {
    children: {
      conv1: convNorm(2 * out, hidden, 1),
      conv2: convNorm(2 * out, hidden, 1),
      bottlenecks: repeat(repVgg, 3, "Sequential"),
      conv3: hidden !== out && convNorm(hidden, out, 1),
    },
  });
}

function hybridEncoder(c: Config): Module {
  const dim = c.positiveInt("encoder_hidden_dim");
  const ffn = c.positiveInt("encoder_ffn_dim");
  const layer = module(`${P}EncoderLayer`, {
    children: {
      self_attn: iDetrAttention(dim, c.positiveInt("encoder_attention_heads"), `${P}MultiheadAttention`),
      self_attn_layer_norm: layerNorm(dim),
      fc1: linear(dim, ffn),
      fc2: linear(ffn, dim),
      final_layer_norm: layerNorm(dim),
    },
  });
  const stages = c.intList("encoder_in_channels").length - 1;
  return module(`${P}HybridEncoder`, {
    children: {
      encoder: repeat(module(`${P}Encoder`, { children: { layers: repeat(layer, c.int("encoder_layers")) } }), c.intList("encode_proj_layers").length),
      lateral_convs: repeat(convNorm(dim, dim, 1), stages),
      fpn_blocks: repeat(cspRep(c), stages),
      downsample_convs: repeat(convNorm(dim, dim, 3), stages),
      pan_blocks: repeat(cspRep(c), stages),
    },
  });
}

function decoder(c: Config): Module {
  const d = c.positiveInt("d_model");
  const heads = c.positiveInt("decoder_attention_heads");
  const ffn = c.positiveInt("decoder_ffn_dim");
  const layer = module(`${P}DecoderLayer`, {
    children: {
      self_attn: iDetrAttention(d, heads, `${P}MultiheadAttention`),
      self_attn_layer_norm: layerNorm(d),
      encoder_attn: iDeformableAttention(`${P}MultiscaleDeformableAttention`, d, heads, c.positiveInt("num_feature_levels"), c.positiveInt("decoder_n_points")),
      encoder_attn_layer_norm: layerNorm(d),
      fc1: linear(d, ffn),
      fc2: linear(ffn, d),
      final_layer_norm: layerNorm(d),
    },
  });
  return module(`${P}Decoder`, {
    children: { layers: repeat(layer, c.int("decoder_layers")), query_pos_head: iMlpHead(`${P}MLPPredictionHead`, 4, 2 * d, d, 2) },
  });
}

export const rtDetr: TransformersArchitecture = {
  modelType: "rt_detr",
  source: "transformers/models/rt_detr/modeling_rt_detr.py",
  config: {
    modelType: "rt_detr",
    defaults: {
      initializer_range: 0.01, initializer_bias_prior_prob: null, layer_norm_eps: 1e-5, batch_norm_eps: 1e-5, backbone_config: null,
      backbone: null, use_pretrained_backbone: false, use_timm_backbone: false, freeze_backbone_batch_norms: true, backbone_kwargs: null,
      encoder_hidden_dim: 256, encoder_in_channels: [512, 1024, 2048], feat_strides: [8, 16, 32], encoder_layers: 1, encoder_ffn_dim: 1024,
      encoder_attention_heads: 8, dropout: 0.0, activation_dropout: 0.0, encode_proj_layers: [2], positional_encoding_temperature: 10000,
      encoder_activation_function: "gelu", activation_function: "silu", eval_size: null, normalize_before: false, hidden_expansion: 1.0,
      d_model: 256, num_queries: 300, decoder_in_channels: [256, 256, 256], decoder_ffn_dim: 1024, num_feature_levels: 3, decoder_n_points: 4,
      decoder_layers: 6, decoder_attention_heads: 8, decoder_activation_function: "relu", attention_dropout: 0.0, num_denoising: 100,
      label_noise_ratio: 0.5, box_noise_scale: 1.0, learn_initial_query: false, anchor_image_size: null, disable_custom_kernels: true,
      with_box_refine: true, is_encoder_decoder: true,
    },
    attributeMap: { hidden_size: "d_model", num_attention_heads: "encoder_attention_heads" },
  },
  models: {
    AutoModel: (c) => {
      const bc = iBackboneConfig(c, BACKBONE_FALLBACK, { rt_detr_resnet: RTDETR_RESNET_SPEC });
      const bb = iRtDetrResNetBackbone(bc, c.bool("freeze_backbone_batch_norms") ? `${P}FrozenBatchNorm2d` : null);
      const d = c.positiveInt("d_model");
      const ehd = c.positiveInt("encoder_hidden_dim");
      const labels = iNumLabels(c);
      const decIn = c.intList("decoder_in_channels");
      // Extra levels beyond the encoder's outputs come from stride-2 3x3 convs chained off the last one.
      // The first reads the last output; the others are identical d → d convs: one run, whatever the count.
      const extraProj = (inCh: number) => list("Sequential", conv2d(inCh, d, 3, { bias: false }), batchNorm(d));
      const extraLevels = c.positiveInt("num_feature_levels") - decIn.length;
      const extra: (Module | Run)[] = [];
      if (extraLevels >= 1) extra.push(extraProj(decIn[decIn.length - 1] as number));
      if (extraLevels >= 2) extra.push({ module: extraProj(d), count: extraLevels - 1 });
      const model = module(`${P}Model`, {
        children: {
          backbone: module(`${P}ConvEncoder`, { children: { model: bb.module } }),
          encoder_input_proj: list("ModuleList", ...bb.channels.map((ch) => list("Sequential", conv2d(ch, ehd, 1, { bias: false }), batchNorm(ehd)))),
          encoder: hybridEncoder(c),
          denoising_class_embed: c.int("num_denoising") > 0 && embedding(labels + 1, d),
          weight_embedding: c.bool("learn_initial_query") && embedding(c.positiveInt("num_queries"), d),
          enc_output: list("Sequential", linear(d, d), layerNorm(d)),
          enc_score_head: linear(d, labels),
          enc_bbox_head: iMlpHead(`${P}MLPPredictionHead`, d, d, 4, 3),
          decoder_input_proj: list("ModuleList", ...decIn.map((ch) => list("Sequential", conv2d(ch, d, 1, { bias: false }), batchNorm(d))), ...extra),
          decoder: decoder(c),
        },
      });
      return built(model, [`${P}ConvEncoder`, `${P}EncoderLayer`, `${P}DecoderLayer`]);
    },
  },
};
