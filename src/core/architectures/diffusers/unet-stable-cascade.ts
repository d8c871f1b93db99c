// diffusers/models/unets/unet_stable_cascade.py (58eb52c): StableCascadeUNet — Stable Cascade's prior (stage C)
// and decoder (stage B). No `_no_split_modules`: accelerate's largest layer is a single leaf.
import { conv2d, convTranspose, linear } from "../../modules/blocks.js";
import { list, module, stateless, type Module, checkIndexedLayers } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import { InvalidConfigError } from "../../errors.js";
import type { DiffusersModel } from "../types.js";
import { exactDiv, unsupported } from "./blocks/config.js";
import { attention } from "./blocks/layers.js";
import { indexed } from "./blocks/runs.js";

const norm = () => stateless("SDCascadeLayerNorm");

function resBlock(ch: number, skip: number, kernel: number): Module {
  return module("SDCascadeResBlock", {
    children: {
      depthwise: conv2d(ch, ch, kernel, { groups: ch }),
      norm: norm(),
      channelwise: list(
        "Sequential",
        linear(ch + skip, ch * 4),
        stateless("GELU"),
        module("GlobalResponseNorm", { params: { gamma: [1, 1, 1, ch * 4], beta: [1, 1, 1, ch * 4] } }),
        stateless("Dropout"),
        linear(ch * 4, ch),
      ),
    },
  });
}

function timestepBlock(ch: number, tDim: number, conds: string[]): Module {
  const children: Record<string, Module> = { mapper: linear(tDim, ch * 2) };
  for (const name of conds) children[`mapper_${name}`] = linear(tDim, ch * 2);
  return module("SDCascadeTimestepBlock", { children });
}

function attnBlock(ch: number, cond: number, heads: number): Module {
  return module("SDCascadeAttnBlock", {
    children: {
      norm: norm(),
      attention: attention({ queryDim: ch, heads, dimHead: exactDiv(ch, heads, "SDCascadeAttnBlock: channels / heads"), bias: true }),
      kv_mapper: list("Sequential", stateless("SiLU"), linear(cond, ch)),
    },
  });
}

function stableCascade(c: Config): Module {
  const channels = c.intList("block_out_channels");
  const n = channels.length;
  const heads = c.intList("num_attention_heads");
  const downLayers = c.intList("down_num_layers_per_block");
  const upLayers = [...c.intList("up_num_layers_per_block")].reverse();
  const types = c.list("block_types_per_layer").map((l) => (Array.isArray(l) ? l.map(String) : unsupported("StableCascadeUNet", "a non-list `block_types_per_layer` entry")));
  const downMappers = c.get("down_blocks_repeat_mappers") === null ? undefined : c.intList("down_blocks_repeat_mappers");
  const upMappers = c.get("up_blocks_repeat_mappers") === null ? undefined : [...c.intList("up_blocks_repeat_mappers")].reverse();
  for (const [name, len] of [["down_num_layers_per_block", downLayers.length], ["up_num_layers_per_block", upLayers.length], ["block_types_per_layer", types.length], ["num_attention_heads", heads.length]] as const) {
    if (len !== n) throw new InvalidConfigError(`StableCascadeUNet: \`${name}\` must have one entry per block (${n})`, name);
  }
  const cond = c.int("conditioning_dim");
  const kernel = c.int("kernel_size");
  const tDim = c.int("timestep_ratio_embedding_dim");
  const conds = c.list("timestep_conditioning_type").map(String);
  const switchLevel = c.get("switch_level");
  const switched = Array.isArray(switchLevel) ? switchLevel.map(Boolean) : undefined;
  const block = (type: string, i: number, skip = 0): Module => {
    if (type === "SDCascadeResBlock") return resBlock(channels[i]!, skip, kernel);
    if (type === "SDCascadeAttnBlock") return attnBlock(channels[i]!, cond, heads[i]!);
    if (type === "SDCascadeTimestepBlock") return timestepBlock(channels[i]!, tDim, conds);
    return unsupported("StableCascadeUNet", `block type \`${type}\``);
  };
  const upDown = (a: number, b: number, mode: "up" | "down") => {
    const mapping = conv2d(a, b, 1);
    const interp = stateless("Upsample");
    return module("UpDownBlock2d", { children: { blocks: list("ModuleList", ...(mode === "up" ? [interp, mapping] : [mapping, interp])) } });
  };
  const repeatMappers = (count: number | undefined, ch: number) => list("ModuleList", ...indexed(Math.max(0, (count ?? 1) - 1), () => conv2d(ch, ch, 1)));

  const downBlocks: Module[] = [];
  const downscalers: Module[] = [];
  const downRepeat: Module[] = [];
  for (let i = 0; i < n; i++) {
    downscalers.push(i === 0 ? stateless("Identity") : list("Sequential", norm(), switched ? upDown(channels[i - 1]!, channels[i]!, "down") : conv2d(channels[i - 1]!, channels[i]!, 2)));
    const built = types[i]!.map((t) => block(t, i));
    downBlocks.push(list("ModuleList", ...indexed(downLayers[i]!, () => built).flat()));
    if (downMappers) downRepeat.push(repeatMappers(downMappers[i], channels[i]!));
  }
  const upBlocks: Module[] = [];
  const upscalers: Module[] = [];
  const upRepeat: Module[] = [];
  for (let i = n - 1; i >= 0; i--) {
    upscalers.push(i > 0 ? list("Sequential", norm(), switched ? upDown(channels[i]!, channels[i - 1]!, "up") : convTranspose(channels[i]!, channels[i - 1]!, [2, 2])) : stateless("Identity"));
    const built = types[i]!.map((t) => block(t, i));
    const items: Module[] = [];
    checkIndexedLayers(upLayers[i]!, "blocks");
    for (let j = 0; j < upLayers[i]!; j++) {
      types[i]!.forEach((t, k) => items.push(i < n - 1 && j === 0 && k === 0 ? block(t, i, channels[i]!) : built[k]!));
    }
    upBlocks.push(list("ModuleList", ...items));
    if (upMappers) upRepeat.push(repeatMappers(upMappers[i], channels[i]!));
  }
  const patch = c.int("patch_size");
  const inChannels = c.int("in_channels");
  const seq = c.int("clip_seq");
  const effnet = c.optionalInt("effnet_in_channels");
  const pixels = c.optionalInt("pixel_mapper_in_channels");
  const clipText = c.optionalInt("clip_text_in_channels");
  const clipImage = c.optionalInt("clip_image_in_channels");
  const mapper = (k: number) => list("Sequential", conv2d(k, channels[0]! * 4, 1), stateless("GELU"), conv2d(channels[0]! * 4, channels[0]!, 1), norm());
  return module("StableCascadeUNet", {
    children: {
      effnet_mapper: effnet !== undefined && mapper(effnet),
      pixels_mapper: pixels !== undefined && mapper(pixels),
      clip_txt_pooled_mapper: linear(c.int("clip_text_pooled_in_channels"), cond * seq),
      clip_txt_mapper: clipText !== undefined && linear(clipText, cond),
      clip_img_mapper: clipImage !== undefined && linear(clipImage, cond * seq),
      clip_norm: stateless("LayerNorm"),
      embedding: list("Sequential", stateless("PixelUnshuffle"), conv2d(inChannels * patch * patch, channels[0]!, 1), norm()),
      down_blocks: list("ModuleList", ...downBlocks),
      down_downscalers: list("ModuleList", ...downscalers),
      down_repeat_mappers: list("ModuleList", ...downRepeat),
      up_blocks: list("ModuleList", ...upBlocks),
      up_upscalers: list("ModuleList", ...upscalers),
      up_repeat_mappers: list("ModuleList", ...upRepeat),
      clf: list("Sequential", norm(), conv2d(channels[0]!, c.int("out_channels") * patch * patch, 1), stateless("PixelShuffle")),
    },
  });
}

export const stableCascadeUNetModel: DiffusersModel = {
  className: "StableCascadeUNet",
  source: "diffusers/models/unets/unet_stable_cascade.py",
  defaults: {
    in_channels: 16,
    out_channels: 16,
    timestep_ratio_embedding_dim: 64,
    patch_size: 1,
    conditioning_dim: 2048,
    block_out_channels: [2048, 2048],
    num_attention_heads: [32, 32],
    down_num_layers_per_block: [8, 24],
    up_num_layers_per_block: [24, 8],
    down_blocks_repeat_mappers: [1, 1],
    up_blocks_repeat_mappers: [1, 1],
    block_types_per_layer: [
      ["SDCascadeResBlock", "SDCascadeTimestepBlock", "SDCascadeAttnBlock"],
      ["SDCascadeResBlock", "SDCascadeTimestepBlock", "SDCascadeAttnBlock"],
    ],
    clip_text_in_channels: null,
    clip_text_pooled_in_channels: 1280,
    clip_image_in_channels: null,
    clip_seq: 4,
    effnet_in_channels: null,
    pixel_mapper_in_channels: null,
    kernel_size: 3,
    timestep_conditioning_type: ["sca", "crp"],
    switch_level: null,
  },
  noSplitModules: null,
  build: stableCascade,
};
