/** Embeddings shared by the DiT transformers (diffusers/models/embeddings.py, 58eb52c). */
import { conv2d } from "../../../modules/blocks.js";
import { buffer, module, type Module } from "../../../modules/module.js";
import { pixArtAlphaTextProjection, timestepEmbedding, timesteps } from "./layers.js";

/**
 * `CombinedTimestepTextProjEmbeddings` (SD3, FLUX.1-schnell) or, with `guidance`, the
 * `CombinedTimestepGuidanceTextProjEmbeddings` of FLUX.1-dev: 256-channel sinusoidal timesteps → `dim`.
 */
export function combinedTimestepTextProj(dim: number, pooledDim: number, guidance = false): Module {
  return module(guidance ? "CombinedTimestepGuidanceTextProjEmbeddings" : "CombinedTimestepTextProjEmbeddings", {
    children: {
      time_proj: timesteps(),
      timestep_embedder: timestepEmbedding(256, dim),
      guidance_embedder: guidance && timestepEmbedding(256, dim),
      text_embedder: pixArtAlphaTextProjection(pooledDim, dim),
    },
  });
}

/**
 * `PatchEmbed`: a patch-size conv and a sin-cos table of `grid² × dim` float32 values, persistent only when
 * `pos_embed_max_size` is set (SD3), over a `pos_embed_max_size` grid then, else over the sample's patch grid.
 */
export function patchEmbed(o: { height: number; width: number; patchSize: number; inChannels: number; dim: number; bias?: boolean; posEmbedMaxSize?: number | undefined; posEmbed?: boolean }): Module {
  const patches = Math.floor(o.height / o.patchSize) * Math.floor(o.width / o.patchSize);
  const grid = o.posEmbedMaxSize ? o.posEmbedMaxSize : Math.floor(Math.sqrt(patches));
  return module("PatchEmbed", {
    params: {},
    buffers: { pos_embed: (o.posEmbed ?? true) && buffer([1, grid * grid, o.dim], "float32", Boolean(o.posEmbedMaxSize)) },
    children: { proj: conv2d(o.inChannels, o.dim, o.patchSize, { bias: o.bias ?? true }) },
  });
}
