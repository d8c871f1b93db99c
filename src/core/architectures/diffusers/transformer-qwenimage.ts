// diffusers/models/transformers/transformer_qwenimage.py (58eb52c): QwenImageTransformer2DModel — Qwen-Image's
// 60-block MMDiT (its rotary tables are plain attributes, not buffers).
import { embedding, linear } from "../../modules/blocks.js";
import { list, module, repeat, stateless, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import type { DiffusersModel } from "../types.js";
import { adaLayerNormContinuous, attention, feedForward, rmsNorm, timestepEmbedding, timesteps } from "./blocks/layers.js";

function qwenImageTransformer(c: Config): Module {
  const heads = c.positiveInt("num_attention_heads");
  const headDim = c.positiveInt("attention_head_dim");
  const dim = heads * headDim;
  const joint = c.int("joint_attention_dim");
  const patch = c.int("patch_size");
  const inChannels = c.int("in_channels");
  const mod = () => list("Sequential", stateless("SiLU"), linear(dim, 6 * dim));
  const block = module("QwenImageTransformerBlock", {
    children: {
      img_mod: mod(),
      img_norm1: stateless("LayerNorm"),
      attn: attention({ queryDim: dim, addedKvProjDim: dim, dimHead: headDim, heads, outDim: dim, contextPreOnly: false, bias: true, qkNorm: "rms_norm" }),
      img_norm2: stateless("LayerNorm"),
      img_mlp: feedForward(dim, { activation: "gelu-approximate" }),
      txt_mod: mod(),
      txt_norm1: stateless("LayerNorm"),
      txt_norm2: stateless("LayerNorm"),
      txt_mlp: feedForward(dim, { activation: "gelu-approximate" }),
    },
  });
  return module("QwenImageTransformer2DModel", {
    children: {
      pos_embed: stateless(c.bool("use_layer3d_rope") ? "QwenEmbedLayer3DRope" : "QwenEmbedRope"),
      time_text_embed: module("QwenTimestepProjEmbeddings", {
        children: {
          time_proj: timesteps(),
          timestep_embedder: timestepEmbedding(256, dim),
          addition_t_embedding: c.bool("use_additional_t_cond") && embedding(2, dim),
        },
      }),
      txt_norm: rmsNorm(joint),
      img_in: linear(inChannels, dim),
      txt_in: linear(joint, dim),
      transformer_blocks: repeat(block, c.int("num_layers")),
      norm_out: adaLayerNormContinuous(dim, dim, { affine: false }),
      proj_out: linear(dim, patch * patch * (c.optionalInt("out_channels") || inChannels)),
    },
  });
}

export const qwenImageTransformer2DModel: DiffusersModel = {
  className: "QwenImageTransformer2DModel",
  source: "diffusers/models/transformers/transformer_qwenimage.py",
  defaults: {
    patch_size: 2,
    in_channels: 64,
    out_channels: 16,
    num_layers: 60,
    attention_head_dim: 128,
    num_attention_heads: 24,
    joint_attention_dim: 3584,
    guidance_embeds: false,
    use_additional_t_cond: false,
    use_layer3d_rope: false,
  },
  noSplitModules: ["QwenImageTransformerBlock"],
  build: qwenImageTransformer,
};
