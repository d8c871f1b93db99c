// timm/models/convnext.py: ConvNeXt and ConvNeXt-V2 (GRN MLP, no layer scale).
import { conv2d } from "../../modules/blocks.js";
import { list, module, stateless, type Module } from "../../modules/module.js";
import { InvalidConfigError } from "../../errors.js";
import type { TimmArgs, TimmFamily } from "../types.js";
import { classifier, fc, grnMlp, makeDivisible, mlp, poolFeatMult, pyInt, timmNorm, withModelArgs } from "./layers-common.js";

/**
 * `ConvNeXt.__init__` keyword arguments, under their Python names so config.json `model_args` override them
 * key for key.
 */
export interface ConvNeXtArgs {
  readonly depths: readonly number[];
  readonly dims: readonly number[];
  readonly kernel_sizes?: number | readonly number[];
  readonly ls_init_value?: number | null;
  readonly stem_type?: "patch" | "overlap" | "overlap_tiered" | "overlap_act";
  readonly patch_size?: number;
  readonly head_norm_first?: boolean;
  readonly head_hidden_size?: number | null;
  readonly conv_mlp?: boolean;
  readonly conv_bias?: boolean;
  readonly use_grn?: boolean;
  readonly norm_layer?: string | null;
  readonly mlp_ratio?: number;
  readonly output_stride?: number;
}

/** `_NORM_MAP`: the NCHW norm and its channels-last twin. */
const NORM_PAIRS: Readonly<Record<string, readonly [string, string]>> = {
  layernorm: ["layernorm2d", "layernorm"],
  layernorm2d: ["layernorm2d", "layernorm"],
  simplenorm: ["simplenorm2d", "simplenorm"],
  simplenorm2d: ["simplenorm2d", "simplenorm"],
  rmsnorm: ["rmsnorm2d", "rmsnorm"],
  rmsnorm2d: ["rmsnorm2d", "rmsnorm"],
};

function block(dim: number, kernel: number, a: ConvNeXtArgs, norm: string): Module {
  const convMlp = a.conv_mlp ?? false;
  const hidden = pyInt((a.mlp_ratio ?? 4) * dim);
  const ls = a.ls_init_value === undefined ? 1e-6 : a.ls_init_value;
  return module("ConvNeXtBlock", {
    params: { gamma: ls !== null && [dim] },
    children: {
      conv_dw: conv2d(dim, dim, kernel, { groups: dim, bias: a.conv_bias ?? true }),
      norm: timmNorm(norm, dim),
      mlp: a.use_grn ? grnMlp(dim, hidden, convMlp) : mlp(dim, hidden, { useConv: convMlp }),
    },
  });
}

export function buildConvNeXt(a: ConvNeXtArgs, args: TimmArgs): Module {
  const pair = NORM_PAIRS[a.norm_layer ?? "layernorm"];
  if (!pair) throw new InvalidConfigError(`convnext: unsupported norm_layer \`${String(a.norm_layer)}\``);
  const convMlp = a.conv_mlp ?? false;
  const [norm2d, normCl] = pair;
  const blockNorm = convMlp ? norm2d : normCl;
  const dims = a.dims;
  const kernels = typeof a.kernel_sizes === "object" ? a.kernel_sizes : [0, 1, 2, 3].map(() => (a.kernel_sizes as number | undefined) ?? 7);
  const bias = a.conv_bias ?? true;
  const stemType = a.stem_type ?? "patch";
  const patch = a.patch_size ?? 4;
  const d0 = dims[0] as number;

  let stem: Module;
  let stemStride: number;
  if (stemType === "patch") {
    stem = list("Sequential", conv2d(args.inChans, d0, patch, { bias, stride: patch }), timmNorm(norm2d, d0));
    stemStride = patch;
  } else {
    const mid = stemType.includes("tiered") ? makeDivisible(Math.floor(d0 / 2)) : d0;
    stem = list(
      "Sequential",
      conv2d(args.inChans, mid, 3, { bias }),
      ...(stemType.includes("act") ? [stateless("GELU")] : []),
      conv2d(mid, d0, 3, { bias }),
      timmNorm(norm2d, d0),
    );
    stemStride = 4;
  }

  const outputStride = a.output_stride ?? 32;
  const stages: Module[] = [];
  let prev = d0;
  let curStride = stemStride;
  let dilation = 1;
  for (let i = 0; i < 4; i++) {
    let stride = curStride === 2 || i > 0 ? 2 : 1;
    if (curStride >= outputStride && stride > 1) {
      dilation *= stride;
      stride = 1;
    }
    curStride *= stride;
    const firstDilation = dilation === 1 || dilation === 2 ? 1 : 2;
    const out = dims[i] as number;
    const resample = prev !== out || stride > 1 || firstDilation !== dilation;
    const dsKernel = stride > 1 || firstDilation !== dilation ? 2 : 1;
    const downsample = resample
      ? list("Sequential", timmNorm(norm2d, prev), conv2d(prev, out, dsKernel, { stride, bias }))
      : stateless("Identity");
    stages.push(
      module("ConvNeXtStage", {
        children: {
          downsample,
          blocks: list("Sequential", { module: block(out, kernels[i] as number, a, blockNorm), count: a.depths[i] as number }),
        },
      }),
    );
    prev = out;
  }

  const numFeatures = prev;
  const pool = args.globalPool ?? "avg";
  const pooledFeatures = numFeatures * poolFeatMult(pool);
  let normPre: Module = stateless("Identity");
  let head: Module;
  if (a.head_norm_first) {
    normPre = timmNorm(norm2d, numFeatures);
    head = module("ClassifierHead", { children: { fc: classifier(pooledFeatures, args.numClasses, !pool) } });
  } else {
    const hidden = a.head_hidden_size ?? 0;
    const useConv = !pool;
    head = module("NormMlpClassifierHead", {
      children: {
        norm: timmNorm(norm2d, numFeatures),
        pre_logits: hidden ? module("Sequential", { children: { fc: fc(numFeatures, hidden, true, useConv) } }) : undefined,
        fc: classifier(hidden || numFeatures, args.numClasses, useConv),
      },
    });
  }

  return module("ConvNeXt", {
    children: { stem, stages: list("Sequential", ...stages), norm_pre: normPre, head },
  });
}

const V2 = { use_grn: true, ls_init_value: null } as const;
const D_ATTO = { depths: [2, 2, 6, 2], dims: [40, 80, 160, 320] } as const;
const D_FEMTO = { depths: [2, 2, 6, 2], dims: [48, 96, 192, 384] } as const;
const D_PICO = { depths: [2, 2, 6, 2], dims: [64, 128, 256, 512] } as const;
const D_NANO = { depths: [2, 2, 8, 2], dims: [80, 160, 320, 640] } as const;
const D_TINY = { depths: [3, 3, 9, 3], dims: [96, 192, 384, 768] } as const;
const D_SMALL = { depths: [3, 3, 27, 3], dims: [96, 192, 384, 768] } as const;
const D_BASE = { depths: [3, 3, 27, 3], dims: [128, 256, 512, 1024] } as const;
const D_LARGE = { depths: [3, 3, 27, 3], dims: [192, 384, 768, 1536] } as const;
const D_ZEPTO = { depths: [2, 2, 4, 2], dims: [32, 64, 128, 256] } as const;

/** timm's registered names (`@register_model` in convnext.py) and their `model_args`. */
export const CONVNEXT_MODELS: Readonly<Record<string, ConvNeXtArgs>> = {
  convnext_zepto_rms: { ...D_ZEPTO, conv_mlp: true, norm_layer: "simplenorm" },
  convnext_zepto_rms_ols: { ...D_ZEPTO, conv_mlp: true, norm_layer: "simplenorm", stem_type: "overlap_act" },
  convnext_atto: { ...D_ATTO, conv_mlp: true },
  convnext_atto_ols: { ...D_ATTO, conv_mlp: true, stem_type: "overlap_tiered" },
  convnext_atto_rms: { ...D_ATTO, conv_mlp: true, norm_layer: "rmsnorm2d" },
  convnext_femto: { ...D_FEMTO, conv_mlp: true },
  convnext_femto_ols: { ...D_FEMTO, conv_mlp: true, stem_type: "overlap_tiered" },
  convnext_pico: { ...D_PICO, conv_mlp: true },
  convnext_pico_ols: { ...D_PICO, conv_mlp: true, stem_type: "overlap_tiered" },
  convnext_nano: { ...D_NANO, conv_mlp: true },
  convnext_nano_ols: { ...D_NANO, conv_mlp: true, stem_type: "overlap" },
  convnext_tiny_hnf: { ...D_TINY, head_norm_first: true, conv_mlp: true },
  convnext_tiny: D_TINY,
  convnext_small: D_SMALL,
  convnext_base: D_BASE,
  convnext_large: D_LARGE,
  convnext_large_mlp: { ...D_LARGE, head_hidden_size: 1536 },
  convnext_xlarge: { depths: [3, 3, 27, 3], dims: [256, 512, 1024, 2048] },
  convnext_xxlarge: { depths: [3, 4, 30, 3], dims: [384, 768, 1536, 3072] },
  convnextv2_atto: { ...D_ATTO, ...V2, conv_mlp: true },
  convnextv2_femto: { ...D_FEMTO, ...V2, conv_mlp: true },
  convnextv2_pico: { ...D_PICO, ...V2, conv_mlp: true },
  convnextv2_nano: { ...D_NANO, ...V2, conv_mlp: true },
  convnextv2_tiny: { ...D_TINY, ...V2 },
  convnextv2_small: { ...D_SMALL, ...V2 },
  convnextv2_base: { ...D_BASE, ...V2 },
  convnextv2_large: { ...D_LARGE, ...V2 },
  convnextv2_huge: { depths: [3, 3, 27, 3], dims: [352, 704, 1408, 2816], ...V2 },
  test_convnext: { depths: [1, 2, 4, 2], dims: [24, 32, 48, 64] },
  test_convnext2: { depths: [1, 1, 1, 1], dims: [32, 64, 96, 128] },
  test_convnext3: { depths: [1, 1, 1, 1], dims: [32, 64, 96, 128], kernel_sizes: [7, 5, 5, 3] },
};

export const convnext: TimmFamily = {
  family: "convnext",
  source: "timm/models/convnext.py",
  names: Object.keys(CONVNEXT_MODELS),
  build: (name, args) => buildConvNeXt(withModelArgs("convnext", CONVNEXT_MODELS[name] as ConvNeXtArgs, args.extra), args),
};
