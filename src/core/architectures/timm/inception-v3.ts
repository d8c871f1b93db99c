// timm/models/inception_v3.py: InceptionV3 (torchvision's Inception3 layout with timm's ConvNormAct blocks).
import { module, type Module } from "../../modules/module.js";
import { InvalidConfigError } from "../../errors.js";
import type { TimmArgs, TimmFamily } from "../types.js";
import { classifier, poolFeatMult, withModelArgs } from "./layers-common.js";
import { convNormAct as cna, timmLinear } from "./layers-norm-act.js";

/** `InceptionV3.__init__` keyword arguments that change tensors. */
export interface InceptionV3Args {
  readonly aux_logits?: boolean;
  readonly norm_layer?: string;
  readonly global_pool?: string;
}

/** InceptionA: 1×1, 1×1→5×5, 1×1→3×3→3×3 and pool→1×1 branches. */
function inceptionA(c: number, poolFeatures: number): Module {
  return module("InceptionA", {
    children: {
      branch1x1: cna(c, 64, 1),
      branch5x5_1: cna(c, 48, 1),
      branch5x5_2: cna(48, 64, 5),
      branch3x3dbl_1: cna(c, 64, 1),
      branch3x3dbl_2: cna(64, 96, 3),
      branch3x3dbl_3: cna(96, 96, 3),
      branch_pool: cna(c, poolFeatures, 1),
    },
  });
}

/** InceptionB (grid reduction to 17×17): the max-pool branch has no weights. */
function inceptionB(c: number): Module {
  return module("InceptionB", {
    children: {
      branch3x3: cna(c, 384, 3),
      branch3x3dbl_1: cna(c, 64, 1),
      branch3x3dbl_2: cna(64, 96, 3),
      branch3x3dbl_3: cna(96, 96, 3),
    },
  });
}

/** InceptionC: factorised 7×7 as (1,7)/(7,1) pairs of `c7` channels. */
function inceptionC(c: number, c7: number): Module {
  return module("InceptionC", {
    children: {
      branch1x1: cna(c, 192, 1),
      branch7x7_1: cna(c, c7, 1),
      branch7x7_2: cna(c7, c7, [1, 7]),
      branch7x7_3: cna(c7, 192, [7, 1]),
      branch7x7dbl_1: cna(c, c7, 1),
      branch7x7dbl_2: cna(c7, c7, [7, 1]),
      branch7x7dbl_3: cna(c7, c7, [1, 7]),
      branch7x7dbl_4: cna(c7, c7, [7, 1]),
      branch7x7dbl_5: cna(c7, 192, [1, 7]),
      branch_pool: cna(c, 192, 1),
    },
  });
}

/** InceptionD (grid reduction to 8×8). */
function inceptionD(c: number): Module {
  return module("InceptionD", {
    children: {
      branch3x3_1: cna(c, 192, 1),
      branch3x3_2: cna(192, 320, 3),
      branch7x7x3_1: cna(c, 192, 1),
      branch7x7x3_2: cna(192, 192, [1, 7]),
      branch7x7x3_3: cna(192, 192, [7, 1]),
      branch7x7x3_4: cna(192, 192, 3),
    },
  });
}

/** InceptionE: the 3×3 branches split into parallel (1,3) and (3,1) convs. */
function inceptionE(c: number): Module {
  return module("InceptionE", {
    children: {
      branch1x1: cna(c, 320, 1),
      branch3x3_1: cna(c, 384, 1),
      branch3x3_2a: cna(384, 384, [1, 3]),
      branch3x3_2b: cna(384, 384, [3, 1]),
      branch3x3dbl_1: cna(c, 448, 1),
      branch3x3dbl_2: cna(448, 384, 3),
      branch3x3dbl_3a: cna(384, 384, [1, 3]),
      branch3x3dbl_3b: cna(384, 384, [3, 1]),
      branch_pool: cna(c, 192, 1),
    },
  });
}

export function buildInceptionV3(args: TimmArgs): Module {
  // global_pool: model_args over the pretrained config's value over the class default.
  const defaults: InceptionV3Args = { aux_logits: false, norm_layer: "batchnorm2d", global_pool: args.globalPool ?? "avg" };
  const a = withModelArgs("inception_v3", defaults, args.extra);
  if ((a.norm_layer ?? "batchnorm2d").replace(/_/g, "").toLowerCase() !== "batchnorm2d") {
    throw new InvalidConfigError(`inception_v3: norm_layer '${a.norm_layer}' is not supported (batchnorm2d)`, "model_args.norm_layer");
  }
  const pool = a.global_pool ?? "avg";
  const nc = args.numClasses;
  return module("InceptionV3", {
    children: {
      Conv2d_1a_3x3: cna(args.inChans, 32, 3),
      Conv2d_2a_3x3: cna(32, 32, 3),
      Conv2d_2b_3x3: cna(32, 64, 3),
      Conv2d_3b_1x1: cna(64, 80, 1),
      Conv2d_4a_3x3: cna(80, 192, 3),
      Mixed_5b: inceptionA(192, 32),
      Mixed_5c: inceptionA(256, 64),
      Mixed_5d: inceptionA(288, 64),
      Mixed_6a: inceptionB(288),
      Mixed_6b: inceptionC(768, 128),
      Mixed_6c: inceptionC(768, 160),
      Mixed_6d: inceptionC(768, 160),
      Mixed_6e: inceptionC(768, 192),
      // aux_logits defaults to False: the tv_in1k weights carry an aux head, but the model is built without it.
      AuxLogits: a.aux_logits
        ? module("InceptionAux", { children: { conv0: cna(768, 128, 1), conv1: cna(128, 768, 5), fc: timmLinear(768, nc) } })
        : undefined,
      Mixed_7a: inceptionD(768),
      Mixed_7b: inceptionE(1280),
      Mixed_7c: inceptionE(2048),
      fc: classifier(2048 * poolFeatMult(pool), nc),
    },
  });
}

/**
 * `inception_v3` is the one `@register_model` entry; `tf_`, `adv_` and `gluon_inception_v3` are registered
 * deprecations that create_model still accepts and that build the same model (their tags only change weights).
 */
export const inceptionV3: TimmFamily = {
  family: "inception_v3",
  source: "timm/models/inception_v3.py",
  names: ["inception_v3", "tf_inception_v3", "adv_inception_v3", "gluon_inception_v3"],
  build: (_name, args) => buildInceptionV3(args),
};
