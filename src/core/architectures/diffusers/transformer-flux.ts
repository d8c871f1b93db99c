// diffusers/models/transformers/transformer_flux.py (58eb52c): FluxTransformer2DModel — FLUX.1 dev/schnell:
// 19 double-stream (joint) blocks, 38 single-stream blocks, rotary positions computed on the fly (no buffer).
import { linear } from "../../modules/blocks.js";
import { buffer, list, module, repeat, stateless, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import type { DiffusersModel } from "../types.js";
import { adaLayerNormContinuous, adaLayerNormZero, feedForward, pixArtAlphaTextProjection, rmsNorm } from "./blocks/layers.js";
import { combinedTimestepTextProj } from "./blocks/embeddings.js";

/** `FluxAttention`: qk RMSNorms first, then to_q/k/v, to_out, and the context stream's projections. */
export function fluxAttention(dim: number, heads: number, headDim: number, o: { added: boolean; preOnly?: boolean; affine?: boolean }): Module {
  const inner = dim;
  void heads;
  return module("FluxAttention", {
    children: {
      norm_q: rmsNorm(headDim, o.affine ?? true),
      norm_k: rmsNorm(headDim, o.affine ?? true),
      to_q: linear(dim, inner),
      to_k: linear(dim, inner),
      to_v: linear(dim, inner),
      to_out: !o.preOnly && list("ModuleList", linear(inner, dim), stateless("Dropout")),
      norm_added_q: o.added && rmsNorm(headDim),
      norm_added_k: o.added && rmsNorm(headDim),
      add_q_proj: o.added && linear(dim, inner),
      add_k_proj: o.added && linear(dim, inner),
      add_v_proj: o.added && linear(dim, inner),
      to_add_out: o.added && linear(inner, dim),
    },
  });
}

function fluxTransformer(c: Config): Module {
  const heads = c.positiveInt("num_attention_heads");
  const headDim = c.positiveInt("attention_head_dim");
  const dim = heads * headDim;
  const inChannels = c.int("in_channels");
  const out = c.optionalInt("out_channels") || inChannels;
  const patch = c.int("patch_size");
  const mlp = Math.trunc(dim * 4);
  const doubleBlock = module("FluxTransformerBlock", {
    children: {
      norm1: adaLayerNormZero(dim),
      norm1_context: adaLayerNormZero(dim),
      attn: fluxAttention(dim, heads, headDim, { added: true }),
      norm2: stateless("LayerNorm"),
      ff: feedForward(dim, { activation: "gelu-approximate" }),
      norm2_context: stateless("LayerNorm"),
      ff_context: feedForward(dim, { activation: "gelu-approximate" }),
    },
  });
  const singleBlock = module("FluxSingleTransformerBlock", {
    children: {
      norm: adaLayerNormZero(dim, true, "AdaLayerNormZeroSingle", 3),
      proj_mlp: linear(dim, mlp),
      proj_out: linear(dim + mlp, dim),
      attn: fluxAttention(dim, heads, headDim, { added: false, preOnly: true }),
    },
  });
  return module("FluxTransformer2DModel", {
    children: {
      pos_embed: stateless("FluxPosEmbed"),
      time_text_embed: combinedTimestepTextProj(dim, c.int("pooled_projection_dim"), c.bool("guidance_embeds")),
      context_embedder: linear(c.int("joint_attention_dim"), dim),
      x_embedder: linear(inChannels, dim),
      transformer_blocks: repeat(doubleBlock, c.int("num_layers")),
      single_transformer_blocks: repeat(singleBlock, c.int("num_single_layers")),
      norm_out: adaLayerNormContinuous(dim, dim, { affine: false }),
      proj_out: linear(dim, patch * patch * out),
    },
  });
}

export const FLUX_DEFAULTS = {
  patch_size: 1,
  in_channels: 64,
  out_channels: null,
  num_layers: 19,
  num_single_layers: 38,
  attention_head_dim: 128,
  num_attention_heads: 24,
  joint_attention_dim: 4096,
  pooled_projection_dim: 768,
  guidance_embeds: false,
  axes_dims_rope: [16, 56, 56],
} as const;

export const fluxTransformer2DModel: DiffusersModel = {
  className: "FluxTransformer2DModel",
  source: "diffusers/models/transformers/transformer_flux.py",
  defaults: FLUX_DEFAULTS,
  noSplitModules: ["FluxTransformerBlock", "FluxSingleTransformerBlock"],
  build: fluxTransformer,
};

// diffusers/models/transformers/transformer_chroma.py (58eb52c): ChromaTransformer2DModel — FLUX.1-schnell's
// blocks with the per-block modulation linears pruned: one "approximator" MLP produces every block's modulation.
function chromaTransformer(c: Config): Module {
  const heads = c.positiveInt("num_attention_heads");
  const headDim = c.positiveInt("attention_head_dim");
  const dim = heads * headDim;
  const layers = c.int("num_layers");
  const single = c.int("num_single_layers");
  const inChannels = c.int("in_channels");
  const patch = c.int("patch_size");
  const mlp = Math.trunc(dim * 4);
  const pruned = (cls: string) => module(cls, { children: { norm: stateless("LayerNorm") } });
  const approxChannels = c.int("approximator_num_channels");
  const hidden = c.int("approximator_hidden_dim");
  const approxLayers = c.int("approximator_layers");
  // mod_proj: sinusoidal embeddings of every modulation index, [3·single + 12·layers + 2, 2 · (channels / 4)].
  const modIndices = 3 * single + 2 * 6 * layers + 2;
  return module("ChromaTransformer2DModel", {
    children: {
      pos_embed: stateless("FluxPosEmbed"),
      time_text_embed: module("ChromaCombinedTimestepTextProjEmbeddings", {
        buffers: { mod_proj: buffer([modIndices, 2 * Math.floor(approxChannels / 4)], "float32", false) },
        children: { time_proj: stateless("Timesteps"), guidance_proj: stateless("Timesteps") },
      }),
      distilled_guidance_layer: module("ChromaApproximator", {
        children: {
          in_proj: linear(approxChannels, hidden),
          layers: repeat(pixArtAlphaTextProjection(hidden, hidden), approxLayers),
          norms: repeat(rmsNorm(hidden), approxLayers),
          out_proj: linear(hidden, dim),
        },
      }),
      context_embedder: linear(c.int("joint_attention_dim"), dim),
      x_embedder: linear(inChannels, dim),
      transformer_blocks: repeat(
        module("ChromaTransformerBlock", {
          children: {
            norm1: pruned("ChromaAdaLayerNormZeroPruned"),
            norm1_context: pruned("ChromaAdaLayerNormZeroPruned"),
            attn: fluxAttention(dim, heads, headDim, { added: true }),
            norm2: stateless("LayerNorm"),
            ff: feedForward(dim, { activation: "gelu-approximate" }),
            norm2_context: stateless("LayerNorm"),
            ff_context: feedForward(dim, { activation: "gelu-approximate" }),
          },
        }),
        layers,
      ),
      single_transformer_blocks: repeat(
        module("ChromaSingleTransformerBlock", {
          children: {
            norm: pruned("ChromaAdaLayerNormZeroSinglePruned"),
            proj_mlp: linear(dim, mlp),
            proj_out: linear(dim + mlp, dim),
            attn: fluxAttention(dim, heads, headDim, { added: false, preOnly: true }),
          },
        }),
        single,
      ),
      norm_out: pruned("ChromaAdaLayerNormContinuousPruned"),
      proj_out: linear(dim, patch * patch * (c.optionalInt("out_channels") || inChannels)),
    },
  });
}

export const chromaTransformer2DModel: DiffusersModel = {
  className: "ChromaTransformer2DModel",
  source: "diffusers/models/transformers/transformer_chroma.py",
  defaults: {
    patch_size: 1,
    in_channels: 64,
    out_channels: null,
    num_layers: 19,
    num_single_layers: 38,
    attention_head_dim: 128,
    num_attention_heads: 24,
    joint_attention_dim: 4096,
    approximator_num_channels: 64,
    approximator_hidden_dim: 5120,
    approximator_layers: 5,
  },
  noSplitModules: ["ChromaTransformerBlock", "ChromaSingleTransformerBlock"],
  build: chromaTransformer,
};
