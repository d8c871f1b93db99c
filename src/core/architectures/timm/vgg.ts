// timm/models/vgg.py: VGG-11/13/16/19 with and without BatchNorm; the classifier MLP runs as convolutions.
import { batchNorm, conv2d, linear } from "../../modules/blocks.js";
import { list, module, stateless, type Module } from "../../modules/module.js";
import type { TimmArgs, TimmFamily } from "../types.js";
import { poolFeatMult, pyInt } from "./layers-common.js";

type Layer = number | "M";

const CFGS: Readonly<Record<string, readonly Layer[]>> = {
  vgg11: [64, "M", 128, "M", 256, 256, "M", 512, 512, "M", 512, 512, "M"],
  vgg13: [64, 64, "M", 128, 128, "M", 256, 256, "M", 512, 512, "M", 512, 512, "M"],
  vgg16: [64, 64, "M", 128, 128, "M", 256, 256, 256, "M", 512, 512, 512, "M", 512, 512, 512, "M"],
  vgg19: [64, 64, "M", 128, 128, "M", 256, 256, 256, 256, "M", 512, 512, 512, 512, "M", 512, 512, 512, 512, "M"],
};

export function buildVgg(cfg: readonly Layer[], batchNormed: boolean, args: TimmArgs, mlpRatio = 1): Module {
  // Activations and pools are numbered entries of `features`, so they keep their places.
  const layers: Module[] = [];
  let prev = args.inChans;
  for (const v of cfg) {
    if (v === "M") {
      layers.push(stateless("MaxPool2d"));
      continue;
    }
    layers.push(conv2d(prev, v, 3));
    if (batchNormed) layers.push(batchNorm(v));
    layers.push(stateless("ReLU"));
    prev = v;
  }
  const mid = pyInt(4096 * mlpRatio);
  const pool = args.globalPool ?? "avg";
  return module("VGG", {
    children: {
      features: list("Sequential", ...layers),
      pre_logits: module("ConvMlp", { children: { fc1: conv2d(prev, mid, 7), fc2: conv2d(mid, 4096, 1) } }),
      head: module("ClassifierHead", {
        children: { fc: args.numClasses > 0 ? linear(4096 * poolFeatMult(pool), args.numClasses) : stateless("Identity") },
      }),
    },
  });
}

/** timm's registered names (`@register_model` in vgg.py): the layer config and whether BatchNorm follows each conv. */
export const VGG_MODELS: Readonly<Record<string, { readonly cfg: string; readonly bn: boolean }>> = {
  vgg11: { cfg: "vgg11", bn: false },
  vgg11_bn: { cfg: "vgg11", bn: true },
  vgg13: { cfg: "vgg13", bn: false },
  vgg13_bn: { cfg: "vgg13", bn: true },
  vgg16: { cfg: "vgg16", bn: false },
  vgg16_bn: { cfg: "vgg16", bn: true },
  vgg19: { cfg: "vgg19", bn: false },
  vgg19_bn: { cfg: "vgg19", bn: true },
};

export const vgg: TimmFamily = {
  family: "vgg",
  source: "timm/models/vgg.py",
  names: Object.keys(VGG_MODELS),
  build: (name, args) => {
    const m = VGG_MODELS[name] as { cfg: string; bn: boolean };
    const ratio = args.extra.mlp_ratio;
    return buildVgg(CFGS[m.cfg] as readonly Layer[], m.bn, args, typeof ratio === "number" ? ratio : 1);
  },
};
