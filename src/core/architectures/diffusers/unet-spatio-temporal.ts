// diffusers/models/unets/unet_spatio_temporal_condition.py + unet_3d_blocks.py (58eb52c):
// UNetSpatioTemporalConditionModel — Stable Video Diffusion (no `_no_split_modules`: leaves only).
import { conv2d, groupNorm } from "../../modules/blocks.js";
import { list, module, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import type { DiffusersModel } from "../types.js";
import { exactDiv, perBlock, stringList, unsupported } from "./blocks/config.js";
import { timestepEmbedding, timesteps } from "./blocks/layers.js";
import { downsample2D, samplers, upsample2D } from "./blocks/resnet-2d.js";
import { spatioTemporalResBlock, transformerSpatioTemporal } from "./blocks/spatio-temporal.js";
import { indexed } from "./blocks/runs.js";

function svdUnet(c: Config): Module {
  const down = stringList(c, "down_block_types");
  const up = stringList(c, "up_block_types");
  const channels = c.intList("block_out_channels");
  const n = down.length;
  if (up.length !== n || channels.length !== n) unsupported("UNetSpatioTemporalConditionModel", "block lists of different lengths");
  if (Array.isArray(c.get("transformer_layers_per_block")) && c.list("transformer_layers_per_block").some(Array.isArray)) {
    unsupported("UNetSpatioTemporalConditionModel", "per-layer `transformer_layers_per_block` lists");
  }
  const heads = perBlock(c, "num_attention_heads", n);
  const cross = perBlock(c, "cross_attention_dim", n);
  const layers = perBlock(c, "layers_per_block", n);
  const tLayers = perBlock(c, "transformer_layers_per_block", n);
  const temb = channels[0]! * 4;
  const attn = (ch: number, i: number, h: number[], x: number[], t: number[]) =>
    transformerSpatioTemporal(ch, h[i]!, exactDiv(ch, h[i]!, "channels / num_attention_heads"), t[i]!, x[i]!);

  const downBlocks = down.map((type, i) => {
    const input = i === 0 ? channels[0]! : channels[i - 1]!;
    const out = channels[i]!;
    const resnets = list("ModuleList", ...indexed(layers[i]!, (_, j) => spatioTemporalResBlock(j === 0 ? input : out, out, temb)));
    const sampler = samplers(i !== n - 1 && downsample2D(out));
    if (type === "DownBlockSpatioTemporal") return module(type, { children: { resnets, downsamplers: sampler } });
    if (type !== "CrossAttnDownBlockSpatioTemporal") return unsupported("UNetSpatioTemporalConditionModel", `down block \`${type}\``);
    const attentions = list("ModuleList", ...indexed(layers[i]!, () => attn(out, i, heads, cross, tLayers)));
    return module(type, { children: { attentions, resnets, downsamplers: sampler } });
  });

  const last = channels[n - 1]!;
  const mid = module("UNetMidBlockSpatioTemporal", {
    children: {
      attentions: list("ModuleList", attn(last, n - 1, heads, cross, tLayers)),
      resnets: list("ModuleList", { module: spatioTemporalResBlock(last, last, temb), count: 2 }),
    },
  });

  const r = [...channels].reverse();
  const [rh, rx, rl, rt] = [[...heads].reverse(), [...cross].reverse(), [...layers].reverse(), [...tLayers].reverse()];
  let out = r[0]!;
  const upBlocks = up.map((type, i) => {
    const prev = out;
    out = r[i]!;
    const input = r[Math.min(i + 1, n - 1)]!;
    const count = rl[i]! + 1;
    const resnets = list(
      "ModuleList",
      ...indexed(count, (_, j) => spatioTemporalResBlock((j === 0 ? prev : out) + (j === count - 1 ? input : out), out, temb)),
    );
    const sampler = samplers(i !== n - 1 && upsample2D(out));
    if (type === "UpBlockSpatioTemporal") return module(type, { children: { resnets, upsamplers: sampler } });
    if (type !== "CrossAttnUpBlockSpatioTemporal") return unsupported("UNetSpatioTemporalConditionModel", `up block \`${type}\``);
    const attentions = list("ModuleList", ...indexed(count, () => attn(out, i, rh, rx, rt)));
    return module(type, { children: { attentions, resnets, upsamplers: sampler } });
  });

  return module("UNetSpatioTemporalConditionModel", {
    children: {
      conv_in: conv2d(c.int("in_channels"), channels[0]!, 3),
      time_proj: timesteps(),
      time_embedding: timestepEmbedding(channels[0]!, temb),
      add_time_proj: timesteps(),
      add_embedding: timestepEmbedding(c.int("projection_class_embeddings_input_dim"), temb),
      down_blocks: list("ModuleList", ...downBlocks),
      up_blocks: list("ModuleList", ...upBlocks),
      mid_block: mid,
      conv_norm_out: groupNorm(channels[0]!),
      conv_out: conv2d(channels[0]!, c.int("out_channels"), 3),
    },
  });
}

export const unetSpatioTemporalConditionModel: DiffusersModel = {
  className: "UNetSpatioTemporalConditionModel",
  source: "diffusers/models/unets/unet_spatio_temporal_condition.py",
  defaults: {
    in_channels: 8,
    out_channels: 4,
    down_block_types: ["CrossAttnDownBlockSpatioTemporal", "CrossAttnDownBlockSpatioTemporal", "CrossAttnDownBlockSpatioTemporal", "DownBlockSpatioTemporal"],
    up_block_types: ["UpBlockSpatioTemporal", "CrossAttnUpBlockSpatioTemporal", "CrossAttnUpBlockSpatioTemporal", "CrossAttnUpBlockSpatioTemporal"],
    block_out_channels: [320, 640, 1280, 1280],
    addition_time_embed_dim: 256,
    projection_class_embeddings_input_dim: 768,
    layers_per_block: 2,
    cross_attention_dim: 1024,
    transformer_layers_per_block: 1,
    num_attention_heads: [5, 10, 20, 20],
  },
  noSplitModules: null,
  build: svdUnet,
};
