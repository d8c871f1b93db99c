// diffusers/models/autoencoders/autoencoder_kl_ltx.py (58eb52c): AutoencoderKLLTXVideo — LTX-Video 0.9.0–0.9.5
// (patchified causal 3D VAE; 0.9.1+ decoders add timestep conditioning and noise injection).
import { conv, layerNorm } from "../../modules/blocks.js";
import { buffer, list, module, stateless, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import type { DiffusersModel } from "../types.js";
import { stringList, unsupported } from "./blocks/config.js";
import { timestepEmbedding, timesteps } from "./blocks/layers.js";

const causalConv = (a: number, b: number, k = 3) => module("LTXVideoCausalConv3d", { children: { conv: conv(a, b, [k, k, k], { dims: 3 }) } });

function resnet(a: number, b: number, o: { noise?: boolean; timestep?: boolean } = {}): Module {
  return module("LTXVideoResnetBlock3d", {
    params: {
      per_channel_scale1: o.noise === true && [a, 1, 1],
      per_channel_scale2: o.noise === true && [a, 1, 1],
      scale_shift_table: o.timestep === true && [4, a],
    },
    children: {
      norm1: stateless("RMSNorm"),
      conv1: causalConv(a, b),
      norm2: stateless("RMSNorm"),
      conv2: causalConv(b, b),
      norm3: a !== b && layerNorm(a),
      conv_shortcut: a !== b && causalConv(a, b, 1),
    },
  });
}

/** `PixArtAlphaCombinedTimestepSizeEmbeddings(dim, 0)` as the timestep-conditioned decoder blocks hold it. */
function timeEmbedder(dim: number): Module {
  return module("PixArtAlphaCombinedTimestepSizeEmbeddings", { children: { time_proj: timesteps(), timestep_embedder: timestepEmbedding(256, dim) } });
}

function resnets(n: number, a: number, o: { noise?: boolean; timestep?: boolean } = {}): Module {
  return list("ModuleList", { module: resnet(a, a, o), count: n });
}

const at = <T>(xs: readonly T[], i: number, what: string): T => xs[i] ?? unsupported("AutoencoderKLLTXVideo", `a \`${what}\` list too short for the blocks`);

function encoder(c: Config): Module {
  const channels = c.intList("block_out_channels");
  const types = stringList(c, "down_block_types");
  const layers = c.intList("layers_per_block");
  const scaling = c.list("spatio_temporal_scaling").map(Boolean);
  const downTypes = stringList(c, "downsample_type");
  const patch = c.int("patch_size");
  const latent = c.int("latent_channels");
  const is095 = types[types.length - 1] === "LTXVideo095DownBlock3D";
  const n = channels.length - (is095 ? 1 : 0);
  let out = channels[0]!;
  const blocks: Module[] = [];
  for (let i = 0; i < n; i++) {
    const input = out;
    out = is095 ? channels[i + 1]! : i + 1 < n ? channels[i + 1]! : channels[i]!;
    const type = at(types, i, "down_block_types");
    const scale = at(scaling, i, "spatio_temporal_scaling");
    if (type === "LTXVideoDownBlock3D") {
      blocks.push(
        module(type, {
          children: {
            resnets: resnets(at(layers, i, "layers_per_block"), input),
            downsamplers: scale && list("ModuleList", causalConv(input, input)),
            conv_out: input !== out && resnet(input, out),
          },
        }),
      );
    } else if (type === "LTXVideo095DownBlock3D") {
      const kind = at(downTypes, i, "downsample_type");
      const stride = { spatial: 4, temporal: 2, spatiotemporal: 8 }[kind];
      if (kind !== "conv" && stride === undefined) unsupported("AutoencoderKLLTXVideo", `downsample_type \`${kind}\``);
      const sampler = kind === "conv" ? causalConv(input, input) : module("LTXVideoDownsampler3d", { children: { conv: causalConv(input, Math.floor(out / stride!)) } });
      blocks.push(module(type, { children: { resnets: resnets(at(layers, i, "layers_per_block"), input), downsamplers: scale && list("ModuleList", sampler) } }));
    } else unsupported("AutoencoderKLLTXVideo", `down block \`${type}\``);
  }
  return module("LTXVideoEncoder3d", {
    children: {
      conv_in: causalConv(c.int("in_channels") * patch * patch, channels[0]!),
      down_blocks: list("ModuleList", ...blocks),
      mid_block: module("LTXVideoMidBlock3d", { children: { resnets: resnets(at(layers, layers.length - 1, "layers_per_block"), out) } }),
      norm_out: stateless("RMSNorm"),
      conv_out: causalConv(out, latent + 1),
    },
  });
}

function decoder(c: Config): Module {
  const channels = [...c.intList("decoder_block_out_channels")].reverse();
  const scaling = [...c.list("decoder_spatio_temporal_scaling").map(Boolean)].reverse();
  const layers = [...c.intList("decoder_layers_per_block")].reverse();
  const noise = [...c.list("decoder_inject_noise").map(Boolean)].reverse();
  const factors = [...c.intList("upsample_factor")].reverse();
  const timestep = c.bool("timestep_conditioning");
  const patch = c.int("patch_size");
  let out = channels[0]!;
  const blocks = channels.map((ch, i) => {
    const factor = at(factors, i, "upsample_factor");
    const input = Math.floor(out / factor);
    out = Math.floor(ch / factor);
    const o = { noise: at(noise, i + 1, "decoder_inject_noise"), timestep };
    const upIn = out * factor;
    return module("LTXVideoUpBlock3d", {
      children: {
        time_embedder: timestep && timeEmbedder(input * 4),
        conv_in: input !== out && resnet(input, out, o),
        upsamplers: at(scaling, i, "decoder_spatio_temporal_scaling") && list("ModuleList", module("LTXVideoUpsampler3d", { children: { conv: causalConv(upIn, Math.floor((upIn * 8) / factor)) } })),
        resnets: resnets(at(layers, i + 1, "decoder_layers_per_block"), out, o),
      },
    });
  });
  return module("LTXVideoDecoder3d", {
    params: { timestep_scale_multiplier: timestep && [], scale_shift_table: timestep && [2, out] },
    children: {
      conv_in: causalConv(c.int("latent_channels"), channels[0]!),
      mid_block: module("LTXVideoMidBlock3d", {
        children: { time_embedder: timestep && timeEmbedder(channels[0]! * 4), resnets: resnets(layers[0]!, channels[0]!, { noise: noise[0]!, timestep }) },
      }),
      up_blocks: list("ModuleList", ...blocks),
      norm_out: stateless("RMSNorm"),
      conv_out: causalConv(out, c.int("out_channels") * patch * patch),
      time_embedder: timestep && timeEmbedder(out * 2),
    },
  });
}

export const autoencoderKLLTXVideoModel: DiffusersModel = {
  className: "AutoencoderKLLTXVideo",
  source: "diffusers/models/autoencoders/autoencoder_kl_ltx.py",
  defaults: {
    in_channels: 3,
    out_channels: 3,
    latent_channels: 128,
    block_out_channels: [128, 256, 512, 512],
    down_block_types: ["LTXVideoDownBlock3D", "LTXVideoDownBlock3D", "LTXVideoDownBlock3D", "LTXVideoDownBlock3D"],
    decoder_block_out_channels: [128, 256, 512, 512],
    layers_per_block: [4, 3, 3, 3, 4],
    decoder_layers_per_block: [4, 3, 3, 3, 4],
    spatio_temporal_scaling: [true, true, true, false],
    decoder_spatio_temporal_scaling: [true, true, true, false],
    decoder_inject_noise: [false, false, false, false, false],
    downsample_type: ["conv", "conv", "conv", "conv"],
    upsample_residual: [false, false, false, false],
    upsample_factor: [1, 1, 1, 1],
    timestep_conditioning: false,
    patch_size: 4,
    patch_size_t: 1,
  },
  noSplitModules: null,
  build: (c) => {
    const latent = c.int("latent_channels");
    return module("AutoencoderKLLTXVideo", {
      buffers: { latents_mean: buffer([latent]), latents_std: buffer([latent]) },
      children: { encoder: encoder(c), decoder: decoder(c) },
    });
  },
};
