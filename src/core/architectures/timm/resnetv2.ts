// timm/models/resnetv2.py: ResNetV2 — pre-activation ResNets (BiT: StdConv2d + GroupNormAct; timm's own
// resnetv2_* with plain convs and BatchNormAct2d / GroupNormAct / EvoNorm / FRN), and the non-preact variant.
import { conv2d } from "../../modules/blocks.js";
import { list, module, stateless, type Module } from "../../modules/module.js";
import { InvalidConfigError } from "../../errors.js";
import type { TimmArgs, TimmFamily } from "../types.js";
import { makeDivisible, poolFeatMult, withModelArgs } from "./layers-common.js";
import { normActLayer, normKind, positive, type G3Norm } from "./layers-norm-act.js";

/** `ResNetV2.__init__` keyword arguments under their Python names (layers as given to `_create_resnetv2`). */
export interface ResNetV2Args {
  readonly layers: readonly number[];
  readonly channels?: readonly number[];
  readonly width_factor?: number;
  readonly stem_chs?: number;
  readonly stem_type?: string;
  readonly avg_down?: boolean;
  readonly preact?: boolean;
  readonly basic?: boolean;
  readonly bottle_ratio?: number;
  readonly output_stride?: number;
  /** A name `get_norm_act_layer` knows; the registered models bind a class, written here by that class's name. */
  readonly norm_layer?: string;
  /** "std_conv" (BiT's StdConv2d) or "create_conv2d" (a plain nn.Conv2d); both bias-free, same weights. */
  readonly conv_layer?: string;
  readonly global_pool?: string;
}

interface Ctx {
  readonly norm: G3Norm;
  readonly convCls: string;
}

function conv(ctx: Ctx, inCh: number, outCh: number, k: number, stride = 1): Module {
  return conv2d(inCh, outCh, k, { bias: false, stride, cls: ctx.convCls });
}

/**
 * `DownsampleConv` (1×1 strided conv) or `DownsampleAvg` (avg-pool then 1×1 conv, the 'd' variants); pre-activation
 * blocks normalise before the split, so their projection's norm is an Identity.
 */
function downsample(ctx: Ctx, inCh: number, outCh: number, stride: number, avgDown: boolean, preact: boolean): Module {
  return module(avgDown ? "DownsampleAvg" : "DownsampleConv", {
    children: {
      conv: conv(ctx, inCh, outCh, 1, avgDown ? 1 : stride),
      norm: preact ? stateless("Identity") : normActLayer(ctx.norm, outCh, false),
    },
  });
}

type BlockKind = "preact_bottleneck" | "preact_basic" | "bottleneck";

function block(kind: BlockKind, ctx: Ctx, inCh: number, outCh: number, stride: number, bottleRatio: number, down: Module | undefined): Module {
  const mid = makeDivisible(outCh * bottleRatio);
  const n = (c: number, act = true) => normActLayer(ctx.norm, c, act);
  switch (kind) {
    case "preact_basic":
      return module("PreActBasic", {
        children: { downsample: down, norm1: n(inCh), conv1: conv(ctx, inCh, mid, 3, stride), norm2: n(mid), conv2: conv(ctx, mid, outCh, 3) },
      });
    case "preact_bottleneck":
      return module("PreActBottleneck", {
        children: {
          downsample: down,
          norm1: n(inCh),
          conv1: conv(ctx, inCh, mid, 1),
          norm2: n(mid),
          conv2: conv(ctx, mid, mid, 3, stride),
          norm3: n(mid),
          conv3: conv(ctx, mid, outCh, 1),
        },
      });
    case "bottleneck":
      // The non-preact (ViT hybrid backbone) block: conv → norm, the last norm without activation.
      return module("Bottleneck", {
        children: {
          downsample: down,
          conv1: conv(ctx, inCh, mid, 1),
          norm1: n(mid),
          conv2: conv(ctx, mid, mid, 3, stride),
          norm2: n(mid),
          conv3: conv(ctx, mid, outCh, 1),
          norm3: n(outCh, false),
        },
      });
  }
}

/** `create_resnetv2_stem`: a 7×7 conv or a three-conv deep/tiered stem; pad and pool layers hold nothing. */
function stem(ctx: Ctx, inChans: number, out: number, type: string, preact: boolean): Module {
  const allowed = ["", "fixed", "same", "deep", "deep_fixed", "deep_same", "tiered"];
  if (!allowed.includes(type)) throw new InvalidConfigError(`resnetv2: stem_type '${type}' is not supported`, "model_args.stem_type");
  if (type.includes("deep") || type.includes("tiered")) {
    const [c0, c1] = type.includes("tiered") ? [Math.floor((3 * out) / 8), Math.floor(out / 2)] : [Math.floor(out / 2), Math.floor(out / 2)];
    return module("Sequential", {
      children: {
        conv1: conv(ctx, inChans, c0, 3, 2),
        norm1: normActLayer(ctx.norm, c0),
        conv2: conv(ctx, c0, c1, 3),
        norm2: normActLayer(ctx.norm, c1),
        conv3: conv(ctx, c1, out, 3),
        norm3: preact ? undefined : normActLayer(ctx.norm, out),
      },
    });
  }
  return module("Sequential", {
    children: { conv: conv(ctx, inChans, out, 7, 2), norm: preact ? undefined : normActLayer(ctx.norm, out), pool: stateless("MaxPool2d") },
  });
}

export function buildResNetV2(entry: ResNetV2Args, args: TimmArgs): Module {
  const a: ResNetV2Args = withModelArgs("resnetv2", { ...entry, global_pool: args.globalPool ?? "avg" }, args.extra);
  const ctx: Ctx = {
    norm: normKind(a.norm_layer ?? "groupnorm"),
    convCls: (a.conv_layer ?? "std_conv") === "std_conv" ? "StdConv2d" : "Conv2d",
  };
  if (!["std_conv", "create_conv2d"].includes(a.conv_layer ?? "std_conv")) {
    throw new InvalidConfigError(`resnetv2: conv_layer '${a.conv_layer}' is not supported`, "model_args.conv_layer");
  }
  const wf = a.width_factor ?? 1;
  const preact = a.preact ?? true;
  const basic = a.basic ?? false;
  if (!preact && basic) throw new InvalidConfigError("resnetv2: a basic block must be pre-activation", "model_args.basic");
  const kind: BlockKind = preact ? (basic ? "preact_basic" : "preact_bottleneck") : "bottleneck";
  const channels = a.channels ?? [256, 512, 1024, 2048];
  const bottleRatio = a.bottle_ratio ?? 0.25;
  const outputStride = a.output_stride ?? 32;
  const stemChs = makeDivisible(positive(a.stem_chs ?? 64, "stem_chs") * wf);
  let prev = stemChs;
  let currStride = 4;
  let dilation = 1;
  const stages: Module[] = [];
  // zip(layers, channels): the shorter list decides the number of stages.
  const numStages = Math.min(a.layers.length, channels.length);
  for (let i = 0; i < numStages; i++) {
    const depth = a.layers[i] as number;
    const out = makeDivisible((channels[i] as number) * wf);
    let stride = i === 0 ? 1 : 2;
    if (currStride >= outputStride) {
      dilation *= stride;
      stride = 1;
    }
    // ResNetStage: the first block takes the stride and the projection; a basic block only projects when the
    // shape changes (stride, width or a first dilation that differs).
    const firstDilation = dilation === 1 || dilation === 2 ? 1 : 2;
    const needsProj = kind !== "preact_basic" || stride !== 1 || firstDilation !== dilation || prev !== out;
    const down = needsProj ? downsample(ctx, prev, out, stride, a.avg_down ?? false, preact) : undefined;
    const first = block(kind, ctx, prev, out, stride, bottleRatio, down);
    const rest = block(kind, ctx, out, out, 1, bottleRatio, undefined);
    stages.push(
      module("ResNetStage", {
        children: { blocks: list("Sequential", { module: first, count: Math.min(depth, 1) }, { module: rest, count: Math.max(depth - 1, 0) }) },
      }),
    );
    prev = out;
    currStride *= stride;
  }
  const pool = a.global_pool ?? "avg";
  return module("ResNetV2", {
    children: {
      stem: stem(ctx, args.inChans, stemChs, a.stem_type ?? "", preact),
      stages: list("Sequential", ...stages),
      norm: preact ? normActLayer(ctx.norm, prev) : stateless("Identity"),
      // ClassifierHead(use_conv=True): the classifier is a 1×1 conv with bias.
      head: module("ClassifierHead", {
        children: { fc: args.numClasses > 0 ? conv2d(prev * poolFeatMult(pool), args.numClasses, 1) : stateless("Identity") },
      }),
    },
  });
}

const L50 = [3, 4, 6, 3];
const L101 = [3, 4, 23, 3];
const L152 = [3, 8, 36, 3];
// `_create_resnetv2_bit`: stem 'fixed' and StdConv2d (eps 1e-8), GroupNormAct(32) by the class default.
const BIT = { stem_type: "fixed", conv_layer: "std_conv", norm_layer: "groupnorm" } as const;
const TIMM = { conv_layer: "create_conv2d", norm_layer: "batchnorm" } as const;
const D = { stem_type: "deep", avg_down: true } as const;
const SMALL = { channels: [64, 128, 256, 512], basic: true, bottle_ratio: 1.0 } as const;

/** `@register_model` names in resnetv2.py and the arguments they pass. */
export const RESNETV2_MODELS: Readonly<Record<string, ResNetV2Args>> = {
  resnetv2_50x1_bit: { layers: L50, width_factor: 1, ...BIT },
  resnetv2_50x3_bit: { layers: L50, width_factor: 3, ...BIT },
  resnetv2_101x1_bit: { layers: L101, width_factor: 1, ...BIT },
  resnetv2_101x3_bit: { layers: L101, width_factor: 3, ...BIT },
  resnetv2_152x2_bit: { layers: L152, width_factor: 2, ...BIT },
  resnetv2_152x4_bit: { layers: L152, width_factor: 4, ...BIT },
  resnetv2_18: { layers: [2, 2, 2, 2], ...SMALL, ...TIMM },
  resnetv2_18d: { layers: [2, 2, 2, 2], ...SMALL, ...TIMM, ...D },
  resnetv2_34: { layers: [3, 4, 6, 3], ...SMALL, ...TIMM },
  resnetv2_34d: { layers: [3, 4, 6, 3], ...SMALL, ...TIMM, ...D },
  resnetv2_50: { layers: L50, ...TIMM },
  resnetv2_50d: { layers: L50, ...TIMM, ...D },
  resnetv2_50t: { layers: L50, ...TIMM, stem_type: "tiered", avg_down: true },
  resnetv2_101: { layers: L101, ...TIMM },
  resnetv2_101d: { layers: L101, ...TIMM, ...D },
  resnetv2_152: { layers: L152, ...TIMM },
  resnetv2_152d: { layers: L152, ...TIMM, ...D },
  resnetv2_50d_gn: { layers: L50, ...TIMM, ...D, norm_layer: "groupnorm" },
  resnetv2_50d_evos: { layers: L50, ...TIMM, ...D, norm_layer: "evonorm2ds0" },
  resnetv2_50d_frn: { layers: L50, ...TIMM, ...D, norm_layer: "frn" },
};

export const resnetv2: TimmFamily = {
  family: "resnetv2",
  source: "timm/models/resnetv2.py",
  names: Object.keys(RESNETV2_MODELS),
  build: (name, args) => {
    const spec = RESNETV2_MODELS[name];
    if (!spec) throw new InvalidConfigError(`resnetv2: unknown model \`${name}\``);
    return buildResNetV2(spec, args);
  },
};
