// diffusers/models/autoencoders/autoencoder_kl_wan.py and autoencoder_kl_qwenimage.py (58eb52c): the causal 3D
// VAE of Wan 2.1 (and Wan 2.2's residual variant), copied by Qwen-Image under its own class names.
import { conv, conv2d } from "../../modules/blocks.js";
import { list, module, stateless, type Module, checkIndexedLayers } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import type { DiffusersModel } from "../types.js";
import { indexed } from "./blocks/runs.js";

type Prefix = "Wan" | "QwenImage";

function causalConv(p: Prefix, a: number, b: number, k: number | [number, number, number]): Module {
  return conv(a, b, typeof k === "number" ? [k, k, k] : k, { cls: `${p}CausalConv3d` });
}

/** `WanRMS_norm`: one `gamma` of `dim` values (shaped to broadcast), no bias by default. */
function rms(p: Prefix, dim: number): Module {
  return module(`${p}RMS_norm`, { params: { gamma: [dim] } });
}

function residual(p: Prefix, a: number, b: number): Module {
  return module(`${p}ResidualBlock`, {
    children: {
      norm1: rms(p, a),
      conv1: causalConv(p, a, b, 3),
      norm2: rms(p, b),
      conv2: causalConv(p, b, b, 3),
      conv_shortcut: a !== b ? causalConv(p, a, b, 1) : stateless("Identity"),
    },
  });
}

function attentionBlock(p: Prefix, dim: number): Module {
  return module(`${p}AttentionBlock`, { children: { norm: rms(p, dim), to_qkv: conv2d(dim, dim * 3, 1), proj: conv2d(dim, dim, 1) } });
}

/** `WanResample`: a Sequential (Upsample or ZeroPad2d, then a 3×3 conv) and, for the 3D modes, a temporal conv. */
function resample(p: Prefix, dim: number, mode: string, upOut = Math.floor(dim / 2)): Module {
  const up = mode.startsWith("upsample");
  return module(`${p}Resample`, {
    children: {
      resample: list("Sequential", stateless(up ? `${p}Upsample` : "ZeroPad2d"), conv2d(dim, up ? upOut : dim, 3)),
      time_conv: mode === "upsample3d" ? causalConv(p, dim, dim * 2, [3, 1, 1]) : mode === "downsample3d" && causalConv(p, dim, dim, [3, 1, 1]),
    },
  });
}

function midBlock(p: Prefix, dim: number): Module {
  return module(`${p}MidBlock`, {
    children: { attentions: list("ModuleList", attentionBlock(p, dim)), resnets: list("ModuleList", { module: residual(p, dim, dim), count: 2 }) },
  });
}

interface WanVaeArgs {
  inChannels: number;
  outChannels: number;
  base: number;
  decoderBase: number;
  z: number;
  mult: number[];
  resBlocks: number;
  attnScales: number[];
  temporalDown: boolean[];
  residual: boolean;
}

function encoder(p: Prefix, a: WanVaeArgs): Module {
  const dims = [1, ...a.mult].map((u) => a.base * u);
  const blocks: Module[] = [];
  let scale = 1;
  const last = a.mult.length - 1;
  for (let i = 0; i < a.mult.length; i++) {
    let inDim = dims[i]!;
    const outDim = dims[i + 1]!;
    if (a.residual) {
      const down = i !== last;
      const resnets = indexed(a.resBlocks, (_, j) => residual(p, j === 0 ? inDim : outDim, outDim));
      blocks.push(
        module(`${p}ResidualDownBlock`, {
          children: {
            avg_shortcut: stateless("AvgDown3D"),
            resnets: list("ModuleList", ...resnets),
            downsampler: down && resample(p, outDim, a.temporalDown[i] ? "downsample3d" : "downsample2d"),
          },
        }),
      );
      continue;
    }
    checkIndexedLayers(a.resBlocks, "blocks");
    for (let j = 0; j < a.resBlocks; j++) {
      blocks.push(residual(p, inDim, outDim));
      if (a.attnScales.includes(scale)) blocks.push(attentionBlock(p, outDim));
      inDim = outDim;
    }
    if (i !== last) {
      blocks.push(resample(p, outDim, a.temporalDown[i] ? "downsample3d" : "downsample2d"));
      scale /= 2;
    }
  }
  const out = dims[dims.length - 1]!;
  return module(`${p}Encoder3d`, {
    children: {
      conv_in: causalConv(p, a.inChannels, dims[0]!, 3),
      down_blocks: list("ModuleList", ...blocks),
      mid_block: midBlock(p, out),
      norm_out: rms(p, out),
      conv_out: causalConv(p, out, a.z * 2, 3),
    },
  });
}

function decoder(p: Prefix, a: WanVaeArgs): Module {
  const dims = [a.mult[a.mult.length - 1]!, ...[...a.mult].reverse()].map((u) => a.decoderBase * u);
  const temporalUp = [...a.temporalDown].reverse();
  const last = a.mult.length - 1;
  const blocks = a.mult.map((_, i) => {
    const inDim = i > 0 && !a.residual ? Math.floor(dims[i]! / 2) : dims[i]!;
    const outDim = dims[i + 1]!;
    const up = i !== last;
    const resnets = list("ModuleList", ...indexed(a.resBlocks + 1, (_, j) => residual(p, j === 0 ? inDim : outDim, outDim)));
    if (a.residual) {
      return module(`${p}ResidualUpBlock`, {
        children: {
          avg_shortcut: up && stateless("DupUp3D"),
          resnets,
          upsampler: up && resample(p, outDim, temporalUp[i] ? "upsample3d" : "upsample2d", outDim),
        },
      });
    }
    const mode = up ? (temporalUp[i] ? "upsample3d" : "upsample2d") : undefined;
    return module(`${p}UpBlock`, { children: { resnets, upsamplers: mode !== undefined && list("ModuleList", resample(p, outDim, mode)) } });
  });
  const out = dims[dims.length - 1]!;
  return module(`${p}Decoder3d`, {
    children: {
      conv_in: causalConv(p, a.z, dims[0]!, 3),
      mid_block: midBlock(p, dims[0]!),
      up_blocks: list("ModuleList", ...blocks),
      norm_out: rms(p, out),
      conv_out: causalConv(p, out, a.outChannels, 3),
    },
  });
}

function wanVae(p: Prefix, a: WanVaeArgs): Module {
  return module(`AutoencoderKL${p}`, {
    children: {
      encoder: encoder(p, a),
      quant_conv: causalConv(p, a.z * 2, a.z * 2, 1),
      post_quant_conv: causalConv(p, a.z, a.z, 1),
      decoder: decoder(p, a),
    },
  });
}

function boolList(c: Config, name: string): boolean[] {
  return c.list(name).map(Boolean);
}

function numberList(c: Config, name: string): number[] {
  return c.list(name).map(Number);
}

const SHARED_DEFAULTS = {
  base_dim: 96,
  z_dim: 16,
  dim_mult: [1, 2, 4, 4],
  num_res_blocks: 2,
  attn_scales: [],
  temperal_downsample: [false, true, true],
};

export const autoencoderKLWanModel: DiffusersModel = {
  className: "AutoencoderKLWan",
  source: "diffusers/models/autoencoders/autoencoder_kl_wan.py",
  defaults: { ...SHARED_DEFAULTS, decoder_base_dim: null, is_residual: false, in_channels: 3, out_channels: 3 },
  noSplitModules: null,
  build: (c) =>
    wanVae("Wan", {
      inChannels: c.int("in_channels"),
      outChannels: c.int("out_channels"),
      base: c.int("base_dim"),
      decoderBase: c.optionalInt("decoder_base_dim") ?? c.int("base_dim"),
      z: c.int("z_dim"),
      mult: c.intList("dim_mult"),
      resBlocks: c.int("num_res_blocks"),
      attnScales: numberList(c, "attn_scales"),
      temporalDown: boolList(c, "temperal_downsample"),
      residual: c.bool("is_residual"),
    }),
};

export const autoencoderKLQwenImageModel: DiffusersModel = {
  className: "AutoencoderKLQwenImage",
  source: "diffusers/models/autoencoders/autoencoder_kl_qwenimage.py",
  defaults: { ...SHARED_DEFAULTS, input_channels: 3 },
  noSplitModules: null,
  build: (c) =>
    wanVae("QwenImage", {
      inChannels: c.int("input_channels"),
      outChannels: c.int("input_channels"),
      base: c.int("base_dim"),
      decoderBase: c.int("base_dim"),
      z: c.int("z_dim"),
      mult: c.intList("dim_mult"),
      resBlocks: c.int("num_res_blocks"),
      attnScales: numberList(c, "attn_scales"),
      temporalDown: boolList(c, "temperal_downsample"),
      residual: false,
    }),
};
