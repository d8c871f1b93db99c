// timm/models/mobilenetv3.py: MobileNet-V3 (and minimal / tf ports), FBNet-V3, LCNet and MobileNet-V4 (conv and
// hybrid), all built as the `MobileNetV3` class.
import { module, stateless, type Module } from "../../modules/module.js";
import type { TimmArgs, TimmFamily } from "../types.js";
import { classifier, poolFeatMult } from "./layers-common.js";
import { buildStages, createConv2d, decodeArchDef, normAct, roundChannels, type DecodeOptions, type SeRound } from "./layers-efficientnet.js";

/** What a `_gen_*` function hands the `MobileNetV3` class. */
export interface MobileNetV3Spec {
  readonly arch: readonly (readonly string[])[];
  readonly decode?: DecodeOptions;
  readonly stemSize: number;
  readonly fixStem?: boolean;
  readonly numFeatures: number;
  readonly multiplier: number;
  readonly roundLimit?: number;
  readonly headBias?: boolean;
  /** MobileNet-V4: the head conv is followed by a norm instead of carrying a bias. */
  readonly headNorm?: boolean;
  readonly seFromExp?: boolean;
  readonly seRound: SeRound;
  readonly layerScale?: boolean;
  readonly padSame?: boolean;
}

export function buildMobileNetV3(spec: MobileNetV3Spec, args: TimmArgs): Module {
  const roundChs = (c: number) => roundChannels(c, spec.multiplier, 8, spec.roundLimit ?? 0.9);
  const padSame = spec.padSame ?? false;
  const stem = spec.fixStem ? spec.stemSize : roundChs(spec.stemSize);
  const { blocks, outCh } = buildStages(stem, decodeArchDef(spec.arch, spec.decode), {
    roundChs,
    seFromExp: spec.seFromExp ?? true,
    seRound: spec.seRound,
    norm: "bn",
    padSame,
    layerScale: spec.layerScale ?? false,
  });
  const pool = args.globalPool ?? "avg";
  const pooled = outCh * poolFeatMult(pool);
  const headNorm = spec.headNorm ?? false;
  return module("MobileNetV3", {
    children: {
      conv_stem: createConv2d(args.inChans, stem, 3, { stride: 2, padSame }),
      bn1: normAct("bn", stem),
      blocks,
      conv_head: createConv2d(pooled, spec.numFeatures, 1, { padSame, bias: headNorm ? false : (spec.headBias ?? true) }),
      norm_head: headNorm ? normAct("bn", spec.numFeatures) : stateless("Identity"),
      classifier: classifier(spec.numFeatures, args.numClasses),
    },
  });
}

/** `_gen_mobilenet_v3`: SE widths round to multiples of 8 (`rd_round_fn=round_channels`). */
function mnv3(variant: "large" | "small" | "large_minimal" | "small_minimal", cm: number, dm = 1, padSame = false): MobileNetV3Spec {
  const archs = {
    small_minimal: [
      ["ds_r1_k3_s2_e1_c16"],
      ["ir_r1_k3_s2_e4.5_c24", "ir_r1_k3_s1_e3.67_c24"],
      ["ir_r1_k3_s2_e4_c40", "ir_r2_k3_s1_e6_c40"],
      ["ir_r2_k3_s1_e3_c48"],
      ["ir_r3_k3_s2_e6_c96"],
      ["cn_r1_k1_s1_c576"],
    ],
    small: [
      ["ds_r1_k3_s2_e1_c16_se0.25_nre"],
      ["ir_r1_k3_s2_e4.5_c24_nre", "ir_r1_k3_s1_e3.67_c24_nre"],
      ["ir_r1_k5_s2_e4_c40_se0.25", "ir_r2_k5_s1_e6_c40_se0.25"],
      ["ir_r2_k5_s1_e3_c48_se0.25"],
      ["ir_r3_k5_s2_e6_c96_se0.25"],
      ["cn_r1_k1_s1_c576"],
    ],
    large_minimal: [
      ["ds_r1_k3_s1_e1_c16"],
      ["ir_r1_k3_s2_e4_c24", "ir_r1_k3_s1_e3_c24"],
      ["ir_r3_k3_s2_e3_c40"],
      ["ir_r1_k3_s2_e6_c80", "ir_r1_k3_s1_e2.5_c80", "ir_r2_k3_s1_e2.3_c80"],
      ["ir_r2_k3_s1_e6_c112"],
      ["ir_r3_k3_s2_e6_c160"],
      ["cn_r1_k1_s1_c960"],
    ],
    large: [
      ["ds_r1_k3_s1_e1_c16_nre"],
      ["ir_r1_k3_s2_e4_c24_nre", "ir_r1_k3_s1_e3_c24_nre"],
      ["ir_r3_k5_s2_e3_c40_se0.25_nre"],
      ["ir_r1_k3_s2_e6_c80", "ir_r1_k3_s1_e2.5_c80", "ir_r2_k3_s1_e2.3_c80"],
      ["ir_r2_k3_s1_e6_c112_se0.25"],
      ["ir_r3_k5_s2_e6_c160_se0.25"],
      ["cn_r1_k1_s1_c960"],
    ],
  };
  return {
    arch: archs[variant],
    decode: { depthMultiplier: dm },
    stemSize: 16,
    fixStem: cm < 0.75,
    numFeatures: variant.startsWith("small") ? 1024 : 1280,
    multiplier: cm,
    seRound: { multiplier: 1, roundLimit: 0.9 },
    padSame,
  };
}

/** `_gen_mobilenet_v3_rw`: timm's first MobileNet-V3, plain `round` SE widths and no head bias. */
const MNV3_RW: MobileNetV3Spec = {
  arch: [
    ["ds_r1_k3_s1_e1_c16_nre_noskip"],
    ["ir_r1_k3_s2_e4_c24_nre", "ir_r1_k3_s1_e3_c24_nre"],
    ["ir_r3_k5_s2_e3_c40_se0.25_nre"],
    ["ir_r1_k3_s2_e6_c80", "ir_r1_k3_s1_e2.5_c80", "ir_r2_k3_s1_e2.3_c80"],
    ["ir_r2_k3_s1_e6_c112_se0.25"],
    ["ir_r3_k5_s2_e6_c160_se0.25"],
    ["cn_r1_k1_s1_c960"],
  ],
  stemSize: 16,
  numFeatures: 1280,
  multiplier: 1,
  headBias: false,
  seRound: "round",
};

/** `_gen_fbnetv3`: SE reduction from the block input, rounded with the model's own channel rounding. */
function fbnetv3(v: "b" | "d" | "g"): MobileNetV3Spec {
  const archs = {
    b: [
      ["ds_r2_k3_s1_e1_c16"],
      ["ir_r1_k5_s2_e4_c24", "ir_r3_k5_s1_e2_c24"],
      ["ir_r1_k5_s2_e5_c40_se0.25", "ir_r4_k5_s1_e3_c40_se0.25"],
      ["ir_r1_k5_s2_e5_c72", "ir_r4_k3_s1_e3_c72"],
      ["ir_r1_k3_s1_e5_c120_se0.25", "ir_r5_k5_s1_e3_c120_se0.25"],
      ["ir_r1_k3_s2_e6_c184_se0.25", "ir_r5_k5_s1_e4_c184_se0.25", "ir_r1_k5_s1_e6_c224_se0.25"],
      ["cn_r1_k1_s1_c1344"],
    ],
    d: [
      ["ds_r2_k3_s1_e1_c16"],
      ["ir_r1_k3_s2_e5_c24", "ir_r5_k3_s1_e2_c24"],
      ["ir_r1_k5_s2_e4_c40_se0.25", "ir_r4_k3_s1_e3_c40_se0.25"],
      ["ir_r1_k3_s2_e5_c72", "ir_r4_k3_s1_e3_c72"],
      ["ir_r1_k3_s1_e5_c128_se0.25", "ir_r6_k5_s1_e3_c128_se0.25"],
      ["ir_r1_k3_s2_e6_c208_se0.25", "ir_r5_k5_s1_e5_c208_se0.25", "ir_r1_k5_s1_e6_c240_se0.25"],
      ["cn_r1_k1_s1_c1440"],
    ],
    g: [
      ["ds_r3_k3_s1_e1_c24"],
      ["ir_r1_k5_s2_e4_c40", "ir_r4_k5_s1_e2_c40"],
      ["ir_r1_k5_s2_e4_c56_se0.25", "ir_r4_k5_s1_e3_c56_se0.25"],
      ["ir_r1_k5_s2_e5_c104", "ir_r4_k3_s1_e3_c104"],
      ["ir_r1_k3_s1_e5_c160_se0.25", "ir_r8_k5_s1_e3_c160_se0.25"],
      ["ir_r1_k3_s2_e6_c264_se0.25", "ir_r6_k5_s1_e5_c264_se0.25", "ir_r2_k5_s1_e6_c288_se0.25"],
      ["cn_r1_k1_s1_c1728"],
    ],
  };
  return {
    arch: archs[v],
    stemSize: v === "g" ? 32 : v === "d" ? 24 : 16,
    numFeatures: 1984,
    multiplier: 1,
    roundLimit: 0.95,
    headBias: false,
    seFromExp: false,
    seRound: { multiplier: 1, roundLimit: 0.95 },
  };
}

/** `_gen_lcnet`: depthwise-separable blocks with plain `round` SE widths. */
const lcnet = (cm: number): MobileNetV3Spec => ({
  arch: [
    ["dsa_r1_k3_s1_c32"],
    ["dsa_r2_k3_s2_c64"],
    ["dsa_r2_k3_s2_c128"],
    ["dsa_r1_k3_s2_c256", "dsa_r1_k5_s1_c256"],
    ["dsa_r4_k5_s1_c256"],
    ["dsa_r2_k5_s2_c512_se0.25"],
  ],
  stemSize: 16,
  numFeatures: 1280,
  multiplier: cm,
  seRound: "round",
});

const MNV4 = {
  conv_small: [
    ["cn_r1_k3_s2_e1_c32", "cn_r1_k1_s1_e1_c32"],
    ["cn_r1_k3_s2_e1_c96", "cn_r1_k1_s1_e1_c64"],
    ["uir_r1_a5_k5_s2_e3_c96", "uir_r4_a0_k3_s1_e2_c96", "uir_r1_a3_k0_s1_e4_c96"],
    ["uir_r1_a3_k3_s2_e6_c128", "uir_r1_a5_k5_s1_e4_c128", "uir_r1_a0_k5_s1_e4_c128", "uir_r1_a0_k5_s1_e3_c128", "uir_r2_a0_k3_s1_e4_c128"],
    ["cn_r1_k1_s1_c960"],
  ],
  conv_medium: [
    ["er_r1_k3_s2_e4_c48"],
    ["uir_r1_a3_k5_s2_e4_c80", "uir_r1_a3_k3_s1_e2_c80"],
    ["uir_r1_a3_k5_s2_e6_c160", "uir_r2_a3_k3_s1_e4_c160", "uir_r1_a3_k5_s1_e4_c160", "uir_r1_a3_k3_s1_e4_c160", "uir_r1_a3_k0_s1_e4_c160", "uir_r1_a0_k0_s1_e2_c160", "uir_r1_a3_k0_s1_e4_c160"],
    ["uir_r1_a5_k5_s2_e6_c256", "uir_r1_a5_k5_s1_e4_c256", "uir_r2_a3_k5_s1_e4_c256", "uir_r1_a0_k0_s1_e4_c256", "uir_r1_a3_k0_s1_e4_c256", "uir_r1_a3_k5_s1_e2_c256", "uir_r1_a5_k5_s1_e4_c256", "uir_r2_a0_k0_s1_e4_c256", "uir_r1_a5_k0_s1_e2_c256"],
    ["cn_r1_k1_s1_c960"],
  ],
  conv_large: [
    ["er_r1_k3_s2_e4_c48"],
    ["uir_r1_a3_k5_s2_e4_c96", "uir_r1_a3_k3_s1_e4_c96"],
    ["uir_r1_a3_k5_s2_e4_c192", "uir_r3_a3_k3_s1_e4_c192", "uir_r1_a3_k5_s1_e4_c192", "uir_r5_a5_k3_s1_e4_c192", "uir_r1_a3_k0_s1_e4_c192"],
    ["uir_r4_a5_k5_s2_e4_c512", "uir_r1_a5_k0_s1_e4_c512", "uir_r1_a5_k3_s1_e4_c512", "uir_r2_a5_k0_s1_e4_c512", "uir_r1_a5_k3_s1_e4_c512", "uir_r1_a5_k5_s1_e4_c512", "uir_r3_a5_k0_s1_e4_c512"],
    ["cn_r1_k1_s1_c960"],
  ],
  hybrid_medium: [
    ["er_r1_k3_s2_e4_c48"],
    ["uir_r1_a3_k5_s2_e4_c80", "uir_r1_a3_k3_s1_e2_c80"],
    [
      "uir_r1_a3_k5_s2_e6_c160", "uir_r1_a0_k0_s1_e2_c160", "uir_r1_a3_k3_s1_e4_c160", "uir_r1_a3_k5_s1_e4_c160",
      "mqa_r1_k3_h4_s1_v2_d64_c160", "uir_r1_a3_k3_s1_e4_c160", "mqa_r1_k3_h4_s1_v2_d64_c160", "uir_r1_a3_k0_s1_e4_c160",
      "mqa_r1_k3_h4_s1_v2_d64_c160", "uir_r1_a3_k3_s1_e4_c160", "mqa_r1_k3_h4_s1_v2_d64_c160", "uir_r1_a3_k0_s1_e4_c160",
    ],
    [
      "uir_r1_a5_k5_s2_e6_c256", "uir_r1_a5_k5_s1_e4_c256", "uir_r2_a3_k5_s1_e4_c256", "uir_r1_a0_k0_s1_e2_c256",
      "uir_r1_a3_k5_s1_e2_c256", "uir_r1_a0_k0_s1_e2_c256", "uir_r1_a0_k0_s1_e4_c256", "mqa_r1_k3_h4_s1_d64_c256",
      "uir_r1_a3_k0_s1_e4_c256", "mqa_r1_k3_h4_s1_d64_c256", "uir_r1_a5_k5_s1_e4_c256", "mqa_r1_k3_h4_s1_d64_c256",
      "uir_r1_a5_k0_s1_e4_c256", "mqa_r1_k3_h4_s1_d64_c256", "uir_r1_a5_k0_s1_e4_c256",
    ],
    ["cn_r1_k1_s1_c960"],
  ],
  hybrid_large: [
    ["er_r1_k3_s2_e4_c48"],
    ["uir_r1_a3_k5_s2_e4_c96", "uir_r1_a3_k3_s1_e4_c96"],
    [
      "uir_r1_a3_k5_s2_e4_c192", "uir_r3_a3_k3_s1_e4_c192", "uir_r1_a3_k5_s1_e4_c192", "uir_r2_a5_k3_s1_e4_c192",
      "mqa_r1_k3_h8_s1_v2_d48_c192", "uir_r1_a5_k3_s1_e4_c192", "mqa_r1_k3_h8_s1_v2_d48_c192", "uir_r1_a5_k3_s1_e4_c192",
      "mqa_r1_k3_h8_s1_v2_d48_c192", "uir_r1_a5_k3_s1_e4_c192", "mqa_r1_k3_h8_s1_v2_d48_c192", "uir_r1_a3_k0_s1_e4_c192",
    ],
    [
      "uir_r4_a5_k5_s2_e4_c512", "uir_r1_a5_k0_s1_e4_c512", "uir_r1_a5_k3_s1_e4_c512", "uir_r2_a5_k0_s1_e4_c512",
      "uir_r1_a5_k3_s1_e4_c512", "uir_r1_a5_k5_s1_e4_c512", "mqa_r1_k3_h8_s1_d64_c512", "uir_r1_a5_k0_s1_e4_c512",
      "mqa_r1_k3_h8_s1_d64_c512", "uir_r1_a5_k0_s1_e4_c512", "mqa_r1_k3_h8_s1_d64_c512", "uir_r1_a5_k0_s1_e4_c512",
      "mqa_r1_k3_h8_s1_d64_c512", "uir_r1_a5_k0_s1_e4_c512",
    ],
    ["cn_r1_k1_s1_c960"],
  ],
} as const;

/** `_gen_mobilenet_v4`: hybrids add layer scale; the head conv is norm-followed and bias-free. */
function mnv4(variant: keyof typeof MNV4, cm: number): MobileNetV3Spec {
  const stem = variant === "conv_large" || variant === "hybrid_large" ? 24 : 32;
  return {
    arch: MNV4[variant],
    stemSize: stem,
    fixStem: cm < 1.0,
    numFeatures: 1280,
    multiplier: cm,
    headBias: false,
    headNorm: true,
    seRound: "round",
    layerScale: variant.startsWith("hybrid"),
  };
}

/** timm's registered names (`@register_model` in mobilenetv3.py) and the `_gen_*` call each makes. */
export const MOBILENETV3_MODELS: Readonly<Record<string, MobileNetV3Spec>> = {
  mobilenetv3_large_075: mnv3("large", 0.75),
  mobilenetv3_large_100: mnv3("large", 1.0),
  mobilenetv3_large_150d: mnv3("large", 1.5, 1.2),
  mobilenetv3_small_050: mnv3("small", 0.5),
  mobilenetv3_small_075: mnv3("small", 0.75),
  mobilenetv3_small_100: mnv3("small", 1.0),
  mobilenetv3_rw: MNV3_RW,
  tf_mobilenetv3_large_075: mnv3("large", 0.75, 1, true),
  tf_mobilenetv3_large_100: mnv3("large", 1.0, 1, true),
  tf_mobilenetv3_large_minimal_100: mnv3("large_minimal", 1.0, 1, true),
  tf_mobilenetv3_small_075: mnv3("small", 0.75, 1, true),
  tf_mobilenetv3_small_100: mnv3("small", 1.0, 1, true),
  tf_mobilenetv3_small_minimal_100: mnv3("small_minimal", 1.0, 1, true),
  fbnetv3_b: fbnetv3("b"),
  fbnetv3_d: fbnetv3("d"),
  fbnetv3_g: fbnetv3("g"),
  lcnet_035: lcnet(0.35),
  lcnet_050: lcnet(0.5),
  lcnet_075: lcnet(0.75),
  lcnet_100: lcnet(1.0),
  lcnet_150: lcnet(1.5),
  mobilenetv4_conv_small_035: mnv4("conv_small", 0.35),
  mobilenetv4_conv_small_050: mnv4("conv_small", 0.5),
  mobilenetv4_conv_small: mnv4("conv_small", 1.0),
  mobilenetv4_conv_medium: mnv4("conv_medium", 1.0),
  mobilenetv4_conv_large: mnv4("conv_large", 1.0),
  mobilenetv4_hybrid_medium: mnv4("hybrid_medium", 1.0),
  mobilenetv4_hybrid_large: mnv4("hybrid_large", 1.0),
  // avg-pool anti-aliasing adds no tensors, so these build as the plain variants.
  mobilenetv4_conv_aa_medium: mnv4("conv_medium", 1.0),
  mobilenetv4_conv_aa_large: mnv4("conv_large", 1.0),
  mobilenetv4_hybrid_medium_075: mnv4("hybrid_medium", 0.75),
  mobilenetv4_hybrid_large_075: mnv4("hybrid_large", 0.75),
};

export const mobilenetv3: TimmFamily = {
  family: "mobilenetv3",
  source: "timm/models/mobilenetv3.py",
  names: Object.keys(MOBILENETV3_MODELS),
  build: (name, args) => buildMobileNetV3(MOBILENETV3_MODELS[name] as MobileNetV3Spec, args),
};
