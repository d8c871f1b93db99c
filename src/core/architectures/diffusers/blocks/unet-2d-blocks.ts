/**
 * The UNet blocks of models/unets/unet_2d_blocks.py with the `Transformer2DModel` (continuous input,
 * models/transformers/transformer_2d.py) and `BasicTransformerBlock` (models/attention.py) inside them,
 * diffusers 58eb52c. Children in `__init__` order: attentions, resnets, then the resamplers.
 */
import { conv2d, groupNorm, linear } from "../../../modules/blocks.js";
import { list, module, repeat, type Module } from "../../../modules/module.js";
import { exactDiv, unsupported } from "./config.js";
import { attention, feedForward, ln } from "./layers.js";
import { downsample2D, resnetBlock2D, samplers, upsample2D } from "./resnet-2d.js";
import { indexed } from "./runs.js";

export interface TransformerOptions {
  heads: number;
  headDim: number;
  crossAttentionDim?: number | undefined;
  onlyCrossAttention?: boolean;
  useLinearProjection?: boolean;
  layers: number;
  activation?: string;
  attentionBias?: boolean;
  normGroups?: number;
  normType?: string;
  normAffine?: boolean;
}

/**
 * `BasicTransformerBlock` with `norm_type` "layer_norm" (UNets) or "ada_norm_single" (PixArt: parameter-free
 * norms, no norm3, a 6 × dim `scale_shift_table`): norm1, attn1, norm2, attn2, norm3, ff.
 */
export function basicTransformerBlock(dim: number, o: TransformerOptions): Module {
  const cross = o.crossAttentionDim;
  const bias = o.attentionBias ?? false;
  const single = o.normType === "ada_norm_single";
  if (o.normType !== undefined && o.normType !== "layer_norm" && !single) unsupported("BasicTransformerBlock", `norm_type \`${o.normType}\``);
  const affine = o.normAffine ?? true;
  return module("BasicTransformerBlock", {
    params: { scale_shift_table: single && [6, dim] },
    children: {
      norm1: ln(dim, affine),
      attn1: attention({ queryDim: dim, heads: o.heads, dimHead: o.headDim, bias, crossAttentionDim: o.onlyCrossAttention ? cross : undefined }),
      norm2: (cross !== undefined || single) && ln(dim, affine),
      attn2: cross !== undefined && attention({ queryDim: dim, crossAttentionDim: cross, heads: o.heads, dimHead: o.headDim, bias }),
      norm3: !single && ln(dim, affine),
      ff: feedForward(dim, { activation: o.activation ?? "geglu" }),
    },
  });
}

/** `Transformer2DModel` over continuous input: norm, proj_in, transformer_blocks, proj_out. */
export function transformer2DModel(inChannels: number, o: TransformerOptions): Module {
  const inner = o.heads * o.headDim;
  const proj = (a: number, b: number) => (o.useLinearProjection ? linear(a, b) : conv2d(a, b, 1));
  return module("Transformer2DModel", {
    children: {
      norm: groupNorm(inChannels),
      proj_in: proj(inChannels, inner),
      transformer_blocks: repeat(basicTransformerBlock(inner, o), o.layers),
      proj_out: proj(inner, inChannels),
    },
  });
}

/** What `get_down_block` / `get_up_block` / `get_mid_block` pass on. */
export interface BlockArgs {
  type: string;
  layers: number;
  inChannels: number;
  outChannels: number;
  prevOutputChannel?: number;
  temb?: number | undefined;
  resample: boolean;
  timeNorm?: string;
  transformerLayers?: number | readonly number[];
  heads?: number;
  crossAttentionDim?: number | undefined;
  useLinearProjection?: boolean;
  onlyCrossAttention?: boolean;
  dualCrossAttention?: boolean;
  /** Mid blocks: whether `UNetMidBlock2D` adds its attention. */
  addAttention?: boolean;
  /** `attention_head_dim` as given to `UNetMidBlock2D` (its heads = channels / this). */
  attentionHeadDim?: number;
}

function transformerLayersAt(a: BlockArgs, i: number): number {
  const t = a.transformerLayers ?? 1;
  if (typeof t === "number") return t;
  const n = t[i];
  if (n === undefined) return unsupported(a.type, "a `transformer_layers_per_block` list shorter than the layers");
  return n;
}

function crossAttnTransformer(a: BlockArgs, channels: number, i: number): Module {
  if (a.dualCrossAttention) unsupported(a.type, "dual_cross_attention");
  const heads = a.heads ?? 1;
  return transformer2DModel(channels, {
    heads,
    headDim: exactDiv(channels, heads, `${a.type}: channels / num_attention_heads`),
    crossAttentionDim: a.crossAttentionDim,
    onlyCrossAttention: a.onlyCrossAttention ?? false,
    useLinearProjection: a.useLinearProjection ?? false,
    layers: transformerLayersAt(a, i),
  });
}

/** Runs of identical blocks: index 0 may differ (its input width), the rest repeat. */
function runs(first: Module, rest: Module, count: number): Module {
  return count <= 1 ? list("ModuleList", ...(count === 1 ? [first] : [])) : list("ModuleList", first, { module: rest, count: count - 1 });
}

/** `CrossAttnDownBlock2D`, `DownBlock2D`, `DownEncoderBlock2D`. */
export function downBlock2D(a: BlockArgs): Module {
  const resnet = (i: number) =>
    resnetBlock2D(i === 0 ? a.inChannels : a.outChannels, a.outChannels, { temb: a.temb, timeNorm: a.timeNorm ?? "default" });
  const down = samplers(a.resample && downsample2D(a.outChannels));
  const resnets = runs(resnet(0), resnet(1), a.layers);
  switch (a.type) {
    case "CrossAttnDownBlock2D": {
      const uniform = typeof (a.transformerLayers ?? 1) === "number";
      const attentions = uniform
        ? repeat(crossAttnTransformer(a, a.outChannels, 0), a.layers)
        : list("ModuleList", ...indexed(a.layers, (_, i) => crossAttnTransformer(a, a.outChannels, i)));
      return module("CrossAttnDownBlock2D", { children: { attentions, resnets, downsamplers: down } });
    }
    case "DownBlock2D":
      return module("DownBlock2D", { children: { resnets, downsamplers: down } });
    case "DownEncoderBlock2D":
      return module("DownEncoderBlock2D", { children: { resnets, downsamplers: down } });
    default:
      return unsupported("get_down_block", `down block \`${a.type}\``);
  }
}

/** `CrossAttnUpBlock2D`, `UpBlock2D` (skip connections widen each resnet's input), `UpDecoderBlock2D`. */
export function upBlock2D(a: BlockArgs): Module {
  const up = samplers(a.resample && upsample2D(a.outChannels));
  if (a.type === "UpDecoderBlock2D") {
    const resnet = (i: number) => resnetBlock2D(i === 0 ? a.inChannels : a.outChannels, a.outChannels, { temb: a.temb });
    return module("UpDecoderBlock2D", { children: { resnets: runs(resnet(0), resnet(1), a.layers), upsamplers: up } });
  }
  const prev = a.prevOutputChannel ?? a.outChannels;
  const resnet = (i: number) => {
    const skip = i === a.layers - 1 ? a.inChannels : a.outChannels;
    const input = i === 0 ? prev : a.outChannels;
    return resnetBlock2D(input + skip, a.outChannels, { temb: a.temb, timeNorm: a.timeNorm ?? "default" });
  };
  const resnets = list("ModuleList", ...indexed(a.layers, (_, i) => resnet(i)));
  switch (a.type) {
    case "CrossAttnUpBlock2D": {
      const attentions = list("ModuleList", ...indexed(a.layers, (_, i) => crossAttnTransformer(a, a.outChannels, i)));
      return module("CrossAttnUpBlock2D", { children: { attentions, resnets, upsamplers: up } });
    }
    case "UpBlock2D":
      return module("UpBlock2D", { children: { resnets, upsamplers: up } });
    default:
      return unsupported("get_up_block", `up block \`${a.type}\``);
  }
}

/** `UNetMidBlock2DCrossAttn` (UNets) and `UNetMidBlock2D` (VAEs: one self-attention with a GroupNorm). */
export function midBlock2D(a: BlockArgs): Module {
  const c = a.inChannels;
  const resnet = resnetBlock2D(c, c, { temb: a.temb, timeNorm: a.timeNorm ?? "default" });
  if (a.type === "UNetMidBlock2DCrossAttn") {
    const attentions = list("ModuleList", ...indexed(a.layers, (_, i) => crossAttnTransformer(a, c, i)));
    return module("UNetMidBlock2DCrossAttn", { children: { attentions, resnets: repeat(resnet, a.layers + 1) } });
  }
  if (a.type === "UNetMidBlock2D") {
    const headDim = a.attentionHeadDim ?? c;
    const attn = attention({ queryDim: c, heads: exactDiv(c, headDim, "UNetMidBlock2D: channels / attention_head_dim"), dimHead: headDim, bias: true, normNumGroups: 32 });
    return module("UNetMidBlock2D", {
      children: {
        attentions: a.addAttention === false ? list("ModuleList") : repeat(attn, a.layers),
        resnets: repeat(resnet, a.layers + 1),
      },
    });
  }
  return unsupported("get_mid_block", `mid block \`${a.type}\``);
}
