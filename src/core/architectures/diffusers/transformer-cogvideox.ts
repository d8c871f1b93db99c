// diffusers/models/transformers/cogvideox_transformer_3d.py + embeddings.py's CogVideoXPatchEmbed (58eb52c):
// CogVideoXTransformer3DModel — CogVideoX 2B/5B (1.0: a float64 3D sin-cos table as a buffer; 1.5: rotary).
import { conv2d, layerNorm, linear } from "../../modules/blocks.js";
import { buffer, module, repeat, stateless, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import { InvalidConfigError } from "../../errors.js";
import type { DiffusersModel } from "../types.js";
import { attention, feedForward, ln, timestepEmbedding, timesteps } from "./blocks/layers.js";

/** `CogVideoXPatchEmbed`: patch projection, text projection, and the joint text+video sin-cos table (float64). */
function cogVideoXPatchEmbed(c: Config, dim: number): Module {
  const patch = c.positiveInt("patch_size");
  const patchT = c.optionalInt("patch_size_t");
  const inChannels = c.int("in_channels");
  const learned = c.bool("use_learned_positional_embeddings");
  const positional = !c.bool("use_rotary_positional_embeddings") || learned;
  const frames = Math.floor((c.int("sample_frames") - 1) / c.positiveInt("temporal_compression_ratio")) + 1;
  const patches = Math.floor(c.int("sample_height") / patch) * Math.floor(c.int("sample_width") / patch) * frames;
  return module("CogVideoXPatchEmbed", {
    buffers: { pos_embedding: positional && buffer([1, c.int("max_text_seq_length") + patches, dim], "float64", learned) },
    children: {
      proj: patchT === undefined ? conv2d(inChannels, dim, patch, { bias: c.bool("patch_bias") }) : linear(inChannels * patch * patch * patchT, dim),
      text_proj: linear(c.int("text_embed_dim"), dim),
    },
  });
}

function cogVideoXTransformer(c: Config): Module {
  const heads = c.positiveInt("num_attention_heads");
  const headDim = c.positiveInt("attention_head_dim");
  const dim = heads * headDim;
  const temb = c.int("time_embed_dim");
  const affine = c.bool("norm_elementwise_affine");
  if (!c.bool("use_rotary_positional_embeddings") && c.bool("use_learned_positional_embeddings")) {
    throw new InvalidConfigError("CogVideoXTransformer3DModel: learned positional embeddings need rotary embeddings", "use_learned_positional_embeddings");
  }
  const layerNormZero = () => module("CogVideoXLayerNormZero", { children: { linear: linear(temb, 6 * dim), norm: ln(dim, affine) } });
  const block = module("CogVideoXBlock", {
    children: {
      norm1: layerNormZero(),
      attn1: attention({ queryDim: dim, heads, dimHead: headDim, qkNorm: "layer_norm", bias: c.bool("attention_bias") }),
      norm2: layerNormZero(),
      ff: feedForward(dim, { activation: c.string("activation_fn"), finalDropout: true }),
    },
  });
  const ofs = c.optionalInt("ofs_embed_dim");
  const patch = c.positiveInt("patch_size");
  const patchT = c.optionalInt("patch_size_t") ?? 1;
  const out = c.int("out_channels");
  return module("CogVideoXTransformer3DModel", {
    children: {
      patch_embed: cogVideoXPatchEmbed(c, dim),
      embedding_dropout: stateless("Dropout"),
      time_proj: timesteps(),
      time_embedding: timestepEmbedding(dim, temb),
      ofs_proj: Boolean(ofs) && timesteps(),
      ofs_embedding: Boolean(ofs) && timestepEmbedding(ofs!, ofs!),
      transformer_blocks: repeat(block, c.int("num_layers")),
      norm_final: ln(dim, affine),
      // AdaLayerNorm(time_embed_dim, output_dim=2·dim): silu, linear, LayerNorm(dim).
      norm_out: module("AdaLayerNorm", { children: { linear: linear(temb, 2 * dim), norm: affine ? layerNorm(dim) : stateless("LayerNorm") } }),
      proj_out: linear(dim, patch * patch * patchT * out),
    },
  });
}

export const cogVideoXTransformer3DModel: DiffusersModel = {
  className: "CogVideoXTransformer3DModel",
  source: "diffusers/models/transformers/cogvideox_transformer_3d.py",
  defaults: {
    num_attention_heads: 30,
    attention_head_dim: 64,
    in_channels: 16,
    out_channels: 16,
    time_embed_dim: 512,
    ofs_embed_dim: null,
    text_embed_dim: 4096,
    num_layers: 30,
    attention_bias: true,
    sample_width: 90,
    sample_height: 60,
    sample_frames: 49,
    patch_size: 2,
    patch_size_t: null,
    temporal_compression_ratio: 4,
    max_text_seq_length: 226,
    activation_fn: "gelu-approximate",
    norm_elementwise_affine: true,
    use_rotary_positional_embeddings: false,
    use_learned_positional_embeddings: false,
    patch_bias: true,
  },
  noSplitModules: ["CogVideoXBlock", "CogVideoXPatchEmbed"],
  build: cogVideoXTransformer,
};
