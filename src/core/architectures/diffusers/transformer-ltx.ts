// diffusers/models/transformers/transformer_ltx.py (58eb52c): LTXVideoTransformer3DModel — LTX-Video 0.9.x
// (no `_no_split_modules`: accelerate's largest layer is a single leaf).
import { linear } from "../../modules/blocks.js";
import { list, module, repeat, stateless, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import type { DiffusersModel } from "../types.js";
import { unsupported } from "./blocks/config.js";
import { adaLayerNormSingle, feedForward, pixArtAlphaTextProjection, rmsNorm } from "./blocks/layers.js";

/** `LTXAttention`: RMS norms across heads first, then q/k/v and the output projection. */
function ltxAttention(dim: number, heads: number, headDim: number, cross: number, bias: boolean, outBias: boolean): Module {
  const inner = heads * headDim;
  return module("LTXAttention", {
    children: {
      norm_q: rmsNorm(inner),
      norm_k: rmsNorm(inner),
      to_q: linear(dim, inner, bias),
      to_k: linear(cross, inner, bias),
      to_v: linear(cross, inner, bias),
      to_out: list("ModuleList", linear(inner, dim, outBias), stateless("Dropout")),
    },
  });
}

function ltxTransformer(c: Config): Module {
  if (c.get("qk_norm") !== "rms_norm_across_heads") unsupported("LTXVideoTransformer3DModel", "a `qk_norm` other than rms_norm_across_heads");
  const heads = c.positiveInt("num_attention_heads");
  const headDim = c.positiveInt("attention_head_dim");
  const dim = heads * headDim;
  const bias = c.bool("attention_bias");
  const outBias = c.bool("attention_out_bias");
  const affine = c.bool("norm_elementwise_affine");
  const norm = () => (affine ? rmsNorm(dim) : stateless("RMSNorm"));
  const block = module("LTXVideoTransformerBlock", {
    params: { scale_shift_table: [6, dim] },
    children: {
      norm1: norm(),
      attn1: ltxAttention(dim, heads, headDim, dim, bias, outBias),
      norm2: norm(),
      attn2: ltxAttention(dim, heads, headDim, c.int("cross_attention_dim"), bias, outBias),
      ff: feedForward(dim, { activation: c.string("activation_fn") }),
    },
  });
  const inChannels = c.int("in_channels");
  return module("LTXVideoTransformer3DModel", {
    params: { scale_shift_table: [2, dim] },
    children: {
      proj_in: linear(inChannels, dim),
      time_embed: adaLayerNormSingle(dim),
      caption_projection: pixArtAlphaTextProjection(c.int("caption_channels"), dim),
      rope: stateless("LTXVideoRotaryPosEmbed"),
      transformer_blocks: repeat(block, c.int("num_layers")),
      norm_out: stateless("LayerNorm"),
      proj_out: linear(dim, c.optionalInt("out_channels") || inChannels),
    },
  });
}

export const ltxVideoTransformer3DModel: DiffusersModel = {
  className: "LTXVideoTransformer3DModel",
  source: "diffusers/models/transformers/transformer_ltx.py",
  defaults: {
    in_channels: 128,
    out_channels: 128,
    patch_size: 1,
    patch_size_t: 1,
    num_attention_heads: 32,
    attention_head_dim: 64,
    cross_attention_dim: 2048,
    num_layers: 28,
    activation_fn: "gelu-approximate",
    qk_norm: "rms_norm_across_heads",
    norm_elementwise_affine: false,
    caption_channels: 4096,
    attention_bias: true,
    attention_out_bias: true,
  },
  noSplitModules: null,
  build: ltxTransformer,
};
