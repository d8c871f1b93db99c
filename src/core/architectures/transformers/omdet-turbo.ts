// transformers/models/omdet_turbo/{configuration,modeling}_omdet_turbo.py (4.47): a timm Swin backbone by name
// (TimmBackbone → `timm.create_model(name, features_only=True, **backbone_kwargs)`), a CLIP text model, an RT-DETR
// style hybrid encoder (CSP/RepVGG FPN + PAN) and a deformable decoder with per-layer class and box heads.
import type { Config } from "../../config/config.js";
import { UnsupportedArchitectureError } from "../../errors.js";
import { batchNorm, conv2d, embedding, layerNorm, linear } from "../../modules/blocks.js";
import { list, module, repeat, type Module } from "../../modules/module.js";
import { SWIN_MODELS, buildSwin } from "../timm/swin-transformer.js";
import type { TransformersArchitecture } from "../types.js";
import { clipTextModel } from "./clip.js";
import { iBackboneConfig, iSwinBackbone } from "./shared/backbones.js";
import { built, subConfig } from "./shared/build.js";
import { iDeformableAttention } from "./shared/deformable-attention.js";
import { iMlpHead } from "./shared/detector-heads.js";
import { checkHeads } from "./shared/stage-lists.js";

const P = "OmDetTurbo";

/**
 * The timm backbone: `features_only` wraps the model in a FeatureListNet that keeps the modules up to the last
 * requested stage under flattened names (`layers.2` → `layers_2`) and drops the final norm and head.
 */
function timmSwinBackbone(c: Config): Module {
  const name = c.string("backbone");
  const entry = SWIN_MODELS[name];
  if (!entry) throw new UnsupportedArchitectureError(`${c.label}: the timm backbone \`${name}\` is not supported (timm Swin models only)`, name);
  const { out_indices: outIndices, features_only: _f, in_chans: _i, ...kwargs } = c.object("backbone_kwargs") ?? {};
  const swin = buildSwin(entry, { numClasses: 0, inChans: 3, extra: kwargs });
  const stages = (swin.children.find(([n]) => n === "layers")?.[1].items ?? []).flatMap((r) => Array.from({ length: r.count }, () => r.module));
  const wanted = Array.isArray(outIndices) ? outIndices.map(Number) : [stages.length - 1];
  const last = Math.max(...wanted.map((i) => (i < 0 ? stages.length + i : i)));
  const children: Record<string, Module> = { patch_embed: swin.children.find(([n]) => n === "patch_embed")?.[1] as Module };
  stages.slice(0, last + 1).forEach((stage, i) => (children[`layers_${i}`] = stage));
  return module("TimmBackbone", { children: { _backbone: module("FeatureListNet", { children }) } });
}

function mha(c: Config, dim: number, heads: number, key: string): Module {
  checkHeads(c, dim, heads, key);
  const all = Math.floor(dim / heads) * heads;
  return module(`${P}MultiheadAttention`, { children: { query: linear(dim, all), key: linear(dim, all), value: linear(dim, all), out_proj: linear(dim, dim) } });
}

function convNorm(inCh: number, outCh: number, k: number): Module {
  return module(`${P}ConvNormLayer`, { children: { conv: conv2d(inCh, outCh, k, { bias: false }), norm: batchNorm(outCh) } });
}

const projection = (inCh: number, outCh: number) => list("Sequential", conv2d(inCh, outCh, 1, { bias: false }), batchNorm(outCh));

function cspRepLayer(c: Config, h: number): Module {
  const hidden = Math.trunc(h * c.number("hidden_expansion"));
  const repVgg = module(`${P}RepVggBlock`, { children: { conv1: convNorm(hidden, hidden, 3), conv2: convNorm(hidden, hidden, 1) } });
  return module(`${P}CSPRepLayer`, {
    children: {
      conv1: convNorm(2 * h, hidden, 1),
      conv2: convNorm(2 * h, hidden, 1),
      bottlenecks: repeat(repVgg, 3, "Sequential"),
      conv3: hidden !== h && convNorm(hidden, h, 1),
    },
  });
}

function hybridEncoder(c: Config): Module {
  const h = c.positiveInt("encoder_hidden_dim");
  const inChannels = c.intList("encoder_in_channels");
  const ffn = c.int("encoder_dim_feedforward");
  const layer = module(`${P}EncoderLayer`, {
    children: {
      self_attn: mha(c, h, c.positiveInt("encoder_attention_heads"), "encoder_attention_heads"),
      self_attn_layer_norm: layerNorm(h),
      fc1: linear(h, ffn),
      fc2: linear(ffn, h),
      final_layer_norm: layerNorm(h),
    },
  });
  const n = Math.max(inChannels.length - 1, 0);
  return module(`${P}HybridEncoder`, {
    children: {
      channel_projection_layers: list("ModuleList", ...inChannels.map((ch) => projection(ch, h))),
      encoder: repeat(module(`${P}Encoder`, { children: { layers: repeat(layer, c.int("encoder_layers")) } }), c.intList("encoder_projection_indices").length),
      lateral_convs: repeat(convNorm(h, h, 1), n),
      fpn_blocks: repeat(cspRepLayer(c, h), n),
      downsample_convs: repeat(convNorm(h, h, 3), n),
      pan_blocks: repeat(cspRepLayer(c, h), n),
    },
  });
}

function decoder(c: Config): Module {
  const h = c.positiveInt("decoder_hidden_dim");
  const cls = c.positiveInt("class_embed_dim");
  const ffn = c.int("decoder_dim_feedforward");
  const heads = c.positiveInt("decoder_num_heads");
  const layers = c.int("decoder_num_layers");
  const layer = module(`${P}DeformableTransformerDecoderLayer`, {
    children: {
      self_attn: mha(c, h, heads, "decoder_num_heads"),
      norm1: layerNorm(h),
      // Sized by d_model (the encoder's hidden width), as the module reads it.
      cross_attn: iDeformableAttention(`${P}MultiscaleDeformableAttention`, c.positiveInt("d_model"), heads, c.positiveInt("num_feature_levels"), c.positiveInt("decoder_num_points")),
      norm2: layerNorm(h),
      linear1: linear(h, ffn),
      linear2: linear(ffn, h),
      norm3: layerNorm(h),
    },
  });
  const task = c.positiveInt("task_encoder_hidden_dim");
  return module(`${P}Decoder`, {
    children: {
      channel_projection_layers: list("ModuleList", ...c.intList("vision_features_channels").map((ch) => projection(ch, h))),
      task_encoder: module(`${P}TaskEncoder`, {
        children: {
          mlp: module(`${P}MLPWithDropout`, { children: { linear1: linear(cls, task), linear2: linear(task, cls) } }),
          res1: module(`${P}ResidualLayer`, { children: { norm1: layerNorm(cls) } }),
        },
      }),
      task_project: cls !== h && linear(cls, h),
      layers: repeat(layer, layers),
      tgt_embed: c.bool("learn_initial_query") && embedding(c.positiveInt("num_queries"), h),
      query_position_head: iMlpHead(`${P}MLP`, 4, 2 * h, h, 2),
      encoder_vision_features: list("Sequential", linear(h, h), layerNorm(h)),
      encoder_class_head: linear(cls, h),
      encoder_bbox_head: iMlpHead(`${P}MLP`, h, h, 4, 3),
      decoder_class_head: repeat(linear(cls, h), layers),
      decoder_bbox_head: repeat(iMlpHead(`${P}MLP`, h, h, 4, 3), layers),
    },
  });
}

function omdetTurboModel(c: Config): Module {
  const text = subConfig(c, "text_config", clipTextModel.config);
  if ((text.get("model_type") ?? "clip_text_model") !== "clip_text_model") {
    throw new UnsupportedArchitectureError(`${c.label}: only a CLIP text model is supported as text backbone`, String(text.get("model_type")));
  }
  const vision = c.bool("use_timm_backbone")
    ? timmSwinBackbone(c)
    : iSwinBackbone(iBackboneConfig(c, {
        model_type: "swin", window_size: 7, image_size: c.int("image_size"), embed_dim: 96, depths: [2, 2, 6, 2], num_heads: [3, 6, 12, 24], out_indices: [2, 3, 4],
      })).module;
  return module(`${P}ForObjectDetection`, {
    children: {
      vision_backbone: module(`${P}VisionBackbone`, {
        children: { vision_backbone: vision, layer_norms: list("ModuleList", ...c.intList("encoder_in_channels").map((ch) => layerNorm(ch))) },
      }),
      language_backbone: module(`${P}LanguageBackbone`, {
        params: { text_projection: [c.int("text_projection_in_dim"), c.int("text_projection_out_dim")] },
        children: { model: clipTextModel.models.AutoModel(text).module },
      }),
      encoder: hybridEncoder(c),
      decoder: decoder(c),
    },
  });
}

export const omdetTurbo: TransformersArchitecture = {
  modelType: "omdet-turbo",
  source: "transformers/models/omdet_turbo/modeling_omdet_turbo.py",
  config: {
    modelType: "omdet-turbo",
    defaults: {
      text_config: null, backbone_config: null, use_timm_backbone: true, backbone: "swin_tiny_patch4_window7_224",
      backbone_kwargs: null, use_pretrained_backbone: false,
      apply_layernorm_after_vision_backbone: true, image_size: 640, text_projection_in_dim: 512, text_projection_out_dim: 512,
      task_encoder_hidden_dim: 1024, class_embed_dim: 512, num_queries: 900, hidden_expansion: 1, vision_features_channels: [256, 256, 256],
      d_model: 256, encoder_in_channels: [192, 384, 768], encoder_projection_indices: [2], encoder_attention_heads: 8,
      encoder_dim_feedforward: 2048, encoder_layers: 1, num_feature_levels: 3, decoder_hidden_dim: 256, decoder_num_heads: 8,
      decoder_num_layers: 6, decoder_dim_feedforward: 2048, decoder_num_points: 4, learn_initial_query: false, is_encoder_decoder: true,
    },
    attributeMap: { encoder_hidden_dim: "d_model", num_attention_heads: "encoder_attention_heads" },
    // The config's __init__ replaces any given backbone_kwargs for a timm backbone without backbone_config.
    derive: (c) => {
      if (c.bool("use_timm_backbone") && c.get("backbone_config") == null) {
        c.set("backbone_kwargs", { out_indices: [1, 2, 3], img_size: c.get("image_size"), always_partition: true });
      }
    },
  },
  models: { AutoModel: (c) => built(omdetTurboModel(c), null) },
};
