// diffusers/models/transformers/transformer_sd3.py + attention.py's JointTransformerBlock (58eb52c):
// SD3Transformer2DModel — SD 3 / 3.5 (MMDiT; 3.5 medium adds dual-attention layers and RMS qk norms).
import { linear } from "../../modules/blocks.js";
import { module, stateless, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import { InvalidConfigError } from "../../errors.js";
import type { DiffusersModel } from "../types.js";
import { adaLayerNormContinuous, adaLayerNormZero, attention, feedForward } from "./blocks/layers.js";
import { combinedTimestepTextProj, patchEmbed } from "./blocks/embeddings.js";
import { keyedList } from "./blocks/runs.js";

/** `JointTransformerBlock`: the last one is `context_pre_only` (no context output, a continuous context norm). */
function jointBlock(dim: number, heads: number, headDim: number, qkNorm: string | undefined, contextPreOnly: boolean, dual: boolean): Module {
  const attn = (added: boolean) =>
    attention({ queryDim: dim, heads, dimHead: headDim, outDim: dim, bias: true, qkNorm, addedKvProjDim: added ? dim : undefined, contextPreOnly: added ? contextPreOnly : undefined });
  return module("JointTransformerBlock", {
    children: {
      norm1: dual ? adaLayerNormZero(dim, true, "SD35AdaLayerNormZeroX", 9) : adaLayerNormZero(dim),
      norm1_context: contextPreOnly ? adaLayerNormContinuous(dim, dim, { affine: false }) : adaLayerNormZero(dim),
      attn: attn(true),
      attn2: dual && attn(false),
      norm2: stateless("LayerNorm"),
      ff: feedForward(dim, { activation: "gelu-approximate" }),
      norm2_context: !contextPreOnly && stateless("LayerNorm"),
      ff_context: !contextPreOnly && feedForward(dim, { activation: "gelu-approximate" }),
    },
  });
}

function sd3Transformer(c: Config): Module {
  const heads = c.positiveInt("num_attention_heads");
  const headDim = c.positiveInt("attention_head_dim");
  const dim = heads * headDim;
  const layers = c.int("num_layers");
  const patch = c.positiveInt("patch_size");
  const sample = c.int("sample_size");
  const dual = new Set(c.intList("dual_attention_layers"));
  const qkNorm = c.optionalString("qk_norm");
  if (c.int("caption_projection_dim") !== dim) {
    // The joint attention adds the context projection's output to hidden states of width `dim`.
    throw new InvalidConfigError("SD3Transformer2DModel: `caption_projection_dim` must equal heads × head dim", "caption_projection_dim");
  }
  return module("SD3Transformer2DModel", {
    children: {
      pos_embed: patchEmbed({ height: sample, width: sample, patchSize: patch, inChannels: c.int("in_channels"), dim, posEmbedMaxSize: c.optionalInt("pos_embed_max_size") }),
      time_text_embed: combinedTimestepTextProj(dim, c.int("pooled_projection_dim")),
      context_embedder: linear(c.int("joint_attention_dim"), c.int("caption_projection_dim")),
      // Blocks differ only at their dual-attention indices and in the last (context_pre_only) one.
      transformer_blocks: keyedList(
        layers,
        (i) => `${dual.has(i)}${i === layers - 1}`,
        (i) => jointBlock(dim, heads, headDim, qkNorm, i === layers - 1, dual.has(i)),
      ),
      norm_out: adaLayerNormContinuous(dim, dim, { affine: false }),
      proj_out: linear(dim, patch * patch * (c.optionalInt("out_channels") ?? c.int("in_channels"))),
    },
  });
}

export const sd3Transformer2DModel: DiffusersModel = {
  className: "SD3Transformer2DModel",
  source: "diffusers/models/transformers/transformer_sd3.py",
  defaults: {
    sample_size: 128,
    patch_size: 2,
    in_channels: 16,
    num_layers: 18,
    attention_head_dim: 64,
    num_attention_heads: 18,
    joint_attention_dim: 4096,
    caption_projection_dim: 1152,
    pooled_projection_dim: 2048,
    out_channels: 16,
    pos_embed_max_size: 96,
    dual_attention_layers: [],
    qk_norm: null,
  },
  noSplitModules: ["JointTransformerBlock"],
  build: sd3Transformer,
};
