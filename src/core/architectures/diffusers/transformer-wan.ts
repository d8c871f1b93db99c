// diffusers/models/transformers/transformer_wan.py (58eb52c): WanTransformer3DModel — Wan 2.1 / 2.2 text- and
// image-to-video. The rotary tables are non-persistent float32 buffers of rope_max_seq_len × head_dim each.
import { conv, layerNorm, linear } from "../../modules/blocks.js";
import { buffer, list, module, repeat, stateless, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import type { DiffusersModel } from "../types.js";
import { exactDiv } from "./blocks/config.js";
import { feedForward, pixArtAlphaTextProjection, rmsNorm, timestepEmbedding, timesteps } from "./blocks/layers.js";

/** `WanAttention`: q/k/v/out, RMS norms across heads, and for I2V the image context's k/v projections. */
function wanAttention(dim: number, heads: number, headDim: number, added: number | undefined): Module {
  const inner = heads * headDim;
  return module("WanAttention", {
    children: {
      to_q: linear(dim, inner),
      to_k: linear(dim, inner),
      to_v: linear(dim, inner),
      to_out: list("ModuleList", linear(inner, dim), stateless("Dropout")),
      norm_q: rmsNorm(inner),
      norm_k: rmsNorm(inner),
      add_k_proj: added !== undefined && linear(added, inner),
      add_v_proj: added !== undefined && linear(added, inner),
      norm_added_k: added !== undefined && rmsNorm(inner),
    },
  });
}

function wanTransformer(c: Config): Module {
  const heads = c.positiveInt("num_attention_heads");
  const headDim = c.positiveInt("attention_head_dim");
  const dim = heads * headDim;
  const patch = c.intList("patch_size");
  const added = c.optionalInt("added_kv_proj_dim");
  const imageDim = c.optionalInt("image_dim");
  const posSeq = c.optionalInt("pos_embed_seq_len");
  const blockHeadDim = exactDiv(dim, heads, "WanTransformerBlock: dim / heads");
  const block = module("WanTransformerBlock", {
    params: { scale_shift_table: [1, 6, dim] },
    children: {
      norm1: stateless("FP32LayerNorm"),
      attn1: wanAttention(dim, heads, blockHeadDim, undefined),
      attn2: wanAttention(dim, heads, blockHeadDim, added),
      norm2: c.bool("cross_attn_norm") ? layerNorm(dim, { cls: "FP32LayerNorm" }) : stateless("Identity"),
      ffn: feedForward(dim, { innerDim: c.int("ffn_dim"), activation: "gelu-approximate" }),
      norm3: stateless("FP32LayerNorm"),
    },
  });
  // WanRotaryPosEmbed: t/h/w rotary dims summing to the head dim, cos and sin tables.
  const ropeLen = c.int("rope_max_seq_len");
  const hw = 2 * Math.floor(headDim / 6);
  // get_1d_rotary_pos_embed gives 2·⌊d/2⌋ columns per axis (cos/sin each repeated twice).
  const ropeDim = 2 * Math.floor((headDim - 2 * hw) / 2) + 2 * hw;
  const rope = module("WanRotaryPosEmbed", {
    buffers: { freqs_cos: buffer([ropeLen, ropeDim], "float32", false), freqs_sin: buffer([ropeLen, ropeDim], "float32", false) },
  });
  const imageEmbedder =
    imageDim !== undefined &&
    module("WanImageEmbedding", {
      params: { pos_embed: posSeq !== undefined && [1, posSeq, imageDim] },
      children: {
        norm1: layerNorm(imageDim, { cls: "FP32LayerNorm" }),
        ff: feedForward(imageDim, { dimOut: dim, mult: 1, activation: "gelu" }),
        norm2: layerNorm(dim, { cls: "FP32LayerNorm" }),
      },
    });
  const freq = c.int("freq_dim");
  return module("WanTransformer3DModel", {
    params: { scale_shift_table: [1, 2, dim] },
    children: {
      rope,
      patch_embedding: conv(c.int("in_channels"), dim, patch, { dims: 3 }),
      condition_embedder: module("WanTimeTextImageEmbedding", {
        children: {
          timesteps_proj: timesteps(),
          time_embedder: timestepEmbedding(freq, dim),
          time_proj: linear(dim, dim * 6),
          text_embedder: pixArtAlphaTextProjection(c.int("text_dim"), dim),
          image_embedder: imageEmbedder,
        },
      }),
      blocks: repeat(block, c.int("num_layers")),
      norm_out: stateless("FP32LayerNorm"),
      proj_out: linear(dim, (c.optionalInt("out_channels") || c.int("in_channels")) * patch.reduce((a, b) => a * b, 1)),
    },
  });
}

export const wanTransformer3DModel: DiffusersModel = {
  className: "WanTransformer3DModel",
  source: "diffusers/models/transformers/transformer_wan.py",
  defaults: {
    patch_size: [1, 2, 2],
    num_attention_heads: 40,
    attention_head_dim: 128,
    in_channels: 16,
    out_channels: 16,
    text_dim: 4096,
    freq_dim: 256,
    ffn_dim: 13824,
    num_layers: 40,
    cross_attn_norm: true,
    qk_norm: "rms_norm_across_heads",
    eps: 1e-6,
    image_dim: null,
    added_kv_proj_dim: null,
    rope_max_seq_len: 1024,
    pos_embed_seq_len: null,
  },
  noSplitModules: ["WanTransformerBlock"],
  build: wanTransformer,
};
