// timm/models/densenet.py: DenseNet-121/161/169/201/264d and the blur-pool stem variant.
import { buffer } from "../../modules/module.js";
import { conv2d, linear } from "../../modules/blocks.js";
import { list, module, stateless, type Module } from "../../modules/module.js";
import type { TimmArgs, TimmFamily } from "../types.js";
import { batchNormAct, poolFeatMult, withModelArgs } from "./layers-common.js";

export interface DenseNetArgs {
  readonly growth_rate: number;
  readonly block_config: readonly number[];
  readonly bn_size?: number;
  readonly stem_type?: string;
  /** densenetblur121d: a BlurPool2d (with its filter buffer) after the stem max-pool. */
  readonly blur_stem?: boolean;
}

export function buildDenseNet(a: DenseNetArgs, args: TimmArgs): Module {
  const k = a.growth_rate;
  const bn = a.bn_size ?? 4;
  const init = k * 2;
  const stemType = a.stem_type ?? "";
  const pool0 = a.blur_stem
    ? list("Sequential", stateless("MaxPool2d"), module("BlurPool2d", { buffers: { filt: buffer([init, 1, 3, 3], "float32", false) } }))
    : stateless("MaxPool2d");
  const features: Record<string, Module> = {};
  if (stemType.includes("deep")) {
    let c1 = k;
    let c2 = k;
    if (stemType.includes("tiered")) {
      c1 = 3 * Math.floor(k / 4);
      c2 = stemType.includes("narrow") ? init : 6 * Math.floor(k / 4);
    }
    Object.assign(features, {
      conv0: conv2d(args.inChans, c1, 3, { bias: false }),
      norm0: batchNormAct(c1),
      conv1: conv2d(c1, c2, 3, { bias: false }),
      norm1: batchNormAct(c2),
      conv2: conv2d(c2, init, 3, { bias: false }),
      norm2: batchNormAct(init),
      pool0,
    });
  } else {
    Object.assign(features, { conv0: conv2d(args.inChans, init, 7, { bias: false }), norm0: batchNormAct(init), pool0 });
  }
  let ch = init;
  a.block_config.forEach((layers, i) => {
    // Each dense layer reads every earlier output, so its input width grows by `growth_rate` per layer.
    const block: Record<string, Module> = {};
    for (let j = 0; j < layers; j++) {
      const inCh = ch + j * k;
      block[`denselayer${j + 1}`] = module("DenseLayer", {
        children: {
          norm1: batchNormAct(inCh),
          conv1: conv2d(inCh, bn * k, 1, { bias: false }),
          norm2: batchNormAct(bn * k),
          conv2: conv2d(bn * k, k, 3, { bias: false }),
        },
      });
    }
    features[`denseblock${i + 1}`] = module("DenseBlock", { children: block });
    ch += layers * k;
    if (i !== a.block_config.length - 1) {
      const out = Math.floor(ch / 2);
      features[`transition${i + 1}`] = module("DenseTransition", {
        children: { norm: batchNormAct(ch), conv: conv2d(ch, out, 1, { bias: false }) },
      });
      ch = out;
    }
  });
  features.norm5 = batchNormAct(ch);
  const pool = args.globalPool ?? "avg";
  return module("DenseNet", {
    children: {
      features: module("Sequential", { children: features }),
      classifier: args.numClasses > 0 ? linear(ch * poolFeatMult(pool), args.numClasses) : stateless("Identity"),
    },
  });
}

/** timm's registered names (`@register_model` in densenet.py) and their `model_args`. */
export const DENSENET_MODELS: Readonly<Record<string, DenseNetArgs>> = {
  densenet121: { growth_rate: 32, block_config: [6, 12, 24, 16] },
  densenetblur121d: { growth_rate: 32, block_config: [6, 12, 24, 16], stem_type: "deep", blur_stem: true },
  densenet169: { growth_rate: 32, block_config: [6, 12, 32, 32] },
  densenet201: { growth_rate: 32, block_config: [6, 12, 48, 32] },
  densenet161: { growth_rate: 48, block_config: [6, 12, 36, 24] },
  densenet264d: { growth_rate: 48, block_config: [6, 12, 64, 48], stem_type: "deep" },
};

export const densenet: TimmFamily = {
  family: "densenet",
  source: "timm/models/densenet.py",
  names: Object.keys(DENSENET_MODELS),
  build: (name, args) => buildDenseNet(withModelArgs("densenet", DENSENET_MODELS[name] as DenseNetArgs, args.extra), args),
};
