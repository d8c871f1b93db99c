/**
 * 2D residual and resampling blocks: `ResnetBlock2D` (models/resnet.py), `Downsample2D`
 * (models/downsampling.py), `Upsample2D` (models/upsampling.py), diffusers 58eb52c.
 */
import { conv2d, groupNorm, linear } from "../../../modules/blocks.js";
import { list, module, type Module } from "../../../modules/module.js";
import { unsupported } from "./config.js";

export interface Resnet2DOptions {
  /** `temb_channels`; undefined = no `time_emb_proj` (VAE blocks). */
  temb?: number | undefined;
  /** `time_embedding_norm`: "default" projects to `out`, "scale_shift" to `2 · out`. */
  timeNorm?: string;
  convShortcutBias?: boolean;
  useInShortcut?: boolean;
  up?: boolean;
  down?: boolean;
}

/** `ResnetBlock2D(in, out, temb)`: norm1, conv1, time_emb_proj, norm2, conv2, [upsample|downsample], conv_shortcut. */
export function resnetBlock2D(inChannels: number, outChannels: number, o: Resnet2DOptions = {}): Module {
  const timeNorm = o.timeNorm ?? "default";
  if (o.temb !== undefined && timeNorm !== "default" && timeNorm !== "scale_shift") {
    unsupported("ResnetBlock2D", `time_embedding_norm \`${timeNorm}\``);
  }
  const shortcut = o.useInShortcut ?? inChannels !== outChannels;
  return module("ResnetBlock2D", {
    children: {
      norm1: groupNorm(inChannels),
      conv1: conv2d(inChannels, outChannels, 3),
      time_emb_proj: o.temb !== undefined && linear(o.temb, timeNorm === "scale_shift" ? 2 * outChannels : outChannels),
      norm2: groupNorm(outChannels),
      conv2: conv2d(outChannels, outChannels, 3),
      // `up`/`down` without a FIR kernel resample with a parameter-free Upsample2D/Downsample2D.
      upsample: o.up === true && module("Upsample2D"),
      downsample: o.up !== true && o.down === true && module("Downsample2D"),
      conv_shortcut: shortcut && conv2d(inChannels, outChannels, 1, { bias: o.convShortcutBias ?? true }),
    },
  });
}

/** `Downsample2D(channels, use_conv=True, out_channels, padding, name="op")`: a stride-2 3×3 `conv`. */
export function downsample2D(channels: number, outChannels = channels, useConv = true): Module {
  return module("Downsample2D", { children: { conv: useConv ? conv2d(channels, outChannels, 3) : module("AvgPool2d") } });
}

/** `Upsample2D(channels, use_conv=True, out_channels)`: a 3×3 `conv` after nearest interpolation. */
export function upsample2D(channels: number, outChannels = channels): Module {
  return module("Upsample2D", { children: { conv: conv2d(channels, outChannels, 3) } });
}

/** The one-element ModuleList diffusers keeps its down/upsamplers in. */
export function samplers(block: Module | false): Module | false {
  return block && list("ModuleList", block);
}
