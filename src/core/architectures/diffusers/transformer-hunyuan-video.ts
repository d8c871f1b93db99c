// diffusers/models/transformers/transformer_hunyuan_video.py (58eb52c): HunyuanVideoTransformer3DModel —
// HunyuanVideo T2V (and I2V: latent_concat / token_replace): 20 dual-stream, 40 single-stream blocks, a text
// token refiner; rotary positions computed on the fly.
import { conv, layerNorm, linear } from "../../modules/blocks.js";
import { module, repeat, stateless, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import type { DiffusersModel } from "../types.js";
import { unsupported } from "./blocks/config.js";
import { adaLayerNormContinuous, adaLayerNormZero, attention, feedForward, pixArtAlphaTextProjection, timestepEmbedding, timesteps } from "./blocks/layers.js";
import { combinedTimestepTextProj } from "./blocks/embeddings.js";

function tokenRefiner(c: Config, heads: number, headDim: number): Module {
  const dim = heads * headDim;
  const textDim = c.int("text_embed_dim");
  const block = module("HunyuanVideoIndividualTokenRefinerBlock", {
    children: {
      norm1: layerNorm(dim),
      attn: attention({ queryDim: dim, heads, dimHead: headDim, bias: true }),
      norm2: layerNorm(dim),
      ff: feedForward(dim, { mult: 4, activation: "linear-silu" }),
      norm_out: module("HunyuanVideoAdaNorm", { children: { linear: linear(dim, 2 * dim) } }),
    },
  });
  return module("HunyuanVideoTokenRefiner", {
    children: {
      time_text_embed: combinedTimestepTextProj(dim, textDim),
      proj_in: linear(textDim, dim),
      token_refiner: module("HunyuanVideoIndividualTokenRefiner", { children: { refiner_blocks: repeat(block, c.int("num_refiner_layers")) } }),
    },
  });
}

function hunyuanVideoTransformer(c: Config): Module {
  const heads = c.positiveInt("num_attention_heads");
  const headDim = c.positiveInt("attention_head_dim");
  const dim = heads * headDim;
  const ratio = c.number("mlp_ratio");
  const qkNorm = c.string("qk_norm");
  const condition = c.optionalString("image_condition_type");
  if (condition !== undefined && condition !== "latent_concat" && condition !== "token_replace") {
    unsupported("HunyuanVideoTransformer3DModel", `image_condition_type \`${condition}\``);
  }
  const replace = condition === "token_replace" ? "TokenReplace" : "";
  const patch = c.positiveInt("patch_size");
  const patchT = c.positiveInt("patch_size_t");
  const mlp = Math.trunc(dim * ratio);
  const double = module(`HunyuanVideo${replace}TransformerBlock`, {
    children: {
      norm1: replace ? adaLayerNormZero(dim, true, "HunyuanVideoTokenReplaceAdaLayerNormZero") : adaLayerNormZero(dim),
      norm1_context: adaLayerNormZero(dim),
      attn: attention({ queryDim: dim, addedKvProjDim: dim, dimHead: headDim, heads, outDim: dim, contextPreOnly: false, bias: true, qkNorm }),
      norm2: stateless("LayerNorm"),
      ff: feedForward(dim, { mult: ratio, activation: "gelu-approximate" }),
      norm2_context: stateless("LayerNorm"),
      ff_context: feedForward(dim, { mult: ratio, activation: "gelu-approximate" }),
    },
  });
  const single = module(`HunyuanVideo${replace}SingleTransformerBlock`, {
    children: {
      attn: attention({ queryDim: dim, dimHead: headDim, heads, outDim: dim, bias: true, qkNorm, preOnly: true }),
      norm: adaLayerNormZero(dim, true, replace ? "HunyuanVideoTokenReplaceAdaLayerNormZeroSingle" : "AdaLayerNormZeroSingle", 3),
      proj_mlp: linear(dim, mlp),
      proj_out: linear(dim + mlp, dim),
    },
  });
  const out = c.optionalInt("out_channels") || c.int("in_channels");
  return module("HunyuanVideoTransformer3DModel", {
    children: {
      x_embedder: module("HunyuanVideoPatchEmbed", { children: { proj: conv(c.int("in_channels"), dim, [patchT, patch, patch], { dims: 3 }) } }),
      context_embedder: tokenRefiner(c, heads, headDim),
      time_text_embed: module("HunyuanVideoConditionEmbedding", {
        children: {
          time_proj: timesteps(),
          timestep_embedder: timestepEmbedding(256, dim),
          text_embedder: pixArtAlphaTextProjection(c.int("pooled_projection_dim"), dim),
          guidance_embedder: c.bool("guidance_embeds") && timestepEmbedding(256, dim),
        },
      }),
      rope: stateless("HunyuanVideoRotaryPosEmbed"),
      transformer_blocks: repeat(double, c.int("num_layers")),
      single_transformer_blocks: repeat(single, c.int("num_single_layers")),
      norm_out: adaLayerNormContinuous(dim, dim, { affine: false }),
      proj_out: linear(dim, patchT * patch * patch * out),
    },
  });
}

export const hunyuanVideoTransformer3DModel: DiffusersModel = {
  className: "HunyuanVideoTransformer3DModel",
  source: "diffusers/models/transformers/transformer_hunyuan_video.py",
  defaults: {
    in_channels: 16,
    out_channels: 16,
    num_attention_heads: 24,
    attention_head_dim: 128,
    num_layers: 20,
    num_single_layers: 40,
    num_refiner_layers: 2,
    mlp_ratio: 4.0,
    patch_size: 2,
    patch_size_t: 1,
    qk_norm: "rms_norm",
    guidance_embeds: true,
    text_embed_dim: 4096,
    pooled_projection_dim: 768,
    image_condition_type: null,
  },
  noSplitModules: [
    "HunyuanVideoTransformerBlock",
    "HunyuanVideoSingleTransformerBlock",
    "HunyuanVideoTokenReplaceTransformerBlock",
    "HunyuanVideoTokenReplaceSingleTransformerBlock",
    "HunyuanVideoPatchEmbed",
    "HunyuanVideoTokenRefiner",
  ],
  build: hunyuanVideoTransformer,
};
