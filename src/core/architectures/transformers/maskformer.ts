// transformers/models/maskformer/{configuration,modeling}_maskformer.py (4.47)
import { conv2d, embedding, groupNorm } from "../../modules/blocks.js";
import { list, module, stateless, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import type { TransformersArchitecture } from "../types.js";
import { built, subConfig } from "./shared/build.js";
import { iBackboneConfig, iMaskFormerSwinBackbone, iResNetBackbone, type Backbone } from "./shared/backbones.js";
import { DETR_SPEC, iDetrDecoder } from "./shared/detr.js";

/** MaskFormerConfig's fallback backbone (swin-base-patch4-window12-384). */
const SWIN_FALLBACK = {
  model_type: "swin", image_size: 384, num_channels: 3, patch_size: 4, embed_dim: 128, depths: [2, 2, 18, 2],
  num_heads: [4, 8, 16, 32], window_size: 12, drop_path_rate: 0.3, out_features: ["stage1", "stage2", "stage3", "stage4"],
};

/** A swin backbone is rebuilt as MaskFormerSwin with every stage as output; other backbones go through AutoBackbone. */
function backbone(c: Config): Backbone {
  const bc = iBackboneConfig(c, SWIN_FALLBACK);
  if (bc.get("model_type") === "swin") {
    bc.set("out_features", ["stage1", "stage2", "stage3", "stage4"]);
    return iMaskFormerSwinBackbone(bc);
  }
  return iResNetBackbone(bc);
}

/** MaskFormerFPNConvLayer: conv (no bias), GroupNorm(32), ReLU, registered under indices. */
function fpnConv(inCh: number, out: number): Module {
  return module("MaskFormerFPNConvLayer", { children: { 0: conv2d(inCh, out, 3, { bias: false }), 1: groupNorm(out), 2: stateless("ReLU") } });
}

function pixelDecoder(c: Config, channels: number[]): Module {
  const fpn = c.positiveInt("fpn_feature_size");
  const lateral = channels.slice(0, -1).reverse();
  const fpnLayer = (w: number) =>
    module("MaskFormerFPNLayer", { children: { proj: list("Sequential", conv2d(w, fpn, 1, { bias: false }), groupNorm(fpn)), block: fpnConv(fpn, fpn) } });
  return module("MaskFormerPixelDecoder", {
    children: {
      fpn: module("MaskFormerFPNModel", { children: { stem: fpnConv(channels[channels.length - 1] as number, fpn), layers: list("Sequential", ...lateral.map(fpnLayer)) } }),
      mask_projection: conv2d(fpn, c.positiveInt("mask_feature_size"), 3),
    },
  });
}

export const maskformer: TransformersArchitecture = {
  modelType: "maskformer",
  source: "transformers/models/maskformer/modeling_maskformer.py",
  config: {
    modelType: "maskformer",
    defaults: {
      fpn_feature_size: 256, mask_feature_size: 256, no_object_weight: 0.1, use_auxiliary_loss: false, backbone_config: null,
      decoder_config: null, init_std: 0.02, init_xavier_std: 1.0, dice_weight: 1.0, cross_entropy_weight: 1.0, mask_weight: 20.0,
      output_auxiliary_logits: null, backbone: null, use_pretrained_backbone: false, use_timm_backbone: false, backbone_kwargs: null,
    },
    attributeMap: { hidden_size: "mask_feature_size" },
  },
  models: {
    AutoModel: (c) => {
      const bb = backbone(c);
      const dec = subConfig(c, "decoder_config", DETR_SPEC);
      const hidden = dec.positiveInt("d_model");
      const inFeatures = bb.channels[bb.channels.length - 1] as number;
      const model = module("MaskFormerModel", {
        children: {
          pixel_level_module: module("MaskFormerPixelLevelModule", { children: { encoder: bb.module, decoder: pixelDecoder(c, bb.channels) } }),
          transformer_module: module("MaskFormerTransformerModule", {
            children: {
              queries_embedder: embedding(dec.int("num_queries"), hidden),
              // Only when the backbone's last width differs from the decoder's.
              input_projection: inFeatures !== hidden && conv2d(inFeatures, hidden, 1),
              decoder: iDetrDecoder(dec),
            },
          }),
        },
      });
      return built(model, null);
    },
  },
};
