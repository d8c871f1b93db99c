// timm/models/swin_transformer_v2.py: SwinTransformerV2 (cosine attention, log-spaced continuous position bias MLP).
import { buffer, list, module, stateless, type Module } from "../../modules/module.js";
import { layerNorm, linear } from "../../modules/blocks.js";
import { InvalidConfigError } from "../../errors.js";
import type { TimmArgs, TimmFamily } from "../types.js";
import { mlp, withModelArgs } from "./layers-common.js";
import { classifierHead, gridSize, num, patchEmbed, perStage, posInt, resolveImg, toPair, type Pair } from "./layers-patch-embed.js";
import { alternatingBlocks, maskWindows, stageResolutions, windowAndShift } from "./layers-window-attention.js";
import { intList } from "./swin-transformer.js";

/** `SwinTransformerV2.__init__` keyword arguments under their Python names. */
export interface SwinV2Args {
  readonly img_size?: number | readonly number[];
  readonly patch_size?: number;
  readonly embed_dim?: number;
  readonly depths?: readonly number[];
  readonly num_heads?: readonly number[];
  readonly window_size?: number | readonly number[];
  readonly always_partition?: boolean;
  readonly strict_img_size?: boolean;
  readonly mlp_ratio?: number;
  readonly qkv_bias?: boolean;
  readonly global_pool?: string;
  readonly pretrained_window_sizes?: readonly number[];
  /** Not a model arg: the input size of the arch's default pretrained config. */
  readonly default_img?: number;
}

/**
 * V2 `WindowAttention`: a learned per-head logit scale, a small MLP (2 → 512 → heads) mapping relative
 * coordinates to biases, and q/v biases with a zero k bias kept as a buffer. The coordinate table (float32) and
 * the index (int64) are non-persistent buffers sized by the window.
 */
function windowAttentionV2(dim: number, heads: number, win: Pair, qkvBias: boolean): Module {
  const area = win[0] * win[1];
  return module("WindowAttention", {
    params: { logit_scale: [heads, 1, 1], q_bias: qkvBias && [dim], v_bias: qkvBias && [dim] },
    buffers: {
      k_bias: qkvBias && buffer([dim], "float32", false),
      relative_coords_table: buffer([1, 2 * win[0] - 1, 2 * win[1] - 1, 2], "float32", false),
      relative_position_index: buffer([area, area], "int64", false),
    },
    children: {
      // A Sequential keeps its ReLU at index 1.
      cpb_mlp: list("Sequential", linear(2, 512), stateless("ReLU"), linear(512, heads, false)),
      qkv: linear(dim, dim * 3, false),
      proj: linear(dim, dim),
    },
  });
}

export function buildSwinV2(entry: SwinV2Args, args: TimmArgs): Module {
  const a: SwinV2Args = withModelArgs("swinv2", entry, args.extra);
  const depths = intList(a.depths ?? [2, 2, 6, 2], "depths");
  const n = depths.length;
  const heads = intList(a.num_heads ?? [3, 6, 12, 24], "num_heads");
  if (heads.length < n) throw new InvalidConfigError(`swinv2: \`num_heads\` needs ${n} entries`, "model_args.num_heads");
  const embed = posInt(a.embed_dim ?? 96, "embed_dim");
  const patch = toPair(a.patch_size ?? 4, "patch_size");
  const img = resolveImg(a.img_size, args.imgSize, a.default_img ?? 256);
  // Every stage gets the same window (to_2tuple of the one value); pretrained sizes only rescale coordinates.
  const win = toPair(a.window_size ?? 7, "window_size");
  if (a.pretrained_window_sizes !== undefined) perStage(a.pretrained_window_sizes as number[], n, "pretrained_window_sizes");
  const ratio = num(a.mlp_ratio, 4, "mlp_ratio");
  const pool = a.global_pool ?? args.globalPool ?? "avg";
  if (pool !== "" && pool !== "avg") throw new InvalidConfigError(`swinv2: global_pool '${pool}' is not supported ('' or 'avg')`, "global_pool");
  const dynamicMask = !(a.strict_img_size ?? true);
  const qkvBias = a.qkv_bias ?? true;
  const dims = Array.from({ length: n }, (_, i) => embed * 2 ** i);
  const res = stageResolutions(gridSize(img, patch), n);

  const stages = depths.map((depth, i) => {
    const dim = dims[i] as number;
    const r = res[i] as Pair;
    const hd = heads[i] as number;
    posInt(hd, "num_heads");
    const block = (shifted: boolean): Module => {
      const half: Pair = shifted ? [Math.floor(win[0] / 2), Math.floor(win[1] / 2)] : [0, 0];
      const ws = windowAndShift(r, win, half, a.always_partition ?? false);
      const area = ws.window[0] * ws.window[1];
      const hasMask = (ws.shift[0] > 0 || ws.shift[1] > 0) && !dynamicMask;
      // Post-norm residuals: attn, norm1, mlp, norm2 (registration order).
      return module("SwinTransformerV2Block", {
        buffers: { attn_mask: hasMask && buffer([maskWindows(r, ws.window, false, "swinv2"), area, area], "float32", false) },
        children: {
          attn: windowAttentionV2(dim, hd, ws.window, qkvBias),
          norm1: layerNorm(dim),
          mlp: mlp(dim, Math.trunc(dim * ratio)),
          norm2: layerNorm(dim),
        },
      });
    };
    const plain = block(false);
    const shifted = block(true);
    const same = JSON.stringify(plain) === JSON.stringify(shifted);
    const inDim = i > 0 ? (dims[i - 1] as number) : dim;
    return module("SwinTransformerV2Stage", {
      children: {
        // V2 merging projects first, then normalises the (narrower) output.
        downsample: i > 0 && module("PatchMerging", { children: { reduction: linear(4 * inDim, dim, false), norm: layerNorm(dim) } }),
        blocks: alternatingBlocks("ModuleList", plain, shifted, depth, same),
      },
    });
  });
  const numFeatures = embed * 2 ** (n - 1);
  return module("SwinTransformerV2", {
    children: {
      patch_embed: patchEmbed(args.inChans, embed, patch, { norm: true }),
      layers: list("Sequential", ...stages),
      norm: layerNorm(numFeatures),
      head: classifierHead(numFeatures, args.numClasses, pool),
    },
  });
}

const T = { embed_dim: 96, depths: [2, 2, 6, 2], num_heads: [3, 6, 12, 24] } as const;
const S = { embed_dim: 96, depths: [2, 2, 18, 2], num_heads: [3, 6, 12, 24] } as const;
const B = { embed_dim: 128, depths: [2, 2, 18, 2], num_heads: [4, 8, 16, 32] } as const;
const L = { embed_dim: 192, depths: [2, 2, 18, 2], num_heads: [6, 12, 24, 48] } as const;
const PRE = [12, 12, 12, 6] as const;

/** timm's registered names (`@register_model` in swin_transformer_v2.py) with their default pretrained input size. */
export const SWINV2_MODELS: Readonly<Record<string, SwinV2Args>> = {
  swinv2_tiny_window16_256: { ...T, window_size: 16 },
  swinv2_tiny_window8_256: { ...T, window_size: 8 },
  swinv2_small_window16_256: { ...S, window_size: 16 },
  swinv2_small_window8_256: { ...S, window_size: 8 },
  swinv2_base_window16_256: { ...B, window_size: 16 },
  swinv2_base_window8_256: { ...B, window_size: 8 },
  swinv2_base_window12_192: { ...B, window_size: 12, default_img: 192 },
  swinv2_base_window12to16_192to256: { ...B, window_size: 16, pretrained_window_sizes: PRE },
  swinv2_base_window12to24_192to384: { ...B, window_size: 24, pretrained_window_sizes: PRE, default_img: 384 },
  swinv2_large_window12_192: { ...L, window_size: 12, default_img: 192 },
  swinv2_large_window12to16_192to256: { ...L, window_size: 16, pretrained_window_sizes: PRE },
  swinv2_large_window12to24_192to384: { ...L, window_size: 24, pretrained_window_sizes: PRE, default_img: 384 },
};

export const swinTransformerV2: TimmFamily = {
  family: "swin_transformer_v2",
  source: "timm/models/swin_transformer_v2.py",
  names: Object.keys(SWINV2_MODELS),
  build: (name, args) => buildSwinV2(SWINV2_MODELS[name] as SwinV2Args, args),
};
