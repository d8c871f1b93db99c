// diffusers/models/autoencoders/autoencoder_kl_cogvideox.py (58eb52c): AutoencoderKLCogVideoX — causal 3D convs
// (each wrapped in a CogVideoXCausalConv3d holding `conv`), spatially conditioned norms in the decoder.
import { conv, conv2d, groupNorm } from "../../modules/blocks.js";
import { list, module, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import type { DiffusersModel } from "../types.js";
import { stringList, unsupported } from "./blocks/config.js";
import { indexed } from "./blocks/runs.js";

const safeConv = (a: number, b: number, k: number) => conv(a, b, [k, k, k], { cls: "CogVideoXSafeConv3d" });
const causalConv = (a: number, b: number, k = 3) => module("CogVideoXCausalConv3d", { children: { conv: safeConv(a, b, k) } });

/** `CogVideoXSpatialNorm3D`: a GroupNorm modulated by 1×1×1 convs of the latent (`zq`). */
function spatialNorm(f: number, zq: number): Module {
  return module("CogVideoXSpatialNorm3D", { children: { norm_layer: groupNorm(f), conv_y: causalConv(zq, f, 1), conv_b: causalConv(zq, f, 1) } });
}

function resnet(a: number, b: number, spatial: number | undefined): Module {
  const norm = (ch: number) => (spatial === undefined ? groupNorm(ch) : spatialNorm(ch, spatial));
  return module("CogVideoXResnetBlock3D", {
    children: {
      norm1: norm(a),
      norm2: norm(b),
      conv1: causalConv(a, b),
      conv2: causalConv(b, b),
      conv_shortcut: a !== b && safeConv(a, b, 1),
    },
  });
}

function resnets(a: number, b: number, n: number, spatial?: number): Module {
  return list("ModuleList", ...indexed(n, (_, i) => resnet(i === 0 ? a : b, b, spatial)));
}

function cogVideoXVae(c: Config): Module {
  const channels = c.intList("block_out_channels");
  const layers = c.int("layers_per_block");
  const latent = c.int("latent_channels");
  const n = channels.length;
  const last = channels[n - 1]!;
  for (const t of stringList(c, "down_block_types")) if (t !== "CogVideoXDownBlock3D") unsupported("AutoencoderKLCogVideoX", `down block \`${t}\``);
  for (const t of stringList(c, "up_block_types")) if (t !== "CogVideoXUpBlock3D") unsupported("AutoencoderKLCogVideoX", `up block \`${t}\``);
  const down = channels.map((out, i) =>
    module("CogVideoXDownBlock3D", {
      children: {
        resnets: resnets(i === 0 ? channels[0]! : channels[i - 1]!, out, layers),
        downsamplers: i !== n - 1 && list("ModuleList", module("CogVideoXDownsample3D", { children: { conv: conv2d(out, out, 3) } })),
      },
    }),
  );
  const reversed = [...channels].reverse();
  const up = reversed.map((out, i) =>
    module("CogVideoXUpBlock3D", {
      children: {
        resnets: resnets(i === 0 ? reversed[0]! : reversed[i - 1]!, out, layers + 1, latent),
        upsamplers: i !== n - 1 && list("ModuleList", module("CogVideoXUpsample3D", { children: { conv: conv2d(out, out, 3) } })),
      },
    }),
  );
  const out = c.int("out_channels");
  return module("AutoencoderKLCogVideoX", {
    children: {
      encoder: module("CogVideoXEncoder3D", {
        children: {
          conv_in: causalConv(c.int("in_channels"), channels[0]!),
          down_blocks: list("ModuleList", ...down),
          mid_block: module("CogVideoXMidBlock3D", { children: { resnets: resnets(last, last, 2) } }),
          norm_out: groupNorm(last),
          conv_out: causalConv(last, 2 * latent),
        },
      }),
      decoder: module("CogVideoXDecoder3D", {
        children: {
          conv_in: causalConv(latent, reversed[0]!),
          mid_block: module("CogVideoXMidBlock3D", { children: { resnets: resnets(reversed[0]!, reversed[0]!, 2, latent) } }),
          up_blocks: list("ModuleList", ...up),
          norm_out: spatialNorm(channels[0]!, latent),
          conv_out: causalConv(channels[0]!, out),
        },
      }),
      // Sized by out_channels, not latent_channels, exactly as diffusers writes it.
      quant_conv: c.bool("use_quant_conv") && safeConv(2 * out, 2 * out, 1),
      post_quant_conv: c.bool("use_post_quant_conv") && safeConv(out, out, 1),
    },
  });
}

export const autoencoderKLCogVideoXModel: DiffusersModel = {
  className: "AutoencoderKLCogVideoX",
  source: "diffusers/models/autoencoders/autoencoder_kl_cogvideox.py",
  defaults: {
    in_channels: 3,
    out_channels: 3,
    down_block_types: ["CogVideoXDownBlock3D", "CogVideoXDownBlock3D", "CogVideoXDownBlock3D", "CogVideoXDownBlock3D"],
    up_block_types: ["CogVideoXUpBlock3D", "CogVideoXUpBlock3D", "CogVideoXUpBlock3D", "CogVideoXUpBlock3D"],
    block_out_channels: [128, 256, 256, 512],
    latent_channels: 16,
    layers_per_block: 3,
    norm_num_groups: 32,
    use_quant_conv: false,
    use_post_quant_conv: false,
  },
  noSplitModules: ["CogVideoXResnetBlock3D"],
  build: cogVideoXVae,
};
