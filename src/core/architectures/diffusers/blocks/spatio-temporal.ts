/**
 * Stable Video Diffusion's blocks: `SpatioTemporalResBlock` / `TemporalResnetBlock` / `AlphaBlender`
 * (models/resnet.py), `TransformerSpatioTemporalModel` (models/transformers/transformer_temporal.py) and
 * `TemporalBasicTransformerBlock` (models/attention.py), diffusers 58eb52c.
 */
import { conv, groupNorm, layerNorm, linear } from "../../../modules/blocks.js";
import { module, repeat, type Module } from "../../../modules/module.js";
import { attention, feedForward, timestepEmbedding, timesteps } from "./layers.js";
import { resnetBlock2D } from "./resnet-2d.js";
import { basicTransformerBlock } from "./unet-2d-blocks.js";

/** `AlphaBlender`: one learned mix factor (a parameter; the "fixed" strategy would make it a buffer). */
export const alphaBlender = (): Module => module("AlphaBlender", { params: { mix_factor: [1] } });

/** `TemporalResnetBlock`: the 2D resnet's layout with (3, 1, 1) temporal convs. */
function temporalResnet(a: number, b: number, temb: number | undefined): Module {
  return module("TemporalResnetBlock", {
    children: {
      norm1: groupNorm(a),
      conv1: conv(a, b, [3, 1, 1], { dims: 3 }),
      time_emb_proj: temb !== undefined && linear(temb, b),
      norm2: groupNorm(b),
      conv2: conv(b, b, [3, 1, 1], { dims: 3 }),
      conv_shortcut: a !== b && conv(a, b, [1, 1, 1], { dims: 3 }),
    },
  });
}

/** `SpatioTemporalResBlock`: a ResnetBlock2D, then a temporal resnet on its output, blended by an AlphaBlender. */
export function spatioTemporalResBlock(a: number, b: number, temb: number | undefined): Module {
  return module("SpatioTemporalResBlock", {
    children: { spatial_res_block: resnetBlock2D(a, b, { temb }), temporal_res_block: temporalResnet(b, b, temb), time_mixer: alphaBlender() },
  });
}

/** `TemporalBasicTransformerBlock(dim, dim, heads, head_dim, cross)`: norm_in, ff_in, then the BasicTransformerBlock layout. */
function temporalBasicTransformerBlock(dim: number, heads: number, headDim: number, cross: number | undefined): Module {
  return module("TemporalBasicTransformerBlock", {
    children: {
      norm_in: layerNorm(dim),
      ff_in: feedForward(dim, { activation: "geglu" }),
      norm1: layerNorm(dim),
      attn1: attention({ queryDim: dim, heads, dimHead: headDim }),
      norm2: cross !== undefined && layerNorm(dim),
      attn2: cross !== undefined && attention({ queryDim: dim, crossAttentionDim: cross, heads, dimHead: headDim }),
      norm3: layerNorm(dim),
      ff: feedForward(dim, { activation: "geglu" }),
    },
  });
}

/** `TransformerSpatioTemporalModel`: spatial and temporal transformer blocks with a frame-position embedding. */
export function transformerSpatioTemporal(inChannels: number, heads: number, headDim: number, layers: number, cross: number | undefined): Module {
  const inner = heads * headDim;
  return module("TransformerSpatioTemporalModel", {
    children: {
      norm: groupNorm(inChannels),
      proj_in: linear(inChannels, inner),
      transformer_blocks: repeat(basicTransformerBlock(inner, { heads, headDim, crossAttentionDim: cross, layers }), layers),
      temporal_transformer_blocks: repeat(temporalBasicTransformerBlock(inner, heads, headDim, cross), layers),
      time_pos_embed: timestepEmbedding(inChannels, inChannels * 4, { outDim: inChannels }),
      time_proj: timesteps(),
      time_mixer: alphaBlender(),
      proj_out: linear(inner, inChannels),
    },
  });
}
