// diffusers/models/transformers/auraflow_transformer_2d.py (58eb52c): AuraFlowTransformer2DModel — AuraFlow v0.x
// (4 joint MMDiT blocks, then single-stream blocks; a learned position table and register tokens).
import { linear } from "../../modules/blocks.js";
import { module, repeat, stateless, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import type { DiffusersModel } from "../types.js";
import { adaLayerNormZero, attention, timestepEmbedding, timesteps } from "./blocks/layers.js";

/** `AuraFlowFeedForward(dim, 4·dim)`: SwiGLU width ⅔ of the hidden size, rounded up to a multiple of 256. */
function auraFlowFeedForward(dim: number): Module {
  const raw = Math.trunc((2 * 4 * dim) / 3);
  const hidden = raw % 256 === 0 ? raw : raw + 256 - (raw % 256);
  return module("AuraFlowFeedForward", {
    children: { linear_1: linear(dim, hidden, false), linear_2: linear(dim, hidden, false), out_projection: linear(hidden, dim, false) },
  });
}

function auraFlowTransformer(c: Config): Module {
  const heads = c.positiveInt("num_attention_heads");
  const headDim = c.positiveInt("attention_head_dim");
  const dim = heads * headDim;
  const patch = c.positiveInt("patch_size");
  const inChannels = c.int("in_channels");
  const norm = () => adaLayerNormZero(dim, false);
  const attn = (joint: boolean) =>
    attention({
      queryDim: dim,
      dimHead: headDim,
      heads,
      qkNorm: "fp32_layer_norm",
      outDim: dim,
      bias: false,
      outBias: false,
      ...(joint ? { addedKvProjDim: dim, addedProjBias: false, contextPreOnly: false } : {}),
    });
  return module("AuraFlowTransformer2DModel", {
    params: { register_tokens: [1, 8, dim] },
    children: {
      pos_embed: module("AuraFlowPatchEmbed", {
        params: { pos_embed: [1, c.int("pos_embed_max_size"), dim] },
        children: { proj: linear(patch * patch * inChannels, dim) },
      }),
      context_embedder: linear(c.int("joint_attention_dim"), c.int("caption_projection_dim"), false),
      time_step_embed: timesteps(),
      time_step_proj: timestepEmbedding(256, dim),
      joint_transformer_blocks: repeat(
        module("AuraFlowJointTransformerBlock", {
          children: {
            norm1: norm(),
            norm1_context: norm(),
            attn: attn(true),
            norm2: stateless("FP32LayerNorm"),
            ff: auraFlowFeedForward(dim),
            norm2_context: stateless("FP32LayerNorm"),
            ff_context: auraFlowFeedForward(dim),
          },
        }),
        c.int("num_mmdit_layers"),
      ),
      single_transformer_blocks: repeat(
        module("AuraFlowSingleTransformerBlock", {
          children: { norm1: norm(), attn: attn(false), norm2: stateless("FP32LayerNorm"), ff: auraFlowFeedForward(dim) },
        }),
        c.int("num_single_dit_layers"),
      ),
      norm_out: module("AuraFlowPreFinalBlock", { children: { linear: linear(dim, dim * 2, false) } }),
      proj_out: linear(dim, patch * patch * (c.optionalInt("out_channels") ?? inChannels), false),
    },
  });
}

export const auraFlowTransformer2DModel: DiffusersModel = {
  className: "AuraFlowTransformer2DModel",
  source: "diffusers/models/transformers/auraflow_transformer_2d.py",
  defaults: {
    sample_size: 64,
    patch_size: 2,
    in_channels: 4,
    num_mmdit_layers: 4,
    num_single_dit_layers: 32,
    attention_head_dim: 256,
    num_attention_heads: 12,
    joint_attention_dim: 2048,
    caption_projection_dim: 3072,
    out_channels: 4,
    pos_embed_max_size: 1024,
  },
  noSplitModules: ["AuraFlowJointTransformerBlock", "AuraFlowSingleTransformerBlock", "AuraFlowPatchEmbed"],
  build: auraFlowTransformer,
};
