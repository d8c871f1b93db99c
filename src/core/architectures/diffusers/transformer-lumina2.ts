// diffusers/models/transformers/transformer_lumina2.py (58eb52c): Lumina2Transformer2DModel — Lumina-Image 2.0
// (noise and context refiners, then the main blocks; rotary tables kept as plain attributes, not buffers).
import { linear } from "../../modules/blocks.js";
import { list, module, repeat, stateless, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import type { DiffusersModel } from "../types.js";
import { exactDiv } from "./blocks/config.js";
import { attention, rmsNorm, timestepEmbedding, timesteps } from "./blocks/layers.js";

function lumina2Block(c: Config, dim: number, modulation: boolean): Module {
  const heads = c.positiveInt("num_attention_heads");
  const multiple = c.positiveInt("multiple_of");
  const multiplier = c.get("ffn_dim_multiplier");
  let inner = 4 * dim;
  if (multiplier !== null && multiplier !== undefined) inner = Math.trunc(c.number("ffn_dim_multiplier") * inner);
  inner = multiple * Math.floor((inner + multiple - 1) / multiple);
  return module("Lumina2TransformerBlock", {
    children: {
      attn: attention({
        queryDim: dim,
        dimHead: exactDiv(dim, heads, "Lumina2TransformerBlock: hidden_size / heads"),
        heads,
        kvHeads: c.positiveInt("num_kv_heads"),
        qkNorm: "rms_norm",
        bias: false,
        outBias: false,
      }),
      feed_forward: module("LuminaFeedForward", {
        children: { linear_1: linear(dim, inner, false), linear_2: linear(inner, dim, false), linear_3: linear(dim, inner, false) },
      }),
      norm1: modulation ? module("LuminaRMSNormZero", { children: { linear: linear(Math.min(dim, 1024), 4 * dim), norm: rmsNorm(dim) } }) : rmsNorm(dim),
      ffn_norm1: rmsNorm(dim),
      norm2: rmsNorm(dim),
      ffn_norm2: rmsNorm(dim),
    },
  });
}

function lumina2Transformer(c: Config): Module {
  const dim = c.positiveInt("hidden_size");
  const patch = c.positiveInt("patch_size");
  const inChannels = c.int("in_channels");
  const out = c.optionalInt("out_channels") || inChannels;
  const capDim = c.int("cap_feat_dim");
  const refiners = c.int("num_refiner_layers");
  const condDim = Math.min(dim, 1024);
  return module("Lumina2Transformer2DModel", {
    children: {
      rope_embedder: stateless("Lumina2RotaryPosEmbed"),
      x_embedder: linear(patch * patch * inChannels, dim),
      time_caption_embed: module("Lumina2CombinedTimestepCaptionEmbedding", {
        children: {
          time_proj: timesteps(),
          timestep_embedder: timestepEmbedding(256, condDim),
          caption_embedder: list("Sequential", rmsNorm(capDim), linear(capDim, dim)),
        },
      }),
      noise_refiner: repeat(lumina2Block(c, dim, true), refiners),
      context_refiner: repeat(lumina2Block(c, dim, false), refiners),
      layers: repeat(lumina2Block(c, dim, true), c.int("num_layers")),
      norm_out: module("LuminaLayerNormContinuous", {
        children: { linear_1: linear(condDim, dim), norm: stateless("LayerNorm"), linear_2: linear(dim, patch * patch * out) },
      }),
    },
  });
}

export const lumina2Transformer2DModel: DiffusersModel = {
  className: "Lumina2Transformer2DModel",
  source: "diffusers/models/transformers/transformer_lumina2.py",
  defaults: {
    sample_size: 128,
    patch_size: 2,
    in_channels: 16,
    out_channels: null,
    hidden_size: 2304,
    num_layers: 26,
    num_refiner_layers: 2,
    num_attention_heads: 24,
    num_kv_heads: 8,
    multiple_of: 256,
    ffn_dim_multiplier: null,
    cap_feat_dim: 1024,
  },
  noSplitModules: ["Lumina2TransformerBlock"],
  build: lumina2Transformer,
};
