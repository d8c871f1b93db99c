// diffusers/models/transformers/sana_transformer.py (58eb52c): SanaTransformer2DModel — Sana 0.6B/1.6B (linear
// self-attention, GLU-MBConv feed-forward; no positional table unless `interpolation_scale` is set).
import { conv2d, linear } from "../../modules/blocks.js";
import { module, repeat, stateless, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import type { DiffusersModel } from "../types.js";
import { adaLayerNormSingle, attention, ln, pixArtAlphaTextProjection, rmsNorm, timestepEmbedding, timesteps } from "./blocks/layers.js";
import { patchEmbed } from "./blocks/embeddings.js";

/** `GLUMBConv(dim, dim, mlp_ratio)`: inverted 1×1 conv to 2·hidden, depthwise 3×3, bias-free pointwise back. */
function gluMBConv(dim: number, ratio: number): Module {
  const hidden = Math.trunc(ratio * dim);
  return module("GLUMBConv", {
    children: {
      conv_inverted: conv2d(dim, hidden * 2, 1),
      conv_depth: conv2d(hidden * 2, hidden * 2, 3, { groups: hidden * 2 }),
      conv_point: conv2d(hidden, dim, 1, { bias: false }),
    },
  });
}

function sanaTransformer(c: Config): Module {
  const heads = c.positiveInt("num_attention_heads");
  const headDim = c.positiveInt("attention_head_dim");
  const dim = heads * headDim;
  const qkNorm = c.optionalString("qk_norm");
  const cross = c.optionalInt("cross_attention_dim");
  const crossHeads = c.optionalInt("num_cross_attention_heads") ?? 0;
  const sample = c.int("sample_size");
  const patch = c.positiveInt("patch_size");
  const inChannels = c.int("in_channels");
  const interpolation = c.get("interpolation_scale");
  const block = module("SanaTransformerBlock", {
    params: { scale_shift_table: [6, dim] },
    children: {
      norm1: stateless("LayerNorm"),
      attn1: attention({ queryDim: dim, heads, dimHead: headDim, kvHeads: qkNorm !== undefined ? heads : undefined, qkNorm, bias: c.bool("attention_bias") }),
      norm2: cross !== undefined && ln(dim, c.bool("norm_elementwise_affine")),
      attn2:
        cross !== undefined &&
        attention({ queryDim: dim, qkNorm, kvHeads: qkNorm !== undefined ? crossHeads : undefined, crossAttentionDim: cross, heads: crossHeads, dimHead: c.positiveInt("cross_attention_head_dim"), bias: true }),
      ff: gluMBConv(dim, c.number("mlp_ratio")),
    },
  });
  const timeEmbed = c.bool("guidance_embeds")
    ? module("SanaCombinedTimestepGuidanceEmbeddings", {
        children: {
          time_proj: timesteps(),
          timestep_embedder: timestepEmbedding(256, dim),
          guidance_condition_proj: timesteps(),
          guidance_embedder: timestepEmbedding(256, dim),
          linear: linear(dim, 6 * dim),
        },
      })
    : adaLayerNormSingle(dim);
  return module("SanaTransformer2DModel", {
    params: { scale_shift_table: [2, dim] },
    children: {
      patch_embed: patchEmbed({ height: sample, width: sample, patchSize: patch, inChannels, dim, posEmbed: interpolation !== null && interpolation !== undefined }),
      time_embed: timeEmbed,
      caption_projection: pixArtAlphaTextProjection(c.int("caption_channels"), dim),
      caption_norm: rmsNorm(dim),
      transformer_blocks: repeat(block, c.int("num_layers")),
      norm_out: module("SanaModulatedNorm", { children: { norm: stateless("LayerNorm") } }),
      proj_out: linear(dim, patch * patch * (c.optionalInt("out_channels") || inChannels)),
    },
  });
}

export const sanaTransformer2DModel: DiffusersModel = {
  className: "SanaTransformer2DModel",
  source: "diffusers/models/transformers/sana_transformer.py",
  defaults: {
    in_channels: 32,
    out_channels: 32,
    num_attention_heads: 70,
    attention_head_dim: 32,
    num_layers: 20,
    num_cross_attention_heads: 20,
    cross_attention_head_dim: 112,
    cross_attention_dim: 2240,
    caption_channels: 2304,
    mlp_ratio: 2.5,
    attention_bias: false,
    sample_size: 32,
    patch_size: 1,
    norm_elementwise_affine: false,
    interpolation_scale: null,
    guidance_embeds: false,
    qk_norm: null,
  },
  noSplitModules: ["SanaTransformerBlock", "PatchEmbed", "SanaModulatedNorm"],
  build: sanaTransformer,
};
