// diffusers/models/autoencoders/autoencoder_dc.py (58eb52c): AutoencoderDC — the deep-compression VAE of Sana
// (ResBlocks, then EfficientViT blocks with multiscale linear attention; space-to-channel resampling).
import { batchNorm, conv2d, linear } from "../../modules/blocks.js";
import { list, module, type Module, checkIndexedLayers } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import { InvalidConfigError } from "../../errors.js";
import type { DiffusersModel } from "../types.js";
import { unsupported } from "./blocks/config.js";
import { rmsNorm } from "./blocks/layers.js";
import { indexed } from "./blocks/runs.js";

/** `get_normalization(norm_type, channels)`: RMSNorm with bias, or BatchNorm2d. */
function norm(type: string, channels: number): Module {
  if (type === "rms_norm") return rmsNorm(channels, true, true);
  if (type === "batch_norm") return batchNorm(channels);
  return unsupported("AutoencoderDC", `norm type \`${type}\``);
}

function resBlock(channels: number, normType: string): Module {
  return module("ResBlock", {
    children: { conv1: conv2d(channels, channels, 3), conv2: conv2d(channels, channels, 3, { bias: false }), norm: norm(normType, channels) },
  });
}

/** `EfficientViTBlock`: `SanaMultiscaleLinearAttention` then a `GLUMBConv` (expand 4, RMS-normed). */
function efficientViTBlock(channels: number, headDim: number, scales: number[], normType: string): Module {
  const heads = Math.floor(channels / headDim);
  const inner = heads * headDim;
  const qkv = 3 * inner;
  const hidden = 4 * channels;
  return module("EfficientViTBlock", {
    children: {
      attn: module("SanaMultiscaleLinearAttention", {
        children: {
          to_q: linear(channels, inner, false),
          to_k: linear(channels, inner, false),
          to_v: linear(channels, inner, false),
          to_qkv_multiscale: list(
            "ModuleList",
            ...scales.map((k) =>
              module("SanaMultiscaleAttentionProjection", {
                children: { proj_in: conv2d(qkv, qkv, k, { groups: qkv, bias: false }), proj_out: conv2d(qkv, qkv, 1, { groups: 3 * heads, bias: false }) },
              }),
            ),
          ),
          to_out: linear(inner * (1 + scales.length), channels, false),
          norm_out: norm(normType, channels),
        },
      }),
      conv_out: module("GLUMBConv", {
        children: {
          conv_inverted: conv2d(channels, hidden * 2, 1),
          conv_depth: conv2d(hidden * 2, hidden * 2, 3, { groups: hidden * 2 }),
          conv_point: conv2d(hidden, channels, 1, { bias: false }),
          norm: rmsNorm(channels, true, true),
        },
      }),
    },
  });
}

function block(type: string, channels: number, headDim: number, scales: number[], normType: string): Module {
  if (type === "ResBlock") return resBlock(channels, normType);
  if (type === "EfficientViTBlock") return efficientViTBlock(channels, headDim, scales, normType);
  return unsupported("AutoencoderDC", `block type \`${type}\``);
}

/** A `str | tuple[str]` argument, one value per stage. */
function perStage(c: Config, name: string, n: number): string[] {
  const v = c.get(name);
  if (typeof v === "string") return indexed(n, () => v);
  const l = c.list(name);
  if (l.length !== n || !l.every((x) => typeof x === "string")) throw new InvalidConfigError(`AutoencoderDC: \`${name}\` must be a string or one per block`, name);
  return l as string[];
}

function scalesOf(c: Config, name: string, n: number): number[][] {
  const l = c.list(name);
  if (l.length < n) throw new InvalidConfigError(`AutoencoderDC: \`${name}\` needs one entry per block`, name);
  return l.slice(0, n).map((x) => (Array.isArray(x) ? x.map(Number) : [Number(x)]));
}

function autoencoderDC(c: Config): Module {
  const inChannels = c.int("in_channels");
  const latent = c.int("latent_channels");
  const headDim = c.positiveInt("attention_head_dim");
  const pixelUnshuffle = c.string("downsample_block_type") === "pixel_unshuffle";
  const interpolate = c.string("upsample_block_type") === "interpolate";
  const down = (a: number, b: number) => module("DCDownBlock2d", { children: { conv: conv2d(a, pixelUnshuffle ? Math.floor(b / 4) : b, 3) } });
  const up = (a: number, b: number) => module("DCUpBlock2d", { children: { conv: conv2d(a, interpolate ? b : b * 4, 3) } });

  const eCh = c.intList("encoder_block_out_channels");
  const eLayers = c.intList("encoder_layers_per_block");
  const eN = eCh.length;
  const eTypes = perStage(c, "encoder_block_types", eN);
  const eScales = scalesOf(c, "encoder_qkv_multiscales", eN);
  const downBlocks = eCh.map((ch, i) => {
    const items = indexed(eLayers[i] ?? 0, () => block(eTypes[i]!, ch, headDim, eScales[i]!, "rms_norm"));
    if (i < eN - 1 && (eLayers[i] ?? 0) > 0) items.push(down(ch, eCh[i + 1]!));
    return list("Sequential", ...items);
  });
  const firstE = (eLayers[0] ?? 0) > 0 ? eCh[0]! : eCh[1]!;

  const dCh = c.intList("decoder_block_out_channels");
  const dLayers = c.intList("decoder_layers_per_block");
  const dN = dCh.length;
  const dTypes = perStage(c, "decoder_block_types", dN);
  const dNorms = perStage(c, "decoder_norm_types", dN);
  const dScales = scalesOf(c, "decoder_qkv_multiscales", dN);
  const upBlocks = dCh.map((ch, i) => {
    const items: Module[] = [];
    if (i < dN - 1 && (dLayers[i] ?? 0) > 0) items.push(up(dCh[i + 1]!, ch));
    checkIndexedLayers(dLayers[i] ?? 0, "blocks");
    for (let j = 0; j < (dLayers[i] ?? 0); j++) items.push(block(dTypes[i]!, ch, headDim, dScales[i]!, dNorms[i]!));
    return list("Sequential", ...items);
  });
  const firstD = (dLayers[0] ?? 0) > 0 ? dCh[0]! : dCh[1]!;

  return module("AutoencoderDC", {
    children: {
      encoder: module("Encoder", {
        children: {
          conv_in: (eLayers[0] ?? 0) > 0 ? conv2d(inChannels, firstE, 3) : down(inChannels, firstE),
          down_blocks: list("ModuleList", ...downBlocks),
          conv_out: conv2d(eCh[eN - 1]!, latent, 3),
        },
      }),
      decoder: module("Decoder", {
        children: {
          conv_in: conv2d(latent, dCh[dN - 1]!, 3),
          up_blocks: list("ModuleList", ...upBlocks),
          norm_out: rmsNorm(firstD, true, true),
          conv_out: (dLayers[0] ?? 0) > 0 ? conv2d(firstD, inChannels, 3) : up(firstD, inChannels),
        },
      }),
    },
  });
}

export const autoencoderDCModel: DiffusersModel = {
  className: "AutoencoderDC",
  source: "diffusers/models/autoencoders/autoencoder_dc.py",
  defaults: {
    in_channels: 3,
    latent_channels: 32,
    attention_head_dim: 32,
    encoder_block_types: "ResBlock",
    decoder_block_types: "ResBlock",
    encoder_block_out_channels: [128, 256, 512, 512, 1024, 1024],
    decoder_block_out_channels: [128, 256, 512, 512, 1024, 1024],
    encoder_layers_per_block: [2, 2, 2, 3, 3, 3],
    decoder_layers_per_block: [3, 3, 3, 3, 3, 3],
    encoder_qkv_multiscales: [[], [], [], [5], [5], [5]],
    decoder_qkv_multiscales: [[], [], [], [5], [5], [5]],
    upsample_block_type: "pixel_shuffle",
    downsample_block_type: "pixel_unshuffle",
    decoder_norm_types: "rms_norm",
  },
  noSplitModules: null,
  build: autoencoderDC,
};
