// timm/layers/{mlp,norm_act,layer_scale,helpers,classifier,adaptive_avgmax_pool}.py: blocks shared by timm families.
import { batchNorm, conv2d, layerNorm, linear } from "../../modules/blocks.js";
import { module, stateless, type Module } from "../../modules/module.js";
import { previewValue } from "../../config/config.js";
import { InvalidConfigError } from "../../errors.js";

/** timm's `make_divisible`: round to a multiple of `divisor`, never dropping more than 10% below `v`. */
export function makeDivisible(v: number, divisor = 8, minValue?: number, roundLimit = 0.9): number {
  const min = minValue || divisor;
  let out = Math.max(min, Math.floor(Math.trunc(v + divisor / 2) / divisor) * divisor);
  if (out < roundLimit * v) out += divisor;
  return out;
}

/** Python's `int(x)` of a float product, guarding against 0.1-style binary drift (e.g. 768 * 4.0). */
export function pyInt(x: number): number {
  const r = Math.round(x);
  return Math.abs(x - r) < 1e-9 ? r : Math.trunc(x);
}

/** `nn.Linear`, or the 1×1 `nn.Conv2d` timm substitutes when a block keeps NCHW layout (`use_conv`). */
export function fc(inF: number, outF: number, bias = true, useConv = false): Module {
  return useConv ? conv2d(inF, outF, 1, { bias }) : linear(inF, outF, bias);
}

export interface MlpOptions {
  readonly out?: number;
  readonly bias?: boolean | readonly [boolean, boolean];
  readonly useConv?: boolean;
  /** The optional norm between the activation and fc2 (ViT `scale_mlp_norm`). */
  readonly norm?: (dim: number) => Module;
}

function biasPair(bias: MlpOptions["bias"]): readonly [boolean, boolean] {
  if (bias === undefined) return [true, true];
  return typeof bias === "boolean" ? [bias, bias] : bias;
}

/** `Mlp`: fc1 → act → drop → norm → fc2 (activation and dropouts hold nothing). */
export function mlp(inF: number, hidden: number, opts: MlpOptions = {}): Module {
  const [b1, b2] = biasPair(opts.bias);
  return module("Mlp", {
    children: {
      fc1: fc(inF, hidden, b1, opts.useConv),
      norm: opts.norm?.(hidden),
      fc2: fc(hidden, opts.out ?? inF, b2, opts.useConv),
    },
  });
}

/** `GluMlp` (and `SwiGLUPacked`): fc1 produces gate and value halves, so fc2 reads half the width. */
export function gluMlp(inF: number, hidden: number, opts: MlpOptions = {}): Module {
  const [b1, b2] = biasPair(opts.bias);
  return module("GluMlp", {
    children: {
      fc1: fc(inF, hidden, b1, opts.useConv),
      norm: opts.norm?.(hidden / 2),
      fc2: fc(hidden / 2, opts.out ?? inF, b2, opts.useConv),
    },
  });
}

/** `SwiGLU`: separate gate and value projections. */
export function swiGlu(inF: number, hidden: number, opts: MlpOptions = {}): Module {
  const [b1, b2] = biasPair(opts.bias);
  return module("SwiGLU", {
    children: {
      fc1_g: linear(inF, hidden, b1),
      fc1_x: linear(inF, hidden, b1),
      norm: opts.norm?.(hidden),
      fc2: linear(hidden, opts.out ?? inF, b2),
    },
  });
}

/** `GlobalResponseNormMlp` (ConvNeXt-V2): an Mlp whose hidden activations pass a GRN (weight, bias). */
export function grnMlp(inF: number, hidden: number, useConv: boolean): Module {
  return module("GlobalResponseNormMlp", {
    children: {
      fc1: fc(inF, hidden, true, useConv),
      grn: module("GlobalResponseNorm", { params: { weight: [hidden], bias: [hidden] } }),
      fc2: fc(hidden, inF, true, useConv),
    },
  });
}

/**
 * `BatchNormAct2d`: a BatchNorm2d subclass that also owns `drop` and `act` children. Having children, it is not
 * a leaf for accelerate, so one parameter-free child must stay.
 */
export function batchNormAct(channels: number, cls = "BatchNormAct2d"): Module {
  const bn = batchNorm(channels);
  return { ...bn, cls, children: [["drop", stateless("Identity")], ["act", stateless("Identity")]] };
}

/** `LayerScale`: a learnable per-channel gamma. */
export function layerScale(dim: number, cls = "LayerScale"): Module {
  return module(cls, { params: { gamma: [dim] } });
}

/** timm norm layers by how they are named in model args: LayerNorm variants carry a bias, RMS/simple ones do not. */
export function timmNorm(kind: string, dim: number): Module {
  switch (kind) {
    case "layernorm":
      return layerNorm(dim);
    case "layernorm2d":
      return layerNorm(dim, { cls: "LayerNorm2d" });
    case "rmsnorm":
      return module("RmsNorm", { params: { weight: [dim] } });
    case "rmsnorm2d":
      return module("RmsNorm2d", { params: { weight: [dim] } });
    case "simplenorm":
      return module("SimpleNorm", { params: { weight: [dim] } });
    case "simplenorm2d":
      return module("SimpleNorm2d", { params: { weight: [dim] } });
    default:
      throw new InvalidConfigError(`unsupported timm norm layer \`${kind}\``);
  }
}

/** `SelectAdaptivePool2d.feat_mult()`: 'catavgmax' concatenates avg and max pools, doubling the features. */
export function poolFeatMult(poolType: string | undefined): number {
  return poolType === "catavgmax" ? 2 : 1;
}

/** A classifier: Linear (or 1×1 conv when pooling is disabled), or Identity (`num_classes=0`). */
export function classifier(inF: number, numClasses: number, useConv = false): Module {
  return numClasses > 0 ? fc(inF, numClasses, true, useConv) : stateless("Identity");
}

/** Reads a typed model arg from config.json `model_args`, falling back when absent; checked against the fallback's kind. */
export function argOr<T>(extra: Readonly<Record<string, unknown>>, key: string, fallback: T): T {
  const v = extra[key];
  if (v === undefined) return fallback;
  checkModelArg("timm", key, fallback, v);
  return v as T;
}

/** No timm model argument (a width, a depth, an image size) comes near this; past it a loop per block would not end. */
export const MAX_MODEL_ARG = 1_000_000;

/** `value` can stand where `base` stands: same kind, numbers finite and bounded, lists of like items. */
function sameKind(base: unknown, value: unknown, depth: number): boolean {
  if (typeof base === "number") {
    // timm's to_2tuple also takes a pair where a number is usual (img_size=[224, 224]).
    if (Array.isArray(value)) return depth < 4 && value.length <= 4 && value.every((v) => sameKind(base, v, depth + 1));
    return typeof value === "number" && Number.isFinite(value) && Math.abs(value) <= MAX_MODEL_ARG;
  }
  if (typeof base === "string") return typeof value === "string";
  if (typeof base === "boolean") return typeof value === "boolean";
  if (Array.isArray(base)) {
    if (!Array.isArray(value) || value.length > 1000 || depth >= 4) return false;
    return value.every((v, i) => {
      const like = base[Math.min(i, base.length - 1)];
      return like === undefined || like === null || sameKind(like, v, depth + 1);
    });
  }
  return true;
}

/** A value for an argument the registered model leaves at its default: plain JSON, numbers bounded. */
function plain(value: unknown, depth: number): boolean {
  if (typeof value === "number") return Number.isFinite(value) && Math.abs(value) <= MAX_MODEL_ARG;
  if (Array.isArray(value)) return depth < 4 && value.length <= 1000 && value.every((v) => plain(v, depth + 1));
  return true;
}

function checkModelArg(family: string, key: string, base: unknown, value: unknown): void {
  if (base === undefined || base === null ? plain(value, 0) : sameKind(base, value, 0)) return;
  throw new InvalidConfigError(`${family}: \`model_args.${key}\` must be like ${previewValue(base)} (got ${previewValue(value)})`, `model_args.${key}`);
}

/**
 * config.json's `model_args` over a registered model's arguments (timm's `create_model(name, **kwargs)`), each
 * value checked against the kind of the one it replaces: a `depth` of `true` or 1e15 is the config's error, not a
 * TypeError or a loop that never ends.
 */
export function withModelArgs<T extends object>(family: string, defaults: T, extra: Readonly<Record<string, unknown>>): T {
  for (const [key, value] of Object.entries(extra)) checkModelArg(family, key, (defaults as Record<string, unknown>)[key], value);
  return { ...defaults, ...extra } as T;
}
