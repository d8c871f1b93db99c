// diffusers/models/unets/unet_2d_condition.py (58eb52c): UNet2DConditionModel — SD 1.x/2.x, SDXL (text_time
// additional embeddings), and the UNets of many fine-tunes.
import { conv2d, embedding, groupNorm, linear } from "../../modules/blocks.js";
import { list, module, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import type { DiffusersModel } from "../types.js";
import { optionalPerBlock, perBlock, stringList, unsupported } from "./blocks/config.js";
import { timestepEmbedding, timesteps } from "./blocks/layers.js";
import { downBlock2D, midBlock2D, upBlock2D, type BlockArgs } from "./blocks/unet-2d-blocks.js";
import { indexed } from "./blocks/runs.js";

export const UNET_2D_CONDITION_DEFAULTS = {
  in_channels: 4,
  out_channels: 4,
  down_block_types: ["CrossAttnDownBlock2D", "CrossAttnDownBlock2D", "CrossAttnDownBlock2D", "DownBlock2D"],
  mid_block_type: "UNetMidBlock2DCrossAttn",
  up_block_types: ["UpBlock2D", "CrossAttnUpBlock2D", "CrossAttnUpBlock2D", "CrossAttnUpBlock2D"],
  only_cross_attention: false,
  block_out_channels: [320, 640, 1280, 1280],
  layers_per_block: 2,
  norm_num_groups: 32,
  cross_attention_dim: 1280,
  transformer_layers_per_block: 1,
  reverse_transformer_layers_per_block: null,
  encoder_hid_dim: null,
  encoder_hid_dim_type: null,
  attention_head_dim: 8,
  num_attention_heads: null,
  dual_cross_attention: false,
  use_linear_projection: false,
  class_embed_type: null,
  addition_embed_type: null,
  addition_time_embed_dim: null,
  num_class_embeds: null,
  resnet_time_scale_shift: "default",
  time_embedding_type: "positional",
  time_embedding_dim: null,
  time_cond_proj_dim: null,
  conv_in_kernel: 3,
  conv_out_kernel: 3,
  projection_class_embeddings_input_dim: null,
  attention_type: "default",
  class_embeddings_concat: false,
  mid_block_only_cross_attention: null,
  cross_attention_norm: null,
} as const;

/** Per-block values the UNet and its ControlNet share (`__init__`'s broadcasting of int-or-tuple arguments). */
export function unetBlockSettings(c: Config, blocks: number) {
  const cls = c.label;
  if (c.get("num_attention_heads") !== null && c.get("num_attention_heads") !== undefined && cls === "UNet2DConditionModel") {
    unsupported(cls, "`num_attention_heads` (diffusers itself refuses it)");
  }
  // The config's `attention_head_dim` is, by a historical naming mistake, the number of heads.
  const heads = perBlock(c, c.get("num_attention_heads") ?? null ? "num_attention_heads" : "attention_head_dim", blocks);
  const transformerLayers = c.get("transformer_layers_per_block");
  const perLayer = Array.isArray(transformerLayers) && transformerLayers.some(Array.isArray);
  if (perLayer) unsupported(cls, "per-layer `transformer_layers_per_block` lists");
  if (c.get("attention_type") !== "default") unsupported(cls, `attention_type \`${String(c.get("attention_type"))}\``);
  if (c.get("cross_attention_norm") !== null && c.get("cross_attention_norm") !== undefined) unsupported(cls, "cross_attention_norm");
  const onlyCross = c.get("only_cross_attention");
  return {
    heads,
    headDims: optionalPerBlock(c, "attention_head_dim", blocks),
    crossDims: perBlock(c, "cross_attention_dim", blocks),
    layers: perBlock(c, "layers_per_block", blocks),
    transformerLayers: perBlock(c, "transformer_layers_per_block", blocks),
    onlyCross: Array.isArray(onlyCross) ? onlyCross.map(Boolean) : indexed(blocks, () => Boolean(onlyCross)),
  };
}

/** `_set_time_proj` + `TimestepEmbedding` + `_set_class_embedding` + `_set_add_embedding`, in that order. */
export function unetTimeEmbeddings(c: Config, channels0: number): { children: Record<string, Module | false>; timeEmbedDim: number } {
  const cls = c.label;
  if (c.get("time_embedding_type") !== "positional") unsupported(cls, `time_embedding_type \`${String(c.get("time_embedding_type"))}\``);
  const timeEmbedDim = c.optionalInt("time_embedding_dim") ?? channels0 * 4;
  const children: Record<string, Module | false> = {
    time_proj: timesteps(),
    time_embedding: timestepEmbedding(channels0, timeEmbedDim, { condProjDim: c.optionalInt("time_cond_proj_dim") }),
  };
  const hidType = c.optionalString("encoder_hid_dim_type") ?? (c.optionalInt("encoder_hid_dim") !== undefined ? "text_proj" : undefined);
  if (hidType === "text_proj") children.encoder_hid_proj = linear(c.int("encoder_hid_dim"), c.int("cross_attention_dim"));
  else if (hidType !== undefined) unsupported(cls, `encoder_hid_dim_type \`${hidType}\``);
  const classType = c.optionalString("class_embed_type");
  const projIn = () => c.int("projection_class_embeddings_input_dim");
  if (classType === undefined && c.optionalInt("num_class_embeds") !== undefined) children.class_embedding = embedding(c.int("num_class_embeds"), timeEmbedDim);
  else if (classType === "timestep") children.class_embedding = timestepEmbedding(channels0, timeEmbedDim);
  else if (classType === "projection") children.class_embedding = timestepEmbedding(projIn(), timeEmbedDim);
  else if (classType === "simple_projection") children.class_embedding = linear(projIn(), timeEmbedDim);
  else if (classType !== undefined && classType !== "identity") unsupported(cls, `class_embed_type \`${classType}\``);
  const addType = c.optionalString("addition_embed_type");
  if (addType === "text_time") {
    // SDXL: the size/crop conditioning goes through Timesteps, then a TimestepEmbedding from its flat width.
    children.add_time_proj = timesteps();
    children.add_embedding = timestepEmbedding(projIn(), timeEmbedDim);
  } else if (addType !== undefined) unsupported(cls, `addition_embed_type \`${addType}\``);
  return { children, timeEmbedDim };
}

function unet2DCondition(c: Config): Module {
  const down = stringList(c, "down_block_types");
  const upTypes = stringList(c, "up_block_types");
  const channels = c.intList("block_out_channels");
  const n = down.length;
  if (upTypes.length !== n || channels.length !== n) unsupported("UNet2DConditionModel", "block lists of different lengths");
  if (c.bool("class_embeddings_concat")) unsupported("UNet2DConditionModel", "class_embeddings_concat");
  const s = unetBlockSettings(c, n);
  const time = unetTimeEmbeddings(c, channels[0]!);
  const temb = time.timeEmbedDim;
  const common = {
    temb,
    timeNorm: c.string("resnet_time_scale_shift"),
    useLinearProjection: c.bool("use_linear_projection"),
    dualCrossAttention: c.bool("dual_cross_attention"),
  };
  const downBlocks: Module[] = [];
  let out = channels[0]!;
  for (let i = 0; i < n; i++) {
    const input = out;
    out = channels[i]!;
    const args: BlockArgs = {
      ...common,
      type: down[i]!,
      layers: s.layers[i]!,
      inChannels: input,
      outChannels: out,
      resample: i !== n - 1,
      transformerLayers: s.transformerLayers[i]!,
      heads: s.heads[i]!,
      crossAttentionDim: s.crossDims[i]!,
      onlyCrossAttention: s.onlyCross[i]!,
    };
    downBlocks.push(downBlock2D(args));
  }
  const midType = c.optionalString("mid_block_type");
  const mid =
    midType !== undefined &&
    midBlock2D({
      ...common,
      type: midType,
      layers: 1,
      inChannels: channels[n - 1]!,
      outChannels: channels[n - 1]!,
      resample: false,
      transformerLayers: s.transformerLayers[n - 1]!,
      heads: s.heads[n - 1]!,
      crossAttentionDim: s.crossDims[n - 1]!,
      onlyCrossAttention: Boolean(c.get("mid_block_only_cross_attention") ?? false),
    });
  const rChannels = [...channels].reverse();
  const rHeads = [...s.heads].reverse();
  const rLayers = [...s.layers].reverse();
  const rCross = [...s.crossDims].reverse();
  const rTransformer = [...s.transformerLayers].reverse();
  const rOnly = [...s.onlyCross].reverse();
  const upBlocks: Module[] = [];
  out = rChannels[0]!;
  for (let i = 0; i < n; i++) {
    const prev = out;
    out = rChannels[i]!;
    upBlocks.push(
      upBlock2D({
        ...common,
        type: upTypes[i]!,
        layers: rLayers[i]! + 1,
        inChannels: rChannels[Math.min(i + 1, n - 1)]!,
        outChannels: out,
        prevOutputChannel: prev,
        resample: i !== n - 1,
        transformerLayers: rTransformer[i]!,
        heads: rHeads[i]!,
        crossAttentionDim: rCross[i]!,
        onlyCrossAttention: rOnly[i]!,
      }),
    );
  }
  const groups = c.get("norm_num_groups");
  const kIn = c.int("conv_in_kernel");
  const kOut = c.int("conv_out_kernel");
  return module("UNet2DConditionModel", {
    children: {
      conv_in: conv2d(c.int("in_channels"), channels[0]!, kIn),
      ...time.children,
      down_blocks: list("ModuleList", ...downBlocks),
      up_blocks: list("ModuleList", ...upBlocks),
      mid_block: mid,
      conv_norm_out: groups !== null && groupNorm(channels[0]!),
      conv_out: conv2d(channels[0]!, c.int("out_channels"), kOut),
    },
  });
}

export const unet2DConditionModel: DiffusersModel = {
  className: "UNet2DConditionModel",
  source: "diffusers/models/unets/unet_2d_condition.py",
  defaults: UNET_2D_CONDITION_DEFAULTS,
  noSplitModules: ["BasicTransformerBlock", "ResnetBlock2D", "CrossAttnUpBlock2D", "UpBlock2D"],
  build: unet2DCondition,
};
