// timm/models/swin_transformer.py: SwinTransformer (Swin-T/S/B/L, patch 4, window 7 @224 or 12 @384, Swin-S3).
import { buffer, list, module, type Module } from "../../modules/module.js";
import { layerNorm, linear } from "../../modules/blocks.js";
import { InvalidConfigError } from "../../errors.js";
import type { TimmArgs, TimmFamily } from "../types.js";
import { mlp, withModelArgs } from "./layers-common.js";
import { classifierHead, gridSize, num, patchEmbed, perStage, posInt, resolveImg, toPair, type Pair } from "./layers-patch-embed.js";
import { alternatingBlocks, maskWindows, stageResolutions, windowAndShift } from "./layers-window-attention.js";

/** `SwinTransformer.__init__` keyword arguments under their Python names, so config `model_args` override them. */
export interface SwinArgs {
  readonly img_size?: number | readonly number[];
  readonly patch_size?: number;
  readonly embed_dim?: number;
  readonly depths?: readonly number[];
  readonly num_heads?: readonly number[];
  readonly head_dim?: number | readonly number[] | null;
  readonly window_size?: number | readonly (number | readonly number[])[];
  readonly always_partition?: boolean;
  readonly strict_img_size?: boolean;
  readonly mlp_ratio?: number | readonly number[];
  readonly qkv_bias?: boolean;
  readonly global_pool?: string;
  /** Not a model arg: the input size of the arch's default pretrained config (it fixes the mask and table shapes). */
  readonly default_img?: number;
}

/** timm's `to_ntuple` for `window_size`: a scalar per stage, one pair for all stages, or one entry per stage. */
export function stageWindows(v: SwinArgs["window_size"], n: number): Pair[] {
  const w = v ?? 7;
  if (typeof w === "number") return perStage(w, n, "window_size").map((x) => toPair(x, "window_size"));
  if (w.length === 2 && w.every((x) => typeof x === "number")) return Array.from({ length: n }, () => toPair(w as number[], "window_size"));
  if (w.length !== n) throw new InvalidConfigError(`swin: \`window_size\` needs ${n} entries (got ${w.length})`, "model_args.window_size");
  return w.map((x) => toPair(x, "window_size"));
}

export function intList(v: unknown, what: string): number[] {
  if (!Array.isArray(v) || !v.every((x) => Number.isInteger(x) && x >= 0)) {
    throw new InvalidConfigError(`timm: \`${what}\` must be a list of non-negative integers`, `model_args.${what}`);
  }
  return v as number[];
}

/** `WindowAttention`: a learned bias per relative offset and head, indexed through an int64 [N², N²] table. */
function windowAttention(dim: number, heads: number, headDimArg: number | undefined, win: Pair, qkvBias: boolean): Module {
  // `head_dim or dim // num_heads`: floored, and the projections are sized from heads × head_dim.
  const hd = posInt(headDimArg || Math.floor(dim / posInt(heads, "num_heads")), "head_dim");
  const attnDim = hd * heads;
  const area = win[0] * win[1];
  return module("WindowAttention", {
    params: { relative_position_bias_table: [(2 * win[0] - 1) * (2 * win[1] - 1), heads] },
    // persistent=False: kept out of checkpoints, but it is in memory.
    buffers: { relative_position_index: buffer([area, area], "int64", false) },
    children: { qkv: linear(dim, attnDim * 3, qkvBias), proj: linear(attnDim, dim) },
  });
}

export function buildSwin(entry: SwinArgs, args: TimmArgs): Module {
  const a: SwinArgs = withModelArgs("swin", entry, args.extra);
  const depths = intList(a.depths ?? [2, 2, 6, 2], "depths");
  const n = depths.length;
  const heads = intList(a.num_heads ?? [3, 6, 12, 24], "num_heads");
  if (heads.length < n) throw new InvalidConfigError(`swin: \`num_heads\` needs ${n} entries`, "model_args.num_heads");
  const embed = posInt(a.embed_dim ?? 96, "embed_dim");
  const patch = toPair(a.patch_size ?? 4, "patch_size");
  const img = resolveImg(a.img_size, args.imgSize, a.default_img ?? 224);
  const windows = stageWindows(a.window_size, n);
  // `to_ntuple`: one head width for all stages or one per stage; None (or 0) → dim // num_heads.
  const headDims = a.head_dim === undefined || a.head_dim === null ? [] : perStage(a.head_dim, n, "head_dim");
  const ratios = perStage(a.mlp_ratio ?? 4, n, "mlp_ratio").map((r) => num(r, 4, "mlp_ratio"));
  const pool = a.global_pool ?? args.globalPool ?? "avg";
  if (pool !== "" && pool !== "avg") throw new InvalidConfigError(`swin: global_pool '${pool}' is not supported ('' or 'avg')`, "global_pool");
  // A non-strict image size makes every block build its mask per forward pass instead of holding one.
  const dynamicMask = !(a.strict_img_size ?? true);
  const qkvBias = a.qkv_bias ?? true;
  const dims = Array.from({ length: n }, (_, i) => embed * 2 ** i);
  const res = stageResolutions(gridSize(img, patch), n);

  const stages = depths.map((depth, i) => {
    const dim = dims[i] as number;
    const r = res[i] as Pair;
    const win = windows[i] as Pair;
    const block = (shifted: boolean): Module => {
      const half: Pair = shifted ? [Math.floor(win[0] / 2), Math.floor(win[1] / 2)] : [0, 0];
      const ws = windowAndShift(r, win, half, a.always_partition ?? false);
      const area = ws.window[0] * ws.window[1];
      const hasMask = (ws.shift[0] > 0 || ws.shift[1] > 0) && !dynamicMask;
      return module("SwinTransformerBlock", {
        // Set from the first norm's dtype (float32); a block with no shift registers None, which is no buffer.
        buffers: { attn_mask: hasMask && buffer([maskWindows(r, ws.window, true, "swin"), area, area], "float32", false) },
        children: {
          norm1: layerNorm(dim),
          attn: windowAttention(dim, heads[i] as number, headDims[i], ws.window, qkvBias),
          norm2: layerNorm(dim),
          mlp: mlp(dim, Math.trunc(dim * (ratios[i] as number))),
        },
      });
    };
    const plain = block(false);
    const shifted = block(true);
    const same = JSON.stringify(plain) === JSON.stringify(shifted);
    return module("SwinTransformerStage", {
      children: {
        // Stage 0 keeps the patch grid (Identity); later stages merge 2×2 neighbours: norm over 4C, then project.
        downsample: i > 0 && module("PatchMerging", { children: { norm: layerNorm(4 * (dims[i - 1] as number)), reduction: linear(4 * (dims[i - 1] as number), dim, false) } }),
        blocks: alternatingBlocks("Sequential", plain, shifted, depth, same),
      },
    });
  });
  const numFeatures = embed * 2 ** (n - 1);
  return module("SwinTransformer", {
    children: {
      patch_embed: patchEmbed(args.inChans, embed, patch, { norm: true }),
      layers: list("Sequential", ...stages),
      norm: layerNorm(numFeatures),
      head: classifierHead(numFeatures, args.numClasses, pool),
    },
  });
}

/** timm's registered names (`@register_model` in swin_transformer.py), their `model_args` and default input size. */
export const SWIN_MODELS: Readonly<Record<string, SwinArgs>> = {
  swin_tiny_patch4_window7_224: { patch_size: 4, window_size: 7, embed_dim: 96, depths: [2, 2, 6, 2], num_heads: [3, 6, 12, 24] },
  swin_small_patch4_window7_224: { patch_size: 4, window_size: 7, embed_dim: 96, depths: [2, 2, 18, 2], num_heads: [3, 6, 12, 24] },
  swin_base_patch4_window7_224: { patch_size: 4, window_size: 7, embed_dim: 128, depths: [2, 2, 18, 2], num_heads: [4, 8, 16, 32] },
  swin_base_patch4_window12_384: { default_img: 384, patch_size: 4, window_size: 12, embed_dim: 128, depths: [2, 2, 18, 2], num_heads: [4, 8, 16, 32] },
  swin_large_patch4_window7_224: { patch_size: 4, window_size: 7, embed_dim: 192, depths: [2, 2, 18, 2], num_heads: [6, 12, 24, 48] },
  swin_large_patch4_window12_384: { default_img: 384, patch_size: 4, window_size: 12, embed_dim: 192, depths: [2, 2, 18, 2], num_heads: [6, 12, 24, 48] },
  swin_s3_tiny_224: { patch_size: 4, window_size: [7, 7, 14, 7], embed_dim: 96, depths: [2, 2, 6, 2], num_heads: [3, 6, 12, 24] },
  swin_s3_small_224: { patch_size: 4, window_size: [14, 14, 14, 7], embed_dim: 96, depths: [2, 2, 18, 2], num_heads: [3, 6, 12, 24] },
  swin_s3_base_224: { patch_size: 4, window_size: [7, 7, 14, 7], embed_dim: 96, depths: [2, 2, 30, 2], num_heads: [3, 6, 12, 24] },
};

export const swinTransformer: TimmFamily = {
  family: "swin_transformer",
  source: "timm/models/swin_transformer.py",
  names: Object.keys(SWIN_MODELS),
  build: (name, args) => buildSwin(SWIN_MODELS[name] as SwinArgs, args),
};
