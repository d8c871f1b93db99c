// timm/models/efficientnet.py: EfficientNet (B0–B8, L2, Lite, EdgeTPU, CondConv, V2), MobileNet-V1/V2, MnasNet,
// FBNet-C, SPNASNet, MixNet, TinyNet — every model the `_gen_*` functions there build as the `EfficientNet` class.
import { module, stateless, type Module } from "../../modules/module.js";
import type { TimmArgs, TimmFamily } from "../types.js";
import { classifier, poolFeatMult } from "./layers-common.js";
import { buildStages, createConv2d, decodeArchDef, normAct, roundChannels, type DecodeOptions, type NormKind } from "./layers-efficientnet.js";

/** What a `_gen_*` function hands the `EfficientNet` class. */
export interface EffNetSpec {
  readonly arch: readonly (readonly string[])[];
  readonly decode?: DecodeOptions;
  readonly stemSize: number;
  readonly stemKernel?: number;
  readonly fixStem?: boolean;
  /** Head conv width; 0 = no head conv (MobileNet-V1 without `head_conv`). */
  readonly numFeatures: number;
  readonly multiplier?: number;
  readonly divisor?: number;
  readonly roundLimit?: number;
  readonly norm?: NormKind;
  /** tf_ ports: TF 'SAME' padding (Conv2dSame where it cannot be static). */
  readonly padSame?: boolean;
}

export function buildEfficientNet(spec: EffNetSpec, args: TimmArgs): Module {
  const mult = spec.multiplier ?? 1;
  const roundChs = (c: number) => roundChannels(c, mult, spec.divisor ?? 8, spec.roundLimit ?? 0.9);
  const norm = spec.norm ?? "bn";
  const padSame = spec.padSame ?? false;
  const stem = spec.fixStem ? spec.stemSize : roundChs(spec.stemSize);
  const { blocks, outCh } = buildStages(stem, decodeArchDef(spec.arch, spec.decode), {
    roundChs,
    seFromExp: false,
    seRound: "round",
    norm,
    padSame,
    layerScale: false,
  });
  const numFeatures = spec.numFeatures > 0 ? spec.numFeatures : outCh;
  const pool = args.globalPool ?? "avg";
  return module("EfficientNet", {
    children: {
      conv_stem: createConv2d(args.inChans, stem, spec.stemKernel ?? 3, { stride: 2, padSame }),
      bn1: normAct(norm, stem),
      blocks,
      conv_head: spec.numFeatures > 0 ? createConv2d(outCh, numFeatures, 1, { padSame }) : stateless("Identity"),
      bn2: spec.numFeatures > 0 ? normAct(norm, numFeatures) : stateless("Identity"),
      classifier: classifier(numFeatures * poolFeatMult(pool), args.numClasses, !pool),
    },
  });
}

const EFFNET_ARCH = [
  ["ds_r1_k3_s1_e1_c16_se0.25"],
  ["ir_r2_k3_s2_e6_c24_se0.25"],
  ["ir_r2_k5_s2_e6_c40_se0.25"],
  ["ir_r3_k3_s2_e6_c80_se0.25"],
  ["ir_r3_k5_s1_e6_c112_se0.25"],
  ["ir_r4_k5_s2_e6_c192_se0.25"],
  ["ir_r1_k3_s1_e6_c320_se0.25"],
];

/** `_gen_efficientnet`: head width scales with the channel multiplier. */
function effnet(cm: number, dm: number, extra: Partial<EffNetSpec> & { groupSize?: number } = {}): EffNetSpec {
  const divisor = extra.divisor ?? 8;
  return {
    arch: EFFNET_ARCH,
    decode: { depthMultiplier: dm, groupSize: extra.groupSize ?? null },
    stemSize: 32,
    numFeatures: roundChannels(1280, cm, divisor),
    multiplier: cm,
    ...extra,
  };
}

/** `_gen_efficientnet_edge`. */
function edge(cm: number, dm: number, padSame = false): EffNetSpec {
  return {
    arch: [
      ["er_r1_k3_s1_e4_c24_fc24_noskip"],
      ["er_r2_k3_s2_e8_c32"],
      ["er_r4_k3_s2_e8_c48"],
      ["ir_r5_k5_s2_e8_c96"],
      ["ir_r4_k5_s1_e8_c144"],
      ["ir_r2_k5_s2_e8_c192"],
    ],
    decode: { depthMultiplier: dm },
    stemSize: 32,
    numFeatures: roundChannels(1280, cm),
    multiplier: cm,
    padSame,
  };
}

/** `_gen_efficientnet_condconv`: CondConv experts in the last three stages. */
function condconv(cm: number, dm: number, experts: number, padSame = false): EffNetSpec {
  return {
    arch: [...EFFNET_ARCH.slice(0, 4), ["ir_r3_k5_s1_e6_c112_se0.25_cc4"], ["ir_r4_k5_s2_e6_c192_se0.25_cc4"], ["ir_r1_k3_s1_e6_c320_se0.25_cc4"]],
    decode: { depthMultiplier: dm, expertsMultiplier: experts },
    stemSize: 32,
    numFeatures: roundChannels(1280, cm),
    multiplier: cm,
    padSame,
  };
}

/** `_gen_efficientnet_lite`: no SE, fixed stem and head. */
function lite(cm: number, dm: number, padSame = false): EffNetSpec {
  return {
    arch: EFFNET_ARCH.map((stage) => stage.map((s) => s.replace("_se0.25", ""))),
    decode: { depthMultiplier: dm, fixFirstLast: true },
    stemSize: 32,
    fixStem: true,
    numFeatures: 1280,
    multiplier: cm,
    padSame,
  };
}

const V2_BASE_ARCH = [
  ["cn_r1_k3_s1_e1_c16_skip"],
  ["er_r2_k3_s2_e4_c32"],
  ["er_r2_k3_s2_e4_c48"],
  ["ir_r3_k3_s2_e4_c96_se0.25"],
  ["ir_r5_k3_s1_e6_c112_se0.25"],
  ["ir_r8_k3_s2_e6_c192_se0.25"],
];

/** `_gen_efficientnetv2_base`: channels round up (round_limit 0). */
function v2base(cm: number, dm: number): EffNetSpec {
  return {
    arch: V2_BASE_ARCH,
    decode: { depthMultiplier: dm },
    stemSize: 32,
    numFeatures: roundChannels(1280, cm, 8, 0),
    multiplier: cm,
    roundLimit: 0,
    padSame: true,
  };
}

/** `_gen_efficientnetv2_s`; `rw` is timm's own earlier small variant. */
function v2s(cm: number, dm: number | readonly number[], rw: boolean, padSame = false): EffNetSpec {
  const arch = [
    rw ? ["er_r2_k3_s1_e1_c24"] : ["cn_r2_k3_s1_e1_c24_skip"],
    ["er_r4_k3_s2_e4_c48"],
    ["er_r4_k3_s2_e4_c64"],
    ["ir_r6_k3_s2_e4_c128_se0.25"],
    ["ir_r9_k3_s1_e6_c160_se0.25"],
    rw ? ["ir_r15_k3_s2_e6_c272_se0.25"] : ["ir_r15_k3_s2_e6_c256_se0.25"],
  ];
  return {
    arch,
    decode: { depthMultiplier: dm },
    stemSize: 24,
    numFeatures: roundChannels(rw ? 1792 : 1280, cm),
    multiplier: cm,
    padSame,
  };
}

const V2_M = [
  ["cn_r3_k3_s1_e1_c24_skip"],
  ["er_r5_k3_s2_e4_c48"],
  ["er_r5_k3_s2_e4_c80"],
  ["ir_r7_k3_s2_e4_c160_se0.25"],
  ["ir_r14_k3_s1_e6_c176_se0.25"],
  ["ir_r18_k3_s2_e6_c304_se0.25"],
  ["ir_r5_k3_s1_e6_c512_se0.25"],
];
const V2_L = [
  ["cn_r4_k3_s1_e1_c32_skip"],
  ["er_r7_k3_s2_e4_c64"],
  ["er_r7_k3_s2_e4_c96"],
  ["ir_r10_k3_s2_e4_c192_se0.25"],
  ["ir_r19_k3_s1_e6_c224_se0.25"],
  ["ir_r25_k3_s2_e6_c384_se0.25"],
  ["ir_r7_k3_s1_e6_c640_se0.25"],
];
const V2_XL = [
  ["cn_r4_k3_s1_e1_c32_skip"],
  ["er_r8_k3_s2_e4_c64"],
  ["er_r8_k3_s2_e4_c96"],
  ["ir_r16_k3_s2_e4_c192_se0.25"],
  ["ir_r24_k3_s1_e6_c256_se0.25"],
  ["ir_r32_k3_s2_e6_c512_se0.25"],
  ["ir_r8_k3_s1_e6_c640_se0.25"],
];

/** `_gen_efficientnetv2_m/l/xl`: fixed 1280 head. */
function v2(arch: readonly (readonly string[])[], stem: number, padSame = false): EffNetSpec {
  return { arch, stemSize: stem, numFeatures: 1280, padSame };
}

/** `_gen_mnasnet_b1` / `_gen_mnasnet_a1` / `_gen_mnasnet_small`. */
const MNASNET_B1 = [
  ["ds_r1_k3_s1_c16_noskip"],
  ["ir_r3_k3_s2_e3_c24"],
  ["ir_r3_k5_s2_e3_c40"],
  ["ir_r3_k5_s2_e6_c80"],
  ["ir_r2_k3_s1_e6_c96"],
  ["ir_r4_k5_s2_e6_c192"],
  ["ir_r1_k3_s1_e6_c320_noskip"],
];
const MNASNET_A1 = [
  ["ds_r1_k3_s1_e1_c16_noskip"],
  ["ir_r2_k3_s2_e6_c24"],
  ["ir_r3_k5_s2_e3_c40_se0.25"],
  ["ir_r4_k3_s2_e6_c80"],
  ["ir_r2_k3_s1_e6_c112_se0.25"],
  ["ir_r3_k5_s2_e6_c160_se0.25"],
  ["ir_r1_k3_s1_e6_c320"],
];
const mnasnet = (arch: readonly (readonly string[])[], cm: number): EffNetSpec => ({ arch, stemSize: 32, numFeatures: 1280, multiplier: cm });

/** `_gen_mobilenet_v1`: MobileNet-V1 as depthwise-separable blocks; head conv only for the `h` variant. */
function mobilenetv1(cm: number, headConv: boolean): EffNetSpec {
  return {
    arch: [["dsa_r1_k3_s1_c64"], ["dsa_r2_k3_s2_c128"], ["dsa_r2_k3_s2_c256"], ["dsa_r6_k3_s2_c512"], ["dsa_r2_k3_s2_c1024"]],
    stemSize: 32,
    numFeatures: headConv ? Math.max(1024, roundChannels(1024, cm)) : 0,
    multiplier: cm,
  };
}

/** `_gen_mobilenet_v2`; the `d` variants keep stem, head and first/last stage depth fixed. */
function mobilenetv2(cm: number, dm = 1, fixStemHead = false): EffNetSpec {
  return {
    arch: [
      ["ds_r1_k3_s1_c16"],
      ["ir_r2_k3_s2_e6_c24"],
      ["ir_r3_k3_s2_e6_c32"],
      ["ir_r4_k3_s2_e6_c64"],
      ["ir_r3_k3_s1_e6_c96"],
      ["ir_r3_k3_s2_e6_c160"],
      ["ir_r1_k3_s1_e6_c320"],
    ],
    decode: { depthMultiplier: dm, fixFirstLast: fixStemHead },
    stemSize: 32,
    fixStem: fixStemHead,
    numFeatures: fixStemHead ? 1280 : Math.max(1280, roundChannels(1280, cm)),
    multiplier: cm,
  };
}

const MIXNET_S = [
  ["ds_r1_k3_s1_e1_c16"],
  ["ir_r1_k3_a1.1_p1.1_s2_e6_c24", "ir_r1_k3_a1.1_p1.1_s1_e3_c24"],
  ["ir_r1_k3.5.7_s2_e6_c40_se0.5_nsw", "ir_r3_k3.5_a1.1_p1.1_s1_e6_c40_se0.5_nsw"],
  ["ir_r1_k3.5.7_p1.1_s2_e6_c80_se0.25_nsw", "ir_r2_k3.5_p1.1_s1_e6_c80_se0.25_nsw"],
  ["ir_r1_k3.5.7_a1.1_p1.1_s1_e6_c120_se0.5_nsw", "ir_r2_k3.5.7.9_a1.1_p1.1_s1_e3_c120_se0.5_nsw"],
  ["ir_r1_k3.5.7.9.11_s2_e6_c200_se0.5_nsw", "ir_r2_k3.5.7.9_p1.1_s1_e6_c200_se0.5_nsw"],
];
const MIXNET_M = [
  ["ds_r1_k3_s1_e1_c24"],
  ["ir_r1_k3.5.7_a1.1_p1.1_s2_e6_c32", "ir_r1_k3_a1.1_p1.1_s1_e3_c32"],
  ["ir_r1_k3.5.7.9_s2_e6_c40_se0.5_nsw", "ir_r3_k3.5_a1.1_p1.1_s1_e6_c40_se0.5_nsw"],
  ["ir_r1_k3.5.7_s2_e6_c80_se0.25_nsw", "ir_r3_k3.5.7.9_a1.1_p1.1_s1_e6_c80_se0.25_nsw"],
  ["ir_r1_k3_s1_e6_c120_se0.5_nsw", "ir_r3_k3.5.7.9_a1.1_p1.1_s1_e3_c120_se0.5_nsw"],
  ["ir_r1_k3.5.7.9_s2_e6_c200_se0.5_nsw", "ir_r3_k3.5.7.9_p1.1_s1_e6_c200_se0.5_nsw"],
];
const mixnetS = (cm: number, padSame = false): EffNetSpec => ({ arch: MIXNET_S, stemSize: 16, numFeatures: 1536, multiplier: cm, padSame });
const mixnetM = (cm: number, dm: number, padSame = false): EffNetSpec => ({
  arch: MIXNET_M,
  decode: { depthMultiplier: dm, depthTrunc: "round" },
  stemSize: 24,
  numFeatures: 1536,
  multiplier: cm,
  padSame,
});

/** `_gen_tinynet`: EfficientNet blocks with round depth truncation and a fixed stem. */
const tinynet = (width: number, dm: number): EffNetSpec => ({
  arch: EFFNET_ARCH,
  decode: { depthMultiplier: dm, depthTrunc: "round" },
  stemSize: 32,
  fixStem: true,
  numFeatures: Math.max(1280, roundChannels(1280, width)),
  multiplier: width,
});

/** `_gen_mobilenet_edgetpu` (v1 and the v2 xs/s/m/l family). */
function edgetpu(variant: "v1" | "xs" | "s" | "m" | "l"): EffNetSpec {
  if (variant === "v1") {
    return {
      arch: [
        ["cn_r1_k1_s1_c16"],
        ["er_r1_k3_s2_e8_c32", "er_r3_k3_s1_e4_c32"],
        ["er_r1_k3_s2_e8_c48", "er_r3_k3_s1_e4_c48"],
        ["ir_r1_k3_s2_e8_c96", "ir_r3_k3_s1_e4_c96"],
        ["ir_r1_k3_s1_e8_c96_noskip", "ir_r3_k3_s1_e4_c96"],
        ["ir_r1_k5_s2_e8_c160", "ir_r3_k5_s1_e4_c160"],
        ["ir_r1_k3_s1_e8_c192"],
      ],
      stemSize: 32,
      stemKernel: 3,
      numFeatures: 1280,
    };
  }
  const table = {
    xs: { stem: 32, k: 3, gs: 64, chs: [16, 32, 48, 96, 144, 160, 192], nf: 1280 },
    s: { stem: 64, k: 5, gs: 64, chs: [24, 48, 64, 128, 160, 192, 256], nf: 1280 },
    m: { stem: 64, k: 5, gs: 64, chs: [32, 64, 80, 160, 192, 240, 320], nf: 1344 },
    l: { stem: 64, k: 7, gs: 128, chs: [32, 64, 96, 192, 240, 256, 384], nf: 1408 },
  }[variant];
  const c = table.chs;
  const g = table.gs;
  return {
    arch: [
      [`cn_r1_k1_s1_c${c[0]}`],
      [`er_r1_k3_s2_e8_c${c[1]}`, `er_r1_k3_s1_e4_gs${g}_c${c[1]}`],
      [`er_r1_k3_s2_e8_c${c[2]}`, `er_r1_k3_s1_e4_gs${g}_c${c[2]}`, `er_r1_k3_s1_e4_c${c[2]}`, `er_r1_k3_s1_e4_gs${g}_c${c[2]}`],
      [`er_r1_k3_s2_e8_c${c[3]}`, `ir_r3_k3_s1_e4_c${c[3]}`],
      [`ir_r1_k3_s1_e8_c${c[4]}`, `ir_r3_k3_s1_e4_c${c[4]}`],
      [`ir_r1_k3_s2_e8_c${c[5]}`, `ir_r3_k3_s1_e4_c${c[5]}`],
      [`ir_r1_k3_s1_e8_c${c[6]}`],
    ],
    stemSize: table.stem,
    stemKernel: table.k,
    numFeatures: table.nf,
  };
}

const TF = { padSame: true } as const;

/** timm's registered names (`@register_model` in efficientnet.py) and the `_gen_*` call each makes. */
export const EFFICIENTNET_MODELS: Readonly<Record<string, EffNetSpec>> = {
  mnasnet_050: mnasnet(MNASNET_B1, 0.5),
  mnasnet_075: mnasnet(MNASNET_B1, 0.75),
  mnasnet_100: mnasnet(MNASNET_B1, 1.0),
  mnasnet_140: mnasnet(MNASNET_B1, 1.4),
  semnasnet_050: mnasnet(MNASNET_A1, 0.5),
  semnasnet_075: mnasnet(MNASNET_A1, 0.75),
  semnasnet_100: mnasnet(MNASNET_A1, 1.0),
  semnasnet_140: mnasnet(MNASNET_A1, 1.4),
  mnasnet_small: {
    arch: [
      ["ds_r1_k3_s1_c8"],
      ["ir_r1_k3_s2_e3_c16"],
      ["ir_r2_k3_s2_e6_c16"],
      ["ir_r4_k5_s2_e6_c32_se0.25"],
      ["ir_r3_k3_s1_e6_c32_se0.25"],
      ["ir_r3_k5_s2_e6_c88_se0.25"],
      ["ir_r1_k3_s1_e6_c144"],
    ],
    stemSize: 8,
    numFeatures: 1280,
  },
  mobilenetv1_100: mobilenetv1(1.0, false),
  mobilenetv1_100h: mobilenetv1(1.0, true),
  mobilenetv1_125: mobilenetv1(1.25, false),
  mobilenetv2_035: mobilenetv2(0.35),
  mobilenetv2_050: mobilenetv2(0.5),
  mobilenetv2_075: mobilenetv2(0.75),
  mobilenetv2_100: mobilenetv2(1.0),
  mobilenetv2_140: mobilenetv2(1.4),
  mobilenetv2_110d: mobilenetv2(1.1, 1.2, true),
  mobilenetv2_120d: mobilenetv2(1.2, 1.4, true),
  fbnetc_100: {
    arch: [
      ["ir_r1_k3_s1_e1_c16"],
      ["ir_r1_k3_s2_e6_c24", "ir_r2_k3_s1_e1_c24"],
      ["ir_r1_k5_s2_e6_c32", "ir_r1_k5_s1_e3_c32", "ir_r1_k5_s1_e6_c32", "ir_r1_k3_s1_e6_c32"],
      ["ir_r1_k5_s2_e6_c64", "ir_r1_k5_s1_e3_c64", "ir_r2_k5_s1_e6_c64"],
      ["ir_r3_k5_s1_e6_c112", "ir_r1_k5_s1_e3_c112"],
      ["ir_r4_k5_s2_e6_c184"],
      ["ir_r1_k3_s1_e6_c352"],
    ],
    stemSize: 16,
    numFeatures: 1984,
  },
  spnasnet_100: {
    arch: [
      ["ds_r1_k3_s1_c16_noskip"],
      ["ir_r3_k3_s2_e3_c24"],
      ["ir_r1_k5_s2_e6_c40", "ir_r3_k3_s1_e3_c40"],
      ["ir_r1_k5_s2_e6_c80", "ir_r3_k3_s1_e3_c80"],
      ["ir_r1_k5_s1_e6_c96", "ir_r3_k5_s1_e3_c96"],
      ["ir_r4_k5_s2_e6_c192"],
      ["ir_r1_k3_s1_e6_c320_noskip"],
    ],
    stemSize: 32,
    numFeatures: 1280,
  },
  efficientnet_b0: effnet(1.0, 1.0),
  efficientnet_b1: effnet(1.0, 1.1),
  efficientnet_b2: effnet(1.1, 1.2),
  efficientnet_b3: effnet(1.2, 1.4),
  efficientnet_b4: effnet(1.4, 1.8),
  efficientnet_b5: effnet(1.6, 2.2),
  efficientnet_b6: effnet(1.8, 2.6),
  efficientnet_b7: effnet(2.0, 3.1),
  efficientnet_b8: effnet(2.2, 3.6),
  efficientnet_l2: effnet(4.3, 5.3),
  efficientnet_b0_gn: effnet(1.0, 1.0, { norm: "gn" }),
  efficientnet_b0_g8_gn: effnet(1.0, 1.0, { groupSize: 8, norm: "gn" }),
  efficientnet_b3_gn: effnet(1.2, 1.4, { divisor: 16, norm: "gn" }),
  efficientnet_b3_g8_gn: effnet(1.2, 1.4, { groupSize: 8, divisor: 16, norm: "gn" }),
  efficientnet_es: edge(1.0, 1.0),
  efficientnet_es_pruned: edge(1.0, 1.0),
  efficientnet_em: edge(1.0, 1.1),
  efficientnet_el: edge(1.2, 1.4),
  efficientnet_el_pruned: edge(1.2, 1.4),
  efficientnet_cc_b0_4e: condconv(1.0, 1.0, 1),
  efficientnet_cc_b0_8e: condconv(1.0, 1.0, 2),
  efficientnet_cc_b1_8e: condconv(1.0, 1.1, 2),
  efficientnet_lite0: lite(1.0, 1.0),
  efficientnet_lite1: lite(1.0, 1.1),
  efficientnet_lite2: lite(1.1, 1.2),
  efficientnet_lite3: lite(1.2, 1.4),
  efficientnet_lite4: lite(1.4, 1.8),
  efficientnetv2_rw_t: v2s(0.8, 0.9, false),
  efficientnetv2_rw_s: v2s(1.0, 1.0, true),
  efficientnetv2_rw_m: v2s(1.2, [1.2, 1.2, 1.2, 1.2, 1.6, 1.6], true),
  efficientnetv2_s: v2s(1.0, 1.0, false),
  efficientnetv2_m: v2(V2_M, 24),
  efficientnetv2_l: v2(V2_L, 32),
  efficientnetv2_xl: v2(V2_XL, 32),
  tf_efficientnet_b0: effnet(1.0, 1.0, TF),
  tf_efficientnet_b1: effnet(1.0, 1.1, TF),
  tf_efficientnet_b2: effnet(1.1, 1.2, TF),
  tf_efficientnet_b3: effnet(1.2, 1.4, TF),
  tf_efficientnet_b4: effnet(1.4, 1.8, TF),
  tf_efficientnet_b5: effnet(1.6, 2.2, TF),
  tf_efficientnet_b6: effnet(1.8, 2.6, TF),
  tf_efficientnet_b7: effnet(2.0, 3.1, TF),
  tf_efficientnet_b8: effnet(2.2, 3.6, TF),
  tf_efficientnet_l2: effnet(4.3, 5.3, TF),
  tf_efficientnet_es: edge(1.0, 1.0, true),
  tf_efficientnet_em: edge(1.0, 1.1, true),
  tf_efficientnet_el: edge(1.2, 1.4, true),
  tf_efficientnet_cc_b0_4e: condconv(1.0, 1.0, 1, true),
  tf_efficientnet_cc_b0_8e: condconv(1.0, 1.0, 2, true),
  tf_efficientnet_cc_b1_8e: condconv(1.0, 1.1, 2, true),
  tf_efficientnet_lite0: lite(1.0, 1.0, true),
  tf_efficientnet_lite1: lite(1.0, 1.1, true),
  tf_efficientnet_lite2: lite(1.1, 1.2, true),
  tf_efficientnet_lite3: lite(1.2, 1.4, true),
  tf_efficientnet_lite4: lite(1.4, 1.8, true),
  tf_efficientnetv2_s: v2s(1.0, 1.0, false, true),
  tf_efficientnetv2_m: v2(V2_M, 24, true),
  tf_efficientnetv2_l: v2(V2_L, 32, true),
  tf_efficientnetv2_xl: v2(V2_XL, 32, true),
  tf_efficientnetv2_b0: v2base(1.0, 1.0),
  tf_efficientnetv2_b1: v2base(1.0, 1.1),
  tf_efficientnetv2_b2: v2base(1.1, 1.2),
  tf_efficientnetv2_b3: v2base(1.2, 1.4),
  mixnet_s: mixnetS(1.0),
  mixnet_m: mixnetM(1.0, 1.0),
  mixnet_l: mixnetM(1.3, 1.0),
  mixnet_xl: mixnetM(1.6, 1.2),
  mixnet_xxl: mixnetM(2.4, 1.3),
  tf_mixnet_s: mixnetS(1.0, true),
  tf_mixnet_m: mixnetM(1.0, 1.0, true),
  tf_mixnet_l: mixnetM(1.3, 1.0, true),
  tinynet_a: tinynet(1.0, 1.2),
  tinynet_b: tinynet(0.75, 1.1),
  tinynet_c: tinynet(0.54, 0.85),
  tinynet_d: tinynet(0.54, 0.695),
  tinynet_e: tinynet(0.51, 0.6),
  mobilenet_edgetpu_100: edgetpu("v1"),
  mobilenet_edgetpu_v2_xs: edgetpu("xs"),
  mobilenet_edgetpu_v2_s: edgetpu("s"),
  mobilenet_edgetpu_v2_m: edgetpu("m"),
  mobilenet_edgetpu_v2_l: edgetpu("l"),
  test_efficientnet: {
    arch: [["cn_r1_k3_s1_e1_c16_skip"], ["er_r1_k3_s2_e4_c24"], ["er_r1_k3_s2_e4_c32"], ["ir_r1_k3_s2_e4_c48_se0.25"], ["ir_r1_k3_s2_e4_c64_se0.25"]],
    stemSize: 24,
    numFeatures: roundChannels(256, 1, 8, 0),
    roundLimit: 0,
  },
};

export const efficientnet: TimmFamily = {
  family: "efficientnet",
  source: "timm/models/efficientnet.py",
  names: Object.keys(EFFICIENTNET_MODELS),
  build: (name, args) => buildEfficientNet(EFFICIENTNET_MODELS[name] as EffNetSpec, args),
};
