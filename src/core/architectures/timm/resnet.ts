// timm/models/resnet.py: ResNet, ResNet-D/C/S/T stems, ResNeXt and Wide ResNet (BasicBlock / Bottleneck).
import { batchNorm, conv2d, linear } from "../../modules/blocks.js";
import { list, module, stateless, type Module } from "../../modules/module.js";
import type { TimmArgs, TimmFamily } from "../types.js";

export interface ResNetSpec {
  readonly block: "basic" | "bottleneck";
  readonly layers: readonly [number, number, number, number];
  readonly stemWidth?: number;
  /** "" (7×7 conv), "deep" (three 3×3 convs), "deep_tiered" (3×3 convs of 3/4 and full width). */
  readonly stemType?: "" | "deep" | "deep_tiered";
  readonly avgDown?: boolean;
  readonly cardinality?: number;
  readonly baseWidth?: number;
}

const EXPANSION = { basic: 1, bottleneck: 4 } as const;

function downsample(inChannels: number, outChannels: number, stride: number, avgDown: boolean): Module {
  if (avgDown) {
    // downsample_avg: pool (AvgPool2d, or Identity at stride 1), 1×1 conv, norm — the pool still takes index 0.
    return list("Sequential", stateless(stride === 1 ? "Identity" : "AvgPool2d"), conv2d(inChannels, outChannels, 1, { bias: false }), batchNorm(outChannels));
  }
  return list("Sequential", conv2d(inChannels, outChannels, 1, { bias: false }), batchNorm(outChannels));
}

function basicBlock(inplanes: number, planes: number, stride: number, down: Module | undefined): Module {
  return module("BasicBlock", {
    children: {
      conv1: conv2d(inplanes, planes, 3, { bias: false, stride }),
      bn1: batchNorm(planes),
      conv2: conv2d(planes, planes, 3, { bias: false }),
      bn2: batchNorm(planes),
      downsample: down,
    },
  });
}

function bottleneck(inplanes: number, planes: number, stride: number, down: Module | undefined, spec: ResNetSpec): Module {
  const cardinality = spec.cardinality ?? 1;
  const width = Math.floor(planes * ((spec.baseWidth ?? 64) / 64)) * cardinality;
  const out = planes * EXPANSION.bottleneck;
  return module("Bottleneck", {
    children: {
      conv1: conv2d(inplanes, width, 1, { bias: false }),
      bn1: batchNorm(width),
      conv2: conv2d(width, width, 3, { bias: false, stride, groups: cardinality }),
      bn2: batchNorm(width),
      conv3: conv2d(width, out, 1, { bias: false }),
      bn3: batchNorm(out),
      downsample: down,
    },
  });
}

function stem(spec: ResNetSpec, inChans: number, inplanes: number): Module {
  const stemType = spec.stemType ?? "";
  if (!stemType.includes("deep")) return conv2d(inChans, inplanes, 7, { bias: false, stride: 2 });
  const width = spec.stemWidth ?? 64;
  const [c0, c1] = stemType.includes("tiered") ? [3 * Math.floor(width / 4), width] : [width, width];
  return list(
    "Sequential",
    conv2d(inChans, c0, 3, { bias: false }),
    batchNorm(c0),
    stateless("ReLU"),
    conv2d(c0, c1, 3, { bias: false }),
    batchNorm(c1),
    stateless("ReLU"),
    conv2d(c1, inplanes, 3, { bias: false }),
  );
}

export function buildResNet(spec: ResNetSpec, args: TimmArgs): Module {
  const deep = (spec.stemType ?? "").includes("deep");
  const stemOut = deep ? (spec.stemWidth ?? 64) * 2 : 64;
  let inplanes = stemOut;
  const expansion = EXPANSION[spec.block];
  const stages: Record<string, Module> = {};
  [64, 128, 256, 512].forEach((planes, stageIndex) => {
    const stride = stageIndex === 0 ? 1 : 2;
    const outChannels = planes * expansion;
    const down = stride !== 1 || inplanes !== outChannels ? downsample(inplanes, outChannels, stride, spec.avgDown ?? false) : undefined;
    const make = (inp: number, s: number, d: Module | undefined) =>
      spec.block === "basic" ? basicBlock(inp, planes, s, d) : bottleneck(inp, planes, s, d, spec);
    const first = make(inplanes, stride, down);
    const count = spec.layers[stageIndex] ?? 0;
    inplanes = outChannels;
    stages[`layer${stageIndex + 1}`] = list("Sequential", { module: first, count: Math.min(count, 1) }, { module: make(outChannels, 1, undefined), count: Math.max(count - 1, 0) });
  });
  const numFeatures = 512 * expansion;
  return module("ResNet", {
    children: {
      conv1: stem(spec, args.inChans, stemOut),
      bn1: batchNorm(stemOut),
      ...stages,
      fc: args.numClasses > 0 ? linear(numFeatures, args.numClasses) : undefined,
    },
  });
}

const B = "bottleneck" as const;
const D = { stemWidth: 32, stemType: "deep", avgDown: true } as const;
const C = { stemWidth: 32, stemType: "deep" } as const;
const S = { stemWidth: 64, stemType: "deep" } as const;
const T = { stemWidth: 32, stemType: "deep_tiered", avgDown: true } as const;

/** timm's registered names (`@register_model` in resnet.py) and their `model_args`. */
export const RESNET_MODELS: Readonly<Record<string, ResNetSpec>> = {
  resnet10t: { block: "basic", layers: [1, 1, 1, 1], ...T },
  resnet14t: { block: B, layers: [1, 1, 1, 1], ...T },
  resnet18: { block: "basic", layers: [2, 2, 2, 2] },
  resnet18d: { block: "basic", layers: [2, 2, 2, 2], ...D },
  resnet34: { block: "basic", layers: [3, 4, 6, 3] },
  resnet34d: { block: "basic", layers: [3, 4, 6, 3], ...D },
  resnet26: { block: B, layers: [2, 2, 2, 2] },
  resnet26t: { block: B, layers: [2, 2, 2, 2], ...T },
  resnet26d: { block: B, layers: [2, 2, 2, 2], ...D },
  resnet50: { block: B, layers: [3, 4, 6, 3] },
  resnet50c: { block: B, layers: [3, 4, 6, 3], ...C },
  resnet50d: { block: B, layers: [3, 4, 6, 3], ...D },
  resnet50s: { block: B, layers: [3, 4, 6, 3], ...S },
  resnet50t: { block: B, layers: [3, 4, 6, 3], ...T },
  resnet101: { block: B, layers: [3, 4, 23, 3] },
  resnet101c: { block: B, layers: [3, 4, 23, 3], ...C },
  resnet101d: { block: B, layers: [3, 4, 23, 3], ...D },
  resnet101s: { block: B, layers: [3, 4, 23, 3], ...S },
  resnet152: { block: B, layers: [3, 8, 36, 3] },
  resnet152c: { block: B, layers: [3, 8, 36, 3], ...C },
  resnet152d: { block: B, layers: [3, 8, 36, 3], ...D },
  resnet152s: { block: B, layers: [3, 8, 36, 3], ...S },
  resnet200: { block: B, layers: [3, 24, 36, 3] },
  resnet200d: { block: B, layers: [3, 24, 36, 3], ...D },
  wide_resnet50_2: { block: B, layers: [3, 4, 6, 3], baseWidth: 128 },
  wide_resnet101_2: { block: B, layers: [3, 4, 23, 3], baseWidth: 128 },
  resnext50_32x4d: { block: B, layers: [3, 4, 6, 3], cardinality: 32, baseWidth: 4 },
  resnext50d_32x4d: { block: B, layers: [3, 4, 6, 3], cardinality: 32, baseWidth: 4, ...D },
  resnext101_32x4d: { block: B, layers: [3, 4, 23, 3], cardinality: 32, baseWidth: 4 },
  resnext101_32x8d: { block: B, layers: [3, 4, 23, 3], cardinality: 32, baseWidth: 8 },
  resnext101_32x16d: { block: B, layers: [3, 4, 23, 3], cardinality: 32, baseWidth: 16 },
  resnext101_32x32d: { block: B, layers: [3, 4, 23, 3], cardinality: 32, baseWidth: 32 },
  resnext101_64x4d: { block: B, layers: [3, 4, 23, 3], cardinality: 64, baseWidth: 4 },
};

export const resnet: TimmFamily = {
  family: "resnet",
  source: "timm/models/resnet.py",
  names: Object.keys(RESNET_MODELS),
  build: (name, args) => buildResNet(RESNET_MODELS[name] as ResNetSpec, args),
};
