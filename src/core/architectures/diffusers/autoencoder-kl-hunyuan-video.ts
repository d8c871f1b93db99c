// diffusers/models/autoencoders/autoencoder_kl_hunyuan_video.py (58eb52c): AutoencoderKLHunyuanVideo — SD-style
// VAE blocks with causal 3D convs; which blocks resample follows the spatial/temporal compression ratios.
import { conv, groupNorm } from "../../modules/blocks.js";
import { list, module, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import type { DiffusersModel } from "../types.js";
import { stringList, unsupported } from "./blocks/config.js";
import { attention } from "./blocks/layers.js";
import { indexed } from "./blocks/runs.js";

const causalConv = (a: number, b: number, k = 3) => module("HunyuanVideoCausalConv3d", { children: { conv: conv(a, b, [k, k, k], { dims: 3 }) } });

function resnet(a: number, b: number): Module {
  return module("HunyuanVideoResnetBlockCausal3D", {
    children: { norm1: groupNorm(a), conv1: causalConv(a, b), norm2: groupNorm(b), conv2: causalConv(b, b), conv_shortcut: a !== b && causalConv(a, b, 1) },
  });
}

function resnets(a: number, b: number, n: number): Module {
  return list("ModuleList", ...indexed(n, (_, i) => resnet(i === 0 ? a : b, b)));
}

function midBlock(c: number, addAttention: boolean): Module {
  return module("HunyuanVideoMidBlock3D", {
    children: {
      attentions: list("ModuleList", ...(addAttention ? [attention({ queryDim: c, heads: 1, dimHead: c, bias: true, normNumGroups: 32 })] : [])),
      resnets: list("ModuleList", { module: resnet(c, c), count: 2 }),
    },
  });
}

/** Whether block `i` resamples: spatially for the first log2(spatial) blocks, temporally for the last log2(temporal) but one. */
function resamples(i: number, n: number, spatial: number, temporal: number, allowEight: boolean): boolean {
  const s = Math.trunc(Math.log2(spatial));
  const t = Math.trunc(Math.log2(temporal));
  if (temporal === 4) return i < s || (i >= n - 1 - t && i !== n - 1);
  if (temporal === 8 && allowEight) return i < s || i < t;
  return unsupported("AutoencoderKLHunyuanVideo", `temporal_compression_ratio ${temporal}`);
}

function hunyuanVideoVae(c: Config): Module {
  const channels = c.intList("block_out_channels");
  const n = channels.length;
  const layers = c.int("layers_per_block");
  const latent = c.int("latent_channels");
  const spatial = c.int("spatial_compression_ratio");
  const temporal = c.int("temporal_compression_ratio");
  const attn = c.bool("mid_block_add_attention");
  for (const t of stringList(c, "down_block_types")) if (t !== "HunyuanVideoDownBlock3D") unsupported("AutoencoderKLHunyuanVideo", `down block \`${t}\``);
  for (const t of stringList(c, "up_block_types")) if (t !== "HunyuanVideoUpBlock3D") unsupported("AutoencoderKLHunyuanVideo", `up block \`${t}\``);
  const last = channels[n - 1]!;
  const down = channels.map((out, i) =>
    module("HunyuanVideoDownBlock3D", {
      children: {
        resnets: resnets(i === 0 ? channels[0]! : channels[i - 1]!, out, layers),
        downsamplers: resamples(i, n, spatial, temporal, true) && list("ModuleList", module("HunyuanVideoDownsampleCausal3D", { children: { conv: causalConv(out, out) } })),
      },
    }),
  );
  const reversed = [...channels].reverse();
  const up = reversed.map((out, i) =>
    module("HunyuanVideoUpBlock3D", {
      children: {
        resnets: resnets(i === 0 ? reversed[0]! : reversed[i - 1]!, out, layers + 1),
        upsamplers: resamples(i, n, spatial, temporal, false) && list("ModuleList", module("HunyuanVideoUpsampleCausal3D", { children: { conv: causalConv(out, out) } })),
      },
    }),
  );
  return module("AutoencoderKLHunyuanVideo", {
    children: {
      encoder: module("HunyuanVideoEncoder3D", {
        children: {
          conv_in: causalConv(c.int("in_channels"), channels[0]!),
          down_blocks: list("ModuleList", ...down),
          mid_block: midBlock(last, attn),
          conv_norm_out: groupNorm(last),
          conv_out: causalConv(last, 2 * latent),
        },
      }),
      decoder: module("HunyuanVideoDecoder3D", {
        children: {
          conv_in: causalConv(latent, last),
          up_blocks: list("ModuleList", ...up),
          mid_block: midBlock(last, attn),
          conv_norm_out: groupNorm(channels[0]!),
          conv_out: causalConv(channels[0]!, c.int("out_channels")),
        },
      }),
      quant_conv: conv(2 * latent, 2 * latent, [1, 1, 1], { dims: 3 }),
      post_quant_conv: conv(latent, latent, [1, 1, 1], { dims: 3 }),
    },
  });
}

export const autoencoderKLHunyuanVideoModel: DiffusersModel = {
  className: "AutoencoderKLHunyuanVideo",
  source: "diffusers/models/autoencoders/autoencoder_kl_hunyuan_video.py",
  defaults: {
    in_channels: 3,
    out_channels: 3,
    latent_channels: 16,
    down_block_types: ["HunyuanVideoDownBlock3D", "HunyuanVideoDownBlock3D", "HunyuanVideoDownBlock3D", "HunyuanVideoDownBlock3D"],
    up_block_types: ["HunyuanVideoUpBlock3D", "HunyuanVideoUpBlock3D", "HunyuanVideoUpBlock3D", "HunyuanVideoUpBlock3D"],
    block_out_channels: [128, 256, 512, 512],
    layers_per_block: 2,
    norm_num_groups: 32,
    spatial_compression_ratio: 8,
    temporal_compression_ratio: 4,
    mid_block_add_attention: true,
  },
  noSplitModules: null,
  build: hunyuanVideoVae,
};
