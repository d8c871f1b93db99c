// timm/models/_efficientnet_builder.py + _efficientnet_blocks.py: the block-string decoder, stage builder and blocks
// shared by EfficientNet, MobileNet-V2/V3/V4, MnasNet, MixNet, FBNet, LCNet, TinyNet.
import { batchNorm, conv2d, linear } from "../../modules/blocks.js";
import { list, module, stateless, type Module } from "../../modules/module.js";
import { InvalidConfigError } from "../../errors.js";
import { batchNormAct, layerScale, makeDivisible } from "./layers-common.js";

export type Kernel = number | readonly number[];

/** One decoded block string (`ir_r2_k3_s2_e6_c24_se0.25`): only what decides tensor shapes is kept. */
export interface BlockSpec {
  readonly type: "ir" | "ds" | "dsa" | "er" | "cn" | "uir" | "mqa" | "mha";
  readonly out: number;
  readonly stride: number;
  readonly kernel: Kernel;
  readonly expKernel: Kernel;
  readonly pwKernel: Kernel;
  readonly exp: number;
  readonly se: number;
  readonly forceIn: number;
  readonly groupSize?: number;
  readonly numExperts: number;
  /** uir: the optional depthwise convs before the expansion and after the projection (0 = none). */
  readonly dwStart: number;
  readonly dwEnd: number;
  readonly numHeads: number;
  readonly keyDim: number;
  readonly kvStride: number;
}

/** Python's `round()` on a float: halves go to the even neighbour. */
export function pyRound(x: number): number {
  const f = Math.floor(x);
  const d = x - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

function parseKernel(s: string): Kernel {
  return /^\d+$/.test(s) ? Number(s) : s.split(".").map(Number);
}

function decodeBlock(str: string): [BlockSpec, number] {
  const [type, ...ops] = str.split("_");
  const o: Record<string, string> = {};
  for (const op of ops) {
    // skip/noskip and activation ops (n*) change no tensor shapes.
    if (op === "noskip" || op === "skip" || op.startsWith("n")) continue;
    else {
      const m = /^(\D*)(\d.*)$/.exec(op);
      if (m) o[m[1] as string] = m[2] as string;
    }
  }
  if (o.d !== undefined && Number(o.d) > 0 && (type === "ir" || type === "ds" || type === "dsa")) {
    throw new InvalidConfigError(`efficientnet: space-to-depth blocks (\`${str}\`) are not supported`);
  }
  const num = (k: string, fallback: number) => (o[k] === undefined ? fallback : Number(o[k]));
  const t = type as BlockSpec["type"];
  const isUir = t === "uir";
  const spec: BlockSpec = {
    type: t,
    out: num("c", 0),
    stride: num("s", 1),
    kernel: o.k === undefined ? 3 : parseKernel(o.k),
    expKernel: isUir ? 0 : o.a === undefined ? 1 : parseKernel(o.a),
    pwKernel: isUir ? 0 : o.p === undefined ? 1 : parseKernel(o.p),
    exp: num("e", 1),
    se: num("se", 0),
    forceIn: num("fc", 0),
    ...(o.gs !== undefined ? { groupSize: Number(o.gs) } : {}),
    numExperts: num("cc", 0),
    dwStart: isUir ? (o.a === undefined ? 0 : Number(o.a)) : 0,
    dwEnd: isUir ? (o.p === undefined ? 0 : Number(o.p)) : 0,
    numHeads: num("h", 8),
    keyDim: num("d", 64),
    kvStride: num("v", 1),
  };
  return [spec, num("r", 1)];
}

/** `_scale_stage_depth`: spreads the scaled repeat count over a stage's block strings, last first. */
function scaleStageDepth(specs: BlockSpec[], repeats: number[], mult: number, trunc: "ceil" | "round"): BlockSpec[] {
  let total = repeats.reduce((a, b) => a + b, 0);
  let scaled = trunc === "round" ? Math.max(1, pyRound(total * mult)) : Math.ceil(total * mult);
  const out: number[] = [];
  for (let i = repeats.length - 1; i >= 0; i--) {
    const r = repeats[i] as number;
    const rs = Math.max(1, pyRound((r / total) * scaled));
    out.unshift(rs);
    total -= r;
    scaled -= rs;
  }
  return specs.flatMap((s, i) => Array.from({ length: out[i] as number }, () => s));
}

export interface DecodeOptions {
  readonly depthMultiplier?: number | readonly number[];
  readonly depthTrunc?: "ceil" | "round";
  readonly expertsMultiplier?: number;
  readonly fixFirstLast?: boolean;
  readonly groupSize?: number | null;
}

/** `decode_arch_def`: stages of block strings → stages of block specs, depth-scaled. */
export function decodeArchDef(arch: readonly (readonly string[])[], opts: DecodeOptions = {}): BlockSpec[][] {
  const dm = opts.depthMultiplier ?? 1;
  return arch.map((strings, stageIndex) => {
    const specs: BlockSpec[] = [];
    const repeats: number[] = [];
    for (const s of strings) {
      let [spec, rep] = decodeBlock(s);
      if (spec.numExperts > 0 && (opts.expertsMultiplier ?? 1) > 1) spec = { ...spec, numExperts: spec.numExperts * (opts.expertsMultiplier ?? 1) };
      if (opts.groupSize != null && spec.groupSize === undefined) spec = { ...spec, groupSize: opts.groupSize };
      specs.push(spec);
      repeats.push(rep);
    }
    const mult = typeof dm === "number" ? dm : (dm[stageIndex] as number);
    const fixed = opts.fixFirstLast && (stageIndex === 0 || stageIndex === arch.length - 1);
    return scaleStageDepth(specs, repeats, fixed ? 1 : mult, opts.depthTrunc ?? "ceil");
  });
}

/** `round_channels`: scale by the width multiplier, then `make_divisible`. */
export function roundChannels(channels: number, multiplier = 1, divisor = 8, roundLimit = 0.9): number {
  if (!multiplier) return channels;
  return makeDivisible(channels * multiplier, divisor, undefined, roundLimit);
}

/** The norm+act layer a family builds from `norm_layer` (BatchNormAct2d unless a GroupNorm variant). */
export type NormKind = "bn" | "gn";

export function normAct(kind: NormKind, channels: number): Module {
  if (kind === "gn") {
    return module("GroupNormAct", {
      params: { weight: [channels], bias: [channels] },
      children: { drop: stateless("Identity"), act: stateless("Identity") },
    });
  }
  return batchNormAct(channels);
}

/** `num_groups`: group_size 0/None means a dense conv, otherwise channels / group_size groups. */
function numGroups(groupSize: number | undefined, channels: number): number {
  if (!groupSize) return 1;
  if (channels % groupSize !== 0) throw new InvalidConfigError(`efficientnet: ${channels} channels not divisible by group size ${groupSize}`);
  return channels / groupSize;
}

/** `_split_channels`: even split, remainder to the first group. */
function splitChannels(n: number, groups: number): number[] {
  const split = Array.from({ length: groups }, () => Math.floor(n / groups));
  split[0] = (split[0] as number) + n - split.reduce((a, b) => a + b, 0);
  return split;
}

export interface ConvOpts {
  readonly stride?: number;
  readonly groups?: number;
  readonly depthwise?: boolean;
  readonly bias?: boolean;
  readonly padSame?: boolean;
  readonly numExperts?: number;
}

/**
 * `create_conv2d`: a list of kernel sizes makes a MixedConv2d (channels split per kernel); `num_experts` a
 * CondConv2d (one flattened weight per expert); 'same' padding that cannot be static a Conv2dSame.
 */
export function createConv2d(inCh: number, outCh: number, kernel: Kernel, o: ConvOpts = {}): Module {
  const stride = o.stride ?? 1;
  if (typeof kernel !== "number") {
    const depthwise = o.depthwise || (o.groups !== undefined && o.groups === inCh);
    const ins = splitChannels(inCh, kernel.length);
    const outs = splitChannels(outCh, kernel.length);
    const children: Record<string, Module> = {};
    kernel.forEach((k, i) => {
      const ci = ins[i] as number;
      children[String(i)] = createConv2d(ci, outs[i] as number, k, { ...o, groups: depthwise ? ci : 1, depthwise: false });
    });
    return module("MixedConv2d", { children });
  }
  const groups = o.depthwise ? inCh : (o.groups ?? 1);
  const bias = o.bias ?? false;
  if (o.numExperts && o.numExperts > 0) {
    return module("CondConv2d", {
      params: { weight: [o.numExperts, outCh * (inCh / groups) * kernel * kernel], bias: bias && [o.numExperts, outCh] },
    });
  }
  const dynamic = o.padSame === true && !(stride === 1 && (kernel - 1) % 2 === 0);
  return conv2d(inCh, outCh, kernel, { groups, bias, stride, cls: dynamic ? "Conv2dSame" : "Conv2d" });
}

/** How the squeeze-excite reduction width is rounded (`rd_round_fn`). */
export type SeRound = "round" | { readonly multiplier: number; readonly roundLimit: number };

export interface BuilderOptions {
  readonly roundChs: (c: number) => number;
  readonly seFromExp: boolean;
  readonly seRound: SeRound;
  readonly norm: NormKind;
  readonly padSame: boolean;
  readonly layerScale: boolean;
}

function squeezeExcite(ch: number, ratio: number, round: SeRound): Module {
  const x = ch * ratio;
  const rd = round === "round" ? pyRound(x) : roundChannels(x, round.multiplier, 8, round.roundLimit);
  return module("SqueezeExcite", {
    children: { conv_reduce: conv2d(ch, rd, 1), conv_expand: conv2d(rd, ch, 1) },
  });
}

function convNormAct(inCh: number, outCh: number, k: number, groups: number, b: BuilderOptions, stride = 1): Module {
  return module("ConvNormAct", {
    children: { conv: createConv2d(inCh, outCh, k, { groups, padSame: b.padSame, stride }), bn: normAct(b.norm, outCh) },
  });
}

function makeBlock(s: BlockSpec, inCh: number, out: number, stride: number, b: BuilderOptions): Module {
  const pad = b.padSame;
  const se = (mid: number) => {
    if (!s.se) return undefined;
    const ratio = b.seFromExp ? s.se : s.se / (s.type === "ir" || s.type === "er" || s.type === "uir" ? s.exp : 1);
    return squeezeExcite(mid, ratio, b.seRound);
  };
  switch (s.type) {
    case "ds":
    case "dsa":
      return module("DepthwiseSeparableConv", {
        children: {
          conv_dw: createConv2d(inCh, inCh, s.kernel, { stride, groups: numGroups(s.groupSize ?? 1, inCh), padSame: pad }),
          bn1: normAct(b.norm, inCh),
          se: se(inCh),
          conv_pw: createConv2d(inCh, out, s.pwKernel, { padSame: pad }),
          bn2: normAct(b.norm, out),
        },
      });
    case "ir": {
      const mid = makeDivisible(inCh * s.exp);
      const experts = s.numExperts;
      return module(experts ? "CondConvResidual" : "InvertedResidual", {
        children: {
          conv_pw: createConv2d(inCh, mid, s.expKernel, { padSame: pad, numExperts: experts }),
          bn1: normAct(b.norm, mid),
          conv_dw: createConv2d(mid, mid, s.kernel, { stride, groups: numGroups(s.groupSize ?? 1, mid), padSame: pad, numExperts: experts }),
          bn2: normAct(b.norm, mid),
          se: se(mid),
          conv_pwl: createConv2d(mid, out, s.pwKernel, { padSame: pad, numExperts: experts }),
          bn3: normAct(b.norm, out),
          routing_fn: experts ? linear(inCh, experts) : undefined,
        },
      });
    }
    case "er": {
      const mid = makeDivisible((s.forceIn > 0 ? b.roundChs(s.forceIn) : inCh) * s.exp);
      return module("EdgeResidual", {
        children: {
          conv_exp: createConv2d(inCh, mid, s.kernel, { stride, groups: numGroups(s.groupSize ?? 0, mid), padSame: pad }),
          bn1: normAct(b.norm, mid),
          se: se(mid),
          conv_pwl: createConv2d(mid, out, s.pwKernel, { padSame: pad }),
          bn2: normAct(b.norm, out),
        },
      });
    }
    case "cn":
      return module("ConvBnAct", {
        children: {
          conv: createConv2d(inCh, out, s.kernel, { stride, groups: numGroups(s.groupSize ?? 0, inCh), padSame: pad }),
          bn1: normAct(b.norm, out),
        },
      });
    case "uir": {
      const mid = makeDivisible(inCh * s.exp);
      const k = s.kernel as number;
      return module("UniversalInvertedResidual", {
        children: {
          dw_start: s.dwStart ? convNormAct(inCh, inCh, s.dwStart, numGroups(s.groupSize ?? 1, inCh), b) : stateless("Identity"),
          pw_exp: convNormAct(inCh, mid, 1, 1, b),
          dw_mid: k ? convNormAct(mid, mid, k, numGroups(s.groupSize ?? 1, mid), b) : stateless("Identity"),
          se: se(mid),
          pw_proj: convNormAct(mid, out, 1, 1, b),
          dw_end: s.dwEnd ? convNormAct(out, out, s.dwEnd, numGroups(s.groupSize ?? 1, out), b) : stateless("Identity"),
          layer_scale: b.layerScale ? layerScale(out, "LayerScale2d") : undefined,
        },
      });
    }
    case "mqa":
    case "mha": {
      const kv = (proj: number) => {
        const parts: Record<string, Module> = {};
        if (s.kvStride > 1) {
          parts.down_conv = createConv2d(inCh, inCh, s.kernel, { depthwise: true, stride: s.kvStride, padSame: pad });
          parts.norm = batchNorm(inCh);
        }
        parts.proj = createConv2d(inCh, proj, 1, { padSame: pad });
        return module("Sequential", { children: parts });
      };
      const attn =
        s.type === "mqa"
          ? module("MultiQueryAttention2d", {
              children: {
                query: module("Sequential", { children: { proj: createConv2d(inCh, s.numHeads * s.keyDim, 1) } }),
                key: kv(s.keyDim),
                value: kv(s.keyDim),
                output: module("Sequential", { children: { proj: createConv2d(s.keyDim * s.numHeads, out, 1) } }),
              },
            })
          : module("Attention2d", {
              children: { qkv: conv2d(inCh, inCh * 3, 1, { bias: false }), proj: conv2d(inCh, out, 1, { bias: false }) },
            });
      return module("MobileAttention", {
        children: {
          norm: normAct(b.norm, inCh),
          attn,
          layer_scale: b.layerScale ? layerScale(out, "LayerScale2d") : undefined,
        },
      });
    }
  }
}

/**
 * `EfficientNetBuilder.__call__`: one Sequential per stage; only a stage's first block strides. Returns the
 * stages and the channel count they end on.
 */
export function buildStages(inCh: number, stages: readonly (readonly BlockSpec[])[], b: BuilderOptions): { blocks: Module; outCh: number } {
  let ch = inCh;
  const built = stages.map((stage) => {
    const runs: { module: Module; count: number }[] = [];
    let prevKey = "";
    stage.forEach((s, i) => {
      const out = b.roundChs(s.out);
      const stride = i === 0 ? s.stride : 1;
      const key = JSON.stringify([s, ch, out, stride]);
      const last = runs[runs.length - 1];
      if (last && key === prevKey) last.count += 1;
      else runs.push({ module: makeBlock(s, ch, out, stride, b), count: 1 });
      prevKey = key;
      ch = out;
    });
    return list("Sequential", ...runs);
  });
  return { blocks: list("Sequential", ...built), outCh: ch };
}
