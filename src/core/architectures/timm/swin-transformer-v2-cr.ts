// timm/models/swin_transformer_v2_cr.py: SwinTransformerV2Cr (Christoph Reich's Swin V2: log-spaced coordinate
// meta-MLP, post-norm blocks, extra main-branch norms, no final norm).
import { buffer, checkIndexedLayers, list, module, type Module } from "../../modules/module.js";
import { layerNorm, linear } from "../../modules/blocks.js";
import { InvalidConfigError } from "../../errors.js";
import type { TimmArgs, TimmFamily } from "../types.js";
import { mlp, withModelArgs } from "./layers-common.js";
import { classifierHead, gridSize, num, patchEmbed, posInt, resolveImg, toPair, type Pair } from "./layers-patch-embed.js";
import { maskWindows, stageResolutions, windowAndShift } from "./layers-window-attention.js";
import { intList } from "./swin-transformer.js";

/** `SwinTransformerV2Cr.__init__` keyword arguments under their Python names. */
export interface SwinV2CrArgs {
  readonly img_size?: number | readonly number[];
  readonly patch_size?: number;
  readonly window_size?: number | readonly number[] | null;
  readonly window_ratio?: number;
  readonly always_partition?: boolean;
  readonly strict_img_size?: boolean;
  readonly embed_dim?: number;
  readonly depths?: readonly number[];
  readonly num_heads?: readonly number[];
  readonly mlp_ratio?: number;
  readonly extra_norm_period?: number;
  readonly extra_norm_stage?: boolean;
  readonly global_pool?: string;
  /** Not a model arg: the input size of the arch's default pretrained config. */
  readonly default_img?: number;
}

/**
 * `WindowMultiHeadAttention`: qkv and proj with biases, a meta MLP (2 → 384 → heads) over log-spaced relative
 * coordinates, a per-head logit scale; the coordinates ([area², 2] float32) are a non-persistent buffer.
 */
function windowMha(dim: number, heads: number, win: Pair): Module {
  if (dim % heads !== 0) throw new InvalidConfigError(`swinv2_cr: width ${dim} is not divisible by num_heads ${heads}`, "model_args.num_heads");
  const area = win[0] * win[1];
  return module("WindowMultiHeadAttention", {
    params: { logit_scale: [heads] },
    buffers: { relative_coordinates_log: buffer([area * area, 2], "float32", false) },
    children: { qkv: linear(dim, dim * 3), proj: linear(dim, dim), meta_mlp: mlp(2, 384, { out: heads }) },
  });
}

export function buildSwinV2Cr(entry: SwinV2CrArgs, args: TimmArgs): Module {
  const a: SwinV2CrArgs = withModelArgs("swinv2_cr", entry, args.extra);
  const depths = intList(a.depths ?? [2, 2, 6, 2], "depths");
  const heads = intList(a.num_heads ?? [3, 6, 12, 24], "num_heads");
  // zip(depths, num_heads): the shorter list decides the stage count.
  const n = Math.min(depths.length, heads.length);
  const embed = posInt(a.embed_dim ?? 96, "embed_dim");
  const patch = toPair(a.patch_size ?? 4, "patch_size");
  const img = resolveImg(a.img_size, args.imgSize, a.default_img ?? 224);
  const grid = gridSize(img, patch);
  // No window given: the patch grid over `window_ratio` (224 → 56 / 8 = 7).
  const ratio = num(a.window_ratio, 8, "window_ratio", { int: true, positive: true });
  const win: Pair = a.window_size === undefined || a.window_size === null
    ? toPair([Math.floor(grid[0] / ratio), Math.floor(grid[1] / ratio)], "window_size")
    : toPair(a.window_size, "window_size");
  const pool = a.global_pool ?? args.globalPool ?? "avg";
  const dynamicMask = !(a.strict_img_size ?? true);
  const period = num(a.extra_norm_period, 0, "extra_norm_period", { int: true });
  const mlpRatio = num(a.mlp_ratio, 4, "mlp_ratio");
  const res = stageResolutions(grid, n);

  const stages = Array.from({ length: n }, (_, i) => {
    const dim = embed * 2 ** i;
    const r = res[i] as Pair;
    const depth = depths[i] as number;
    const h = posInt(heads[i] as number, "num_heads");
    // The last stage always ends with a norm on the main branch; huge/giant add one every `period` blocks.
    const stageNorm = (a.extra_norm_stage ?? false) || i + 1 === n;
    const extraNorm = (index: number) => (period > 0 && (index + 1) % period === 0) || (stageNorm && index + 1 === depth);
    const block = (index: number): Module => {
      const half: Pair = index % 2 === 1 ? [Math.floor(win[0] / 2), Math.floor(win[1] / 2)] : [0, 0];
      const ws = windowAndShift(r, win, half, a.always_partition ?? false);
      const area = ws.window[0] * ws.window[1];
      const hasMask = (ws.shift[0] > 0 || ws.shift[1] > 0) && !dynamicMask;
      return module("SwinTransformerV2CrBlock", {
        buffers: { attn_mask: hasMask && buffer([maskWindows(r, ws.window, false, "swinv2_cr"), area, area], "float32", false) },
        children: {
          attn: windowMha(dim, h, ws.window),
          norm1: layerNorm(dim),
          mlp: mlp(dim, Math.trunc(dim * mlpRatio)),
          norm2: layerNorm(dim),
          norm3: extraNorm(index) && layerNorm(dim),
        },
      });
    };
    checkIndexedLayers(depth, "swinv2_cr blocks");
    return module("SwinTransformerV2CrStage", {
      children: {
        downsample: i > 0 && module("PatchMerging", { children: { norm: layerNorm(2 * dim), reduction: linear(2 * dim, dim, false) } }),
        blocks: list("Sequential", ...Array.from({ length: depth }, (_, index) => block(index))),
      },
    });
  });
  const numFeatures = embed * 2 ** (depths.length - 1);
  return module("SwinTransformerV2Cr", {
    children: {
      patch_embed: patchEmbed(args.inChans, embed, patch, { norm: true }),
      stages: list("Sequential", ...stages),
      head: classifierHead(numFeatures, args.numClasses, pool),
    },
  });
}

const T = { embed_dim: 96, depths: [2, 2, 6, 2], num_heads: [3, 6, 12, 24] } as const;
const S = { embed_dim: 96, depths: [2, 2, 18, 2], num_heads: [3, 6, 12, 24] } as const;
const B = { embed_dim: 128, depths: [2, 2, 18, 2], num_heads: [4, 8, 16, 32] } as const;
const L = { embed_dim: 192, depths: [2, 2, 18, 2], num_heads: [6, 12, 24, 48] } as const;
const G = { embed_dim: 512, depths: [2, 2, 42, 2], num_heads: [16, 32, 64, 128], extra_norm_period: 6 } as const;

/** timm's registered names (`@register_model` in swin_transformer_v2_cr.py) with their default input size. */
export const SWINV2_CR_MODELS: Readonly<Record<string, SwinV2CrArgs>> = {
  swinv2_cr_tiny_384: { ...T, default_img: 384 },
  swinv2_cr_tiny_224: { ...T },
  swinv2_cr_tiny_ns_224: { ...T, extra_norm_stage: true },
  swinv2_cr_small_384: { ...S, default_img: 384 },
  swinv2_cr_small_224: { ...S },
  swinv2_cr_small_ns_224: { ...S, extra_norm_stage: true },
  swinv2_cr_small_ns_256: { ...S, extra_norm_stage: true, default_img: 256 },
  swinv2_cr_base_384: { ...B, default_img: 384 },
  swinv2_cr_base_224: { ...B },
  swinv2_cr_base_ns_224: { ...B, extra_norm_stage: true },
  swinv2_cr_large_384: { ...L, default_img: 384 },
  swinv2_cr_large_224: { ...L },
  swinv2_cr_huge_384: { embed_dim: 352, depths: [2, 2, 18, 2], num_heads: [11, 22, 44, 88], extra_norm_period: 6, default_img: 384 },
  swinv2_cr_huge_224: { embed_dim: 352, depths: [2, 2, 18, 2], num_heads: [8, 16, 32, 64], extra_norm_period: 6 },
  swinv2_cr_giant_384: { ...G, default_img: 384 },
  swinv2_cr_giant_224: { ...G },
};

export const swinTransformerV2Cr: TimmFamily = {
  family: "swin_transformer_v2_cr",
  source: "timm/models/swin_transformer_v2_cr.py",
  names: Object.keys(SWINV2_CR_MODELS),
  build: (name, args) => buildSwinV2Cr(SWINV2_CR_MODELS[name] as SwinV2CrArgs, args),
};
