// diffusers/models/controlnets/controlnet.py (58eb52c): ControlNetModel — a copy of the UNet's encoder half
// (same blocks as UNet2DConditionModel) plus the conditioning-image embedding and the zero-initialised 1×1 convs.
import { conv2d } from "../../modules/blocks.js";
import { list, module, type Module, checkIndexedLayers } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import type { DiffusersModel } from "../types.js";
import { stringList, unsupported } from "./blocks/config.js";
import { downBlock2D, midBlock2D } from "./blocks/unet-2d-blocks.js";
import { UNET_2D_CONDITION_DEFAULTS, unetBlockSettings, unetTimeEmbeddings } from "./unet-2d-condition.js";

function conditioningEmbedding(outChannels: number, inChannels: number, channels: number[]): Module {
  const blocks: Module[] = [];
  for (let i = 0; i < channels.length - 1; i++) {
    blocks.push(conv2d(channels[i]!, channels[i]!, 3), conv2d(channels[i]!, channels[i + 1]!, 3));
  }
  return module("ControlNetConditioningEmbedding", {
    children: {
      conv_in: conv2d(inChannels, channels[0]!, 3),
      blocks: list("ModuleList", ...blocks),
      conv_out: conv2d(channels[channels.length - 1]!, outChannels, 3),
    },
  });
}

function controlNet(c: Config): Module {
  const types = stringList(c, "down_block_types");
  const channels = c.intList("block_out_channels");
  const n = types.length;
  if (channels.length !== n) unsupported("ControlNetModel", "block lists of different lengths");
  // ControlNetModel's signature has none of these: its time embedding is always the positional default.
  c.set("time_embedding_type", "positional");
  c.set("time_embedding_dim", null);
  c.set("time_cond_proj_dim", null);
  const s = unetBlockSettings(c, n);
  const time = unetTimeEmbeddings(c, channels[0]!);
  const temb = time.timeEmbedDim;
  const common = { temb, timeNorm: c.string("resnet_time_scale_shift"), useLinearProjection: c.bool("use_linear_projection") };
  const downBlocks: Module[] = [];
  const zeroConvs: Module[] = [conv2d(channels[0]!, channels[0]!, 1)];
  let out = channels[0]!;
  for (let i = 0; i < n; i++) {
    const input = out;
    out = channels[i]!;
    const final = i === n - 1;
    downBlocks.push(
      downBlock2D({
        ...common,
        type: types[i]!,
        layers: s.layers[i]!,
        inChannels: input,
        outChannels: out,
        resample: !final,
        transformerLayers: s.transformerLayers[i]!,
        heads: s.heads[i]!,
        crossAttentionDim: s.crossDims[i]!,
        onlyCrossAttention: s.onlyCross[i]!,
      }),
    );
    checkIndexedLayers(s.layers[i]!, "blocks");
    for (let j = 0; j < s.layers[i]! + (final ? 0 : 1); j++) zeroConvs.push(conv2d(out, out, 1));
  }
  const last = channels[n - 1]!;
  const midType = c.string("mid_block_type");
  const mid =
    midType === "UNetMidBlock2D"
      ? midBlock2D({ ...common, type: midType, layers: 0, inChannels: last, outChannels: last, resample: false, addAttention: false })
      : midBlock2D({
          ...common,
          type: midType,
          layers: 1,
          inChannels: last,
          outChannels: last,
          resample: false,
          transformerLayers: s.transformerLayers[n - 1]!,
          heads: s.heads[n - 1]!,
          crossAttentionDim: s.crossDims[n - 1]!,
        });
  return module("ControlNetModel", {
    children: {
      conv_in: conv2d(c.int("in_channels"), channels[0]!, 3),
      ...time.children,
      controlnet_cond_embedding: conditioningEmbedding(channels[0]!, c.int("conditioning_channels"), c.intList("conditioning_embedding_out_channels")),
      down_blocks: list("ModuleList", ...downBlocks),
      controlnet_down_blocks: list("ModuleList", ...zeroConvs),
      controlnet_mid_block: conv2d(last, last, 1),
      mid_block: mid,
    },
  });
}

export const controlNetModel: DiffusersModel = {
  className: "ControlNetModel",
  source: "diffusers/models/controlnets/controlnet.py",
  defaults: {
    ...UNET_2D_CONDITION_DEFAULTS,
    conditioning_channels: 3,
    conditioning_embedding_out_channels: [16, 32, 96, 256],
  },
  noSplitModules: null,
  build: controlNet,
};
