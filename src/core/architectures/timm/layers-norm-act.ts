// timm/layers/{conv_bn_act,norm_act,std_conv,evo_norm,filter_response_norm}.py: layers shared by levit, cait,
// inception_v3 and resnetv2.
import { conv2d, groupNorm, linear } from "../../modules/blocks.js";
import { module, stateless, type Module, type Shape } from "../../modules/module.js";
import { InvalidConfigError } from "../../errors.js";
import { batchNormAct } from "./layers-common.js";

/** An `(h, w)` pair from timm's `to_2tuple`: a number stands for a square. */
export function pair(v: number | readonly number[], what: string): [number, number] {
  if (typeof v === "number") return [v, v];
  const [h, w] = v;
  if (v.length !== 2 || h === undefined || w === undefined) throw new InvalidConfigError(`timm: \`${what}\` must be a number or a pair`);
  return [h, w];
}

/** A positive integer model arg, else the config's error (a zero width would build nothing timm could run). */
export function positive(v: number, what: string): number {
  if (!Number.isInteger(v) || v <= 0) throw new InvalidConfigError(`timm: \`model_args.${what}\` must be a positive integer (got ${v})`, `model_args.${what}`);
  return v;
}

/**
 * `GroupNormAct`: an `nn.GroupNorm` subclass that also owns `drop` and `act` children, so (like BatchNormAct2d)
 * it is not a leaf for accelerate and one parameter-free child must stay.
 */
export function groupNormAct(channels: number, numGroups = 32): Module {
  if (channels % numGroups !== 0) throw new InvalidConfigError(`timm: ${channels} channels do not split into ${numGroups} groups`);
  const gn = groupNorm(channels, true, "GroupNormAct");
  return { ...gn, children: [["drop", stateless("Identity")], ["act", stateless("Identity")]] };
}

/** The norm(+act) layers a ResNetV2 can be built with, by the name used here. */
export type G3Norm = "groupnorm" | "batchnorm" | "evonorm2ds0" | "frn";

/**
 * One norm-act layer. `applyAct=false` (the last norm of a non-pre-activation block, a projection's norm) drops
 * EvoNorm's `v` and FRN's `tau`; GroupNormAct/BatchNormAct2d keep their weights either way.
 */
export function normActLayer(kind: G3Norm, channels: number, applyAct = true): Module {
  switch (kind) {
    case "groupnorm":
      return groupNormAct(channels);
    case "batchnorm":
      return batchNormAct(channels);
    case "evonorm2ds0":
      // No activation module: `v` carries the non-linearity, so this is a leaf with its own tensors.
      return module("EvoNorm2dS0", { params: { weight: [channels], bias: [channels], v: applyAct && [channels] } });
    case "frn":
      return module("FilterResponseNormTlu2d", { params: { weight: [channels], bias: [channels], tau: applyAct && [channels] } });
  }
}

/** A norm layer named as `model_args.norm_layer` may give it (timm's `get_norm_act_layer` string keys). */
export function normKind(name: string): G3Norm {
  const key = name.replace(/_/g, "").toLowerCase().split("-")[0] ?? "";
  if (key === "groupnorm" || key === "groupnormact") return "groupnorm";
  if (key === "batchnorm" || key === "batchnorm2d" || key === "batchnormact2d") return "batchnorm";
  if (key === "evonorm2ds0") return "evonorm2ds0";
  if (key === "frn" || key === "filterresponsenormtlu2d") return "frn";
  throw new InvalidConfigError(`timm: norm layer \`${name}\` is not supported`, "model_args.norm_layer");
}

/**
 * `ConvNormAct` (inception_v3's conv block): a bias-free conv then a BatchNormAct2d kept under the old name `bn`;
 * the anti-alias slot is `None` (no aa_layer), so it registers nothing.
 */
export function convNormAct(inCh: number, outCh: number, kernel: number | Shape): Module {
  return module("ConvNormAct", { children: { conv: conv2d(inCh, outCh, kernel, { bias: false }), bn: batchNormAct(outCh) } });
}

/** timm's `Linear` (a torchscript-friendly `nn.Linear` subclass): same tensors, its own class name. */
export function timmLinear(inF: number, outF: number): Module {
  return { ...linear(inF, outF), cls: "Linear" };
}
