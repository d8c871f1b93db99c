// timm/models/regnet.py: RegNet-X/Y/Z and the pre-activation RegNet-V, widths generated from (w0, wa, wm, depth).
import { linear } from "../../modules/blocks.js";
import { list, module, stateless, type Module } from "../../modules/module.js";
import type { TimmArgs, TimmFamily } from "../types.js";
import { makeDivisible, poolFeatMult, withModelArgs } from "./layers-common.js";
import { createConv2d, normAct, pyRound, type NormKind } from "./layers-efficientnet.js";

/** `RegNetCfg` fields that shape tensors. */
export interface RegNetCfg {
  readonly depth: number;
  readonly w0: number;
  readonly wa: number;
  readonly wm: number;
  readonly group_size: number;
  readonly bottle_ratio?: number;
  readonly se_ratio?: number;
  readonly group_min_ratio?: number;
  readonly stem_width?: number;
  readonly downsample?: "conv1x1" | "avg" | null;
  readonly preact?: boolean;
  readonly linear_out?: boolean;
  readonly num_features?: number;
  readonly norm?: NormKind;
}

const f32 = Math.fround;

/**
 * `generate_regnet` runs in float32 torch tensors; each step is rounded to float32 here so the per-block widths
 * quantize the same way.
 */
export function regnetWidths(c: RegNetCfg): number[] {
  const widths: number[] = [];
  const logWm = f32(Math.log(c.wm));
  for (let i = 0; i < c.depth; i++) {
    const cont = f32(f32(i * f32(c.wa)) + c.w0);
    const exp = pyRound(f32(f32(Math.log(f32(cont / c.w0))) / logWm));
    const w = pyRound(f32(f32(c.w0 * f32(Math.pow(f32(c.wm), exp))) / 8)) * 8;
    widths.push(w);
  }
  return widths;
}

interface Stage {
  readonly width: number;
  readonly depth: number;
  readonly groupSize: number;
}

function stages(c: RegNetCfg): Stage[] {
  const counts = new Map<number, number>();
  for (const w of regnetWidths(c)) counts.set(w, (counts.get(w) ?? 0) + 1);
  const br = c.bottle_ratio ?? 1;
  return [...counts.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([w, d]) => {
      const wBot = Math.trunc(w * br);
      const g = Math.min(c.group_size, wBot);
      const adj = c.group_min_ratio ? makeDivisible(wBot, g, c.group_min_ratio) : Math.trunc(pyRound(wBot / g) * g);
      return { width: Math.trunc(adj / br), depth: d, groupSize: g };
    });
}

function convNormAct(inCh: number, outCh: number, k: number, norm: NormKind, groups = 1): Module {
  return module("ConvNormAct", { children: { conv: createConv2d(inCh, outCh, k, { groups }), bn: normAct(norm, outCh) } });
}

function shortcut(c: RegNetCfg, inCh: number, outCh: number, stride: number): Module | undefined {
  if (inCh === outCh && stride === 1) return stateless("Identity");
  const ds = c.downsample === undefined ? "conv1x1" : c.downsample;
  if (!ds) return undefined;
  const norm = c.norm ?? "bn";
  const conv = c.preact ? createConv2d(inCh, outCh, 1) : convNormAct(inCh, outCh, 1, norm);
  return ds === "avg" ? list("Sequential", stateless(stride > 1 ? "AvgPool2d" : "Identity"), conv) : conv;
}

function block(c: RegNetCfg, inCh: number, outCh: number, stride: number, groupSize: number): Module {
  const norm = c.norm ?? "bn";
  const mid = Math.trunc(pyRound(outCh * (c.bottle_ratio ?? 1)));
  const groups = Math.floor(mid / groupSize);
  const rd = c.se_ratio ? Math.trunc(pyRound(inCh * c.se_ratio)) : 0;
  const se = rd ? module("SEModule", { children: { fc1: createConv2d(mid, rd, 1, { bias: true }), fc2: createConv2d(rd, mid, 1, { bias: true }) } }) : undefined;
  if (c.preact) {
    return module("PreBottleneck", {
      children: {
        norm1: normAct(norm, inCh),
        conv1: createConv2d(inCh, mid, 1),
        norm2: normAct(norm, mid),
        conv2: createConv2d(mid, mid, 3, { groups }),
        se,
        norm3: normAct(norm, mid),
        conv3: createConv2d(mid, outCh, 1),
        downsample: shortcut(c, inCh, outCh, stride),
      },
    });
  }
  return module("Bottleneck", {
    children: {
      conv1: convNormAct(inCh, mid, 1, norm),
      conv2: convNormAct(mid, mid, 3, norm, groups),
      se,
      conv3: convNormAct(mid, outCh, 1, norm),
      downsample: shortcut(c, inCh, outCh, stride),
    },
  });
}

export function buildRegNet(c: RegNetCfg, args: TimmArgs): Module {
  const norm = c.norm ?? "bn";
  const stemWidth = c.stem_width ?? 32;
  const children: Record<string, Module | undefined> = {
    stem: c.preact ? createConv2d(args.inChans, stemWidth, 3, { stride: 2 }) : convNormAct(args.inChans, stemWidth, 3, norm),
  };
  let prev = stemWidth;
  stages(c).forEach((s, i) => {
    // Blocks are named b1, b2, … (add_module), not numbered.
    const blocks: Record<string, Module> = {};
    for (let j = 0; j < s.depth; j++) blocks[`b${j + 1}`] = block(c, j === 0 ? prev : s.width, s.width, j === 0 ? 2 : 1, s.groupSize);
    children[`s${i + 1}`] = module("RegStage", { children: blocks });
    prev = s.width;
  });
  const numFeatures = c.num_features || prev;
  if (c.num_features) children.final_conv = convNormAct(prev, c.num_features, 1, norm);
  const pool = args.globalPool ?? "avg";
  children.head = module("ClassifierHead", {
    children: { fc: args.numClasses > 0 ? linear(numFeatures * poolFeatMult(pool), args.numClasses) : stateless("Identity") },
  });
  return module("RegNet", { children });
}

const Y = { se_ratio: 0.25 } as const;
const Z = { bottle_ratio: 4.0, se_ratio: 0.25, downsample: null, linear_out: true } as const;

/** timm's registered names (`@register_model` in regnet.py) and their `model_cfgs` entries. */
export const REGNET_MODELS: Readonly<Record<string, RegNetCfg>> = {
  regnetx_002: { w0: 24, wa: 36.44, wm: 2.49, group_size: 8, depth: 13 },
  regnetx_004: { w0: 24, wa: 24.48, wm: 2.54, group_size: 16, depth: 22 },
  regnetx_004_tv: { w0: 24, wa: 24.48, wm: 2.54, group_size: 16, depth: 22, group_min_ratio: 0.9 },
  regnetx_006: { w0: 48, wa: 36.97, wm: 2.24, group_size: 24, depth: 16 },
  regnetx_008: { w0: 56, wa: 35.73, wm: 2.28, group_size: 16, depth: 16 },
  regnetx_016: { w0: 80, wa: 34.01, wm: 2.25, group_size: 24, depth: 18 },
  regnetx_032: { w0: 88, wa: 26.31, wm: 2.25, group_size: 48, depth: 25 },
  regnetx_040: { w0: 96, wa: 38.65, wm: 2.43, group_size: 40, depth: 23 },
  regnetx_064: { w0: 184, wa: 60.83, wm: 2.07, group_size: 56, depth: 17 },
  regnetx_080: { w0: 80, wa: 49.56, wm: 2.88, group_size: 120, depth: 23 },
  regnetx_120: { w0: 168, wa: 73.36, wm: 2.37, group_size: 112, depth: 19 },
  regnetx_160: { w0: 216, wa: 55.59, wm: 2.1, group_size: 128, depth: 22 },
  regnetx_320: { w0: 320, wa: 69.86, wm: 2.0, group_size: 168, depth: 23 },
  regnety_002: { w0: 24, wa: 36.44, wm: 2.49, group_size: 8, depth: 13, ...Y },
  regnety_004: { w0: 48, wa: 27.89, wm: 2.09, group_size: 8, depth: 16, ...Y },
  regnety_006: { w0: 48, wa: 32.54, wm: 2.32, group_size: 16, depth: 15, ...Y },
  regnety_008: { w0: 56, wa: 38.84, wm: 2.4, group_size: 16, depth: 14, ...Y },
  regnety_008_tv: { w0: 56, wa: 38.84, wm: 2.4, group_size: 16, depth: 14, ...Y, group_min_ratio: 0.9 },
  regnety_016: { w0: 48, wa: 20.71, wm: 2.65, group_size: 24, depth: 27, ...Y },
  regnety_032: { w0: 80, wa: 42.63, wm: 2.66, group_size: 24, depth: 21, ...Y },
  regnety_040: { w0: 96, wa: 31.41, wm: 2.24, group_size: 64, depth: 22, ...Y },
  regnety_064: { w0: 112, wa: 33.22, wm: 2.27, group_size: 72, depth: 25, ...Y },
  regnety_080: { w0: 192, wa: 76.82, wm: 2.19, group_size: 56, depth: 17, ...Y },
  regnety_080_tv: { w0: 192, wa: 76.82, wm: 2.19, group_size: 56, depth: 17, ...Y, group_min_ratio: 0.9 },
  regnety_120: { w0: 168, wa: 73.36, wm: 2.37, group_size: 112, depth: 19, ...Y },
  regnety_160: { w0: 200, wa: 106.23, wm: 2.48, group_size: 112, depth: 18, ...Y },
  regnety_320: { w0: 232, wa: 115.89, wm: 2.53, group_size: 232, depth: 20, ...Y },
  regnety_640: { w0: 352, wa: 147.48, wm: 2.4, group_size: 328, depth: 20, ...Y },
  regnety_1280: { w0: 456, wa: 160.83, wm: 2.52, group_size: 264, depth: 27, ...Y },
  regnety_2560: { w0: 640, wa: 230.83, wm: 2.53, group_size: 373, depth: 27, ...Y },
  regnety_040_sgn: { w0: 96, wa: 31.41, wm: 2.24, group_size: 64, depth: 22, ...Y, norm: "gn" },
  regnetv_040: { depth: 22, w0: 96, wa: 31.41, wm: 2.24, group_size: 64, ...Y, preact: true },
  regnetv_064: { depth: 25, w0: 112, wa: 33.22, wm: 2.27, group_size: 72, ...Y, preact: true, downsample: "avg" },
  regnetz_005: { depth: 21, w0: 16, wa: 10.7, wm: 2.51, group_size: 4, ...Z, num_features: 1024 },
  regnetz_040: { depth: 28, w0: 48, wa: 14.5, wm: 2.226, group_size: 8, ...Z, num_features: 0 },
  regnetz_040_h: { depth: 28, w0: 48, wa: 14.5, wm: 2.226, group_size: 8, ...Z, num_features: 1536 },
};

export const regnet: TimmFamily = {
  family: "regnet",
  source: "timm/models/regnet.py",
  names: Object.keys(REGNET_MODELS),
  build: (name, args) => buildRegNet(withModelArgs("regnet", REGNET_MODELS[name] as RegNetCfg, args.extra), args),
};
