// diffusers/models/autoencoders/autoencoder_kl_temporal_decoder.py + unet_3d_blocks.py (58eb52c):
// AutoencoderKLTemporalDecoder — Stable Video Diffusion's VAE: the image encoder, a decoder with temporal mixing.
import { conv, conv2d, groupNorm } from "../../modules/blocks.js";
import { list, module, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import type { DiffusersModel } from "../types.js";
import { attention } from "./blocks/layers.js";
import { upsample2D, samplers } from "./blocks/resnet-2d.js";
import { spatioTemporalResBlock } from "./blocks/spatio-temporal.js";
import { vaeEncoder } from "./autoencoder-kl.js";
import { indexed } from "./blocks/runs.js";

function temporalDecoder(c: Config): Module {
  const channels = c.intList("block_out_channels");
  const layers = c.int("layers_per_block");
  const latent = c.int("latent_channels");
  const outChannels = c.int("out_channels");
  const last = channels[channels.length - 1]!;
  const r = [...channels].reverse();
  const resnets = (a: number, b: number, count: number) =>
    list("ModuleList", ...indexed(count, (_, j) => spatioTemporalResBlock(j === 0 ? a : b, b, undefined)));
  return module("TemporalDecoder", {
    children: {
      conv_in: conv2d(latent, last, 3),
      mid_block: module("MidBlockTemporalDecoder", {
        children: {
          attentions: list("ModuleList", attention({ queryDim: last, heads: 1, dimHead: last, bias: true, normNumGroups: 32 })),
          resnets: resnets(last, last, layers),
        },
      }),
      up_blocks: list(
        "ModuleList",
        ...r.map((out, i) =>
          module("UpBlockTemporalDecoder", {
            children: { resnets: resnets(i === 0 ? r[0]! : r[i - 1]!, out, layers + 1), upsamplers: samplers(i !== r.length - 1 && upsample2D(out)) },
          }),
        ),
      ),
      conv_norm_out: groupNorm(channels[0]!),
      conv_out: conv2d(channels[0]!, outChannels, 3),
      time_conv_out: conv(outChannels, outChannels, [3, 1, 1], { dims: 3 }),
    },
  });
}

export const autoencoderKLTemporalDecoderModel: DiffusersModel = {
  className: "AutoencoderKLTemporalDecoder",
  source: "diffusers/models/autoencoders/autoencoder_kl_temporal_decoder.py",
  defaults: {
    in_channels: 3,
    out_channels: 3,
    down_block_types: ["DownEncoderBlock2D"],
    block_out_channels: [64],
    layers_per_block: 1,
    latent_channels: 4,
  },
  noSplitModules: null,
  build: (c) => {
    // The encoder is vae.py's Encoder with its own defaults (mid-block attention on).
    c.set("mid_block_add_attention", true);
    const latent = c.int("latent_channels");
    return module("AutoencoderKLTemporalDecoder", {
      children: { encoder: vaeEncoder(c, latent), decoder: temporalDecoder(c), quant_conv: conv2d(2 * latent, 2 * latent, 1) },
    });
  },
};
