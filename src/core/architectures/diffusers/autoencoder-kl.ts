// diffusers/models/autoencoders/autoencoder_kl.py + vae.py (58eb52c): AutoencoderKL, the image VAE of SD 1.x/2.x,
// SDXL, SD3 and FLUX (16 latent channels, no quant convs).
import { conv2d, groupNorm } from "../../modules/blocks.js";
import { list, module, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import type { DiffusersModel } from "../types.js";
import { stringList } from "./blocks/config.js";
import { downBlock2D, midBlock2D, upBlock2D } from "./blocks/unet-2d-blocks.js";

/** `Encoder` (vae.py): conv_in, down_blocks, mid_block, conv_norm_out, conv_out (2 × latent channels when double_z). */
export function vaeEncoder(c: Config, outChannels: number, doubleZ = true): Module {
  const types = stringList(c, "down_block_types");
  const channels = c.intList("block_out_channels");
  const layers = c.int("layers_per_block");
  const last = channels[channels.length - 1]!;
  let out = channels[0]!;
  const blocks = types.map((type, i) => {
    const input = out;
    out = channels[i]!;
    return downBlock2D({ type, layers, inChannels: input, outChannels: out, resample: i !== channels.length - 1 });
  });
  return module("Encoder", {
    children: {
      conv_in: conv2d(c.int("in_channels"), channels[0]!, 3),
      down_blocks: list("ModuleList", ...blocks),
      mid_block: midBlock2D({ type: "UNetMidBlock2D", layers: 1, inChannels: last, outChannels: last, resample: false, addAttention: c.bool("mid_block_add_attention") }),
      conv_norm_out: groupNorm(last),
      conv_out: conv2d(last, doubleZ ? 2 * outChannels : outChannels, 3),
    },
  });
}

/** `Decoder` (vae.py): conv_in, up_blocks (registered before the mid block), mid_block, conv_norm_out, conv_out. */
export function vaeDecoder(c: Config, inChannels: number): Module {
  const types = stringList(c, "up_block_types");
  const channels = c.intList("block_out_channels");
  const layers = c.int("layers_per_block");
  const reversed = [...channels].reverse();
  let out = reversed[0]!;
  const blocks = types.map((type, i) => {
    const prev = out;
    out = reversed[i]!;
    return upBlock2D({ type, layers: layers + 1, inChannels: prev, outChannels: out, prevOutputChannel: prev, resample: i !== channels.length - 1 });
  });
  return module("Decoder", {
    children: {
      conv_in: conv2d(inChannels, reversed[0]!, 3),
      up_blocks: list("ModuleList", ...blocks),
      mid_block: midBlock2D({ type: "UNetMidBlock2D", layers: 1, inChannels: reversed[0]!, outChannels: reversed[0]!, resample: false, addAttention: c.bool("mid_block_add_attention") }),
      conv_norm_out: groupNorm(channels[0]!),
      conv_out: conv2d(channels[0]!, c.int("out_channels"), 3),
    },
  });
}

function autoencoderKL(c: Config): Module {
  const latent = c.int("latent_channels");
  return module("AutoencoderKL", {
    children: {
      encoder: vaeEncoder(c, latent),
      decoder: vaeDecoder(c, latent),
      quant_conv: c.bool("use_quant_conv") && conv2d(2 * latent, 2 * latent, 1),
      post_quant_conv: c.bool("use_post_quant_conv") && conv2d(latent, latent, 1),
    },
  });
}

export const autoencoderKLModel: DiffusersModel = {
  className: "AutoencoderKL",
  source: "diffusers/models/autoencoders/autoencoder_kl.py",
  defaults: {
    in_channels: 3,
    out_channels: 3,
    down_block_types: ["DownEncoderBlock2D"],
    up_block_types: ["UpDecoderBlock2D"],
    block_out_channels: [64],
    layers_per_block: 1,
    latent_channels: 4,
    norm_num_groups: 32,
    use_quant_conv: true,
    use_post_quant_conv: true,
    mid_block_add_attention: true,
  },
  noSplitModules: ["BasicTransformerBlock", "ResnetBlock2D"],
  build: autoencoderKL,
};
