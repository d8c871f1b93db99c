// diffusers/models/transformers/pixart_transformer_2d.py (58eb52c): PixArtTransformer2DModel — PixArt-α / Σ
// (BasicTransformerBlocks with adaLN-single; the patch embedding's sin-cos table is a non-persistent buffer).
import { linear } from "../../modules/blocks.js";
import { module, repeat, stateless, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import type { DiffusersModel } from "../types.js";
import { unsupported } from "./blocks/config.js";
import { adaLayerNormSingle, pixArtAlphaTextProjection } from "./blocks/layers.js";
import { patchEmbed } from "./blocks/embeddings.js";
import { basicTransformerBlock } from "./blocks/unet-2d-blocks.js";

function pixArtTransformer(c: Config): Module {
  if (c.get("norm_type") !== "ada_norm_single") unsupported("PixArtTransformer2DModel", `norm_type \`${String(c.get("norm_type"))}\``);
  const heads = c.positiveInt("num_attention_heads");
  const headDim = c.positiveInt("attention_head_dim");
  const dim = heads * headDim;
  const sample = c.int("sample_size");
  const patch = c.positiveInt("patch_size");
  const inChannels = c.int("in_channels");
  const out = c.optionalInt("out_channels") ?? inChannels;
  const additional = c.get("use_additional_conditions") === null || c.get("use_additional_conditions") === undefined ? sample === 128 : c.bool("use_additional_conditions");
  const caption = c.optionalInt("caption_channels");
  return module("PixArtTransformer2DModel", {
    params: { scale_shift_table: [2, dim] },
    children: {
      pos_embed: patchEmbed({ height: sample, width: sample, patchSize: patch, inChannels, dim }),
      transformer_blocks: repeat(
        basicTransformerBlock(dim, {
          heads,
          headDim,
          layers: 1,
          crossAttentionDim: c.optionalInt("cross_attention_dim"),
          attentionBias: c.bool("attention_bias"),
          activation: c.string("activation_fn"),
          normType: "ada_norm_single",
          normAffine: c.bool("norm_elementwise_affine"),
        }),
        c.int("num_layers"),
      ),
      norm_out: stateless("LayerNorm"),
      proj_out: linear(dim, patch * patch * out),
      adaln_single: adaLayerNormSingle(dim, additional),
      caption_projection: caption !== undefined && pixArtAlphaTextProjection(caption, dim),
    },
  });
}

export const pixArtTransformer2DModel: DiffusersModel = {
  className: "PixArtTransformer2DModel",
  source: "diffusers/models/transformers/pixart_transformer_2d.py",
  defaults: {
    num_attention_heads: 16,
    attention_head_dim: 72,
    in_channels: 4,
    out_channels: 8,
    num_layers: 28,
    cross_attention_dim: 1152,
    attention_bias: true,
    sample_size: 128,
    patch_size: 2,
    activation_fn: "gelu-approximate",
    num_embeds_ada_norm: 1000,
    norm_type: "ada_norm_single",
    norm_elementwise_affine: false,
    use_additional_conditions: null,
    caption_channels: null,
  },
  noSplitModules: ["BasicTransformerBlock", "PatchEmbed"],
  build: pixArtTransformer,
};
