// timm/models/beit.py: Beit (BEiT v1 / v2: ViT with per-block relative position bias, q/v biases, layer-scale gammas).
import { buffer, module, repeat, type Module } from "../../modules/module.js";
import { layerNorm, linear } from "../../modules/blocks.js";
import type { TimmArgs, TimmFamily } from "../types.js";
import { mlp, swiGlu, withModelArgs } from "./layers-common.js";
import { gridSize, num, patchEmbed, posInt, resolveImg, toPair, type Pair } from "./layers-patch-embed.js";

/** `Beit.__init__` keyword arguments under their Python names. */
export interface BeitArgs {
  readonly img_size?: number | readonly number[];
  readonly patch_size?: number | readonly number[];
  readonly embed_dim?: number;
  readonly depth?: number;
  readonly num_heads?: number;
  readonly qkv_bias?: boolean;
  readonly mlp_ratio?: number;
  readonly swiglu_mlp?: boolean;
  readonly scale_mlp?: boolean;
  readonly init_values?: number | null;
  readonly use_abs_pos_emb?: boolean;
  readonly use_rel_pos_bias?: boolean;
  readonly use_shared_rel_pos_bias?: boolean;
  readonly global_pool?: string;
  /** Not a model arg: the input size of the arch's default pretrained config. */
  readonly default_img?: number;
}

/**
 * The relative-position table: one row per (2Wh-1)(2Ww-1) offset plus 3 for the class token (cls→patch,
 * patch→cls, cls→cls), and the int64 [N+1, N+1] index into it, non-persistent.
 */
function relPosParts(grid: Pair, heads: number): { table: number[]; index: ReturnType<typeof buffer> } {
  const area = grid[0] * grid[1];
  return {
    table: [(2 * grid[0] - 1) * (2 * grid[1] - 1) + 3, heads],
    index: buffer([area + 1, area + 1], "int64", false),
  };
}

/** BEiT `Attention`: a bias-free qkv Linear whose bias is q_bias, a zero k_bias buffer and v_bias. */
function beitAttention(dim: number, heads: number, qkvBias: boolean, grid: Pair | undefined): Module {
  const hd = Math.floor(dim / posInt(heads, "num_heads"));
  const all = hd * heads;
  const rel = grid && relPosParts(grid, heads);
  return module("Attention", {
    params: { q_bias: qkvBias && [all], v_bias: qkvBias && [all], relative_position_bias_table: rel && rel.table },
    buffers: { k_bias: qkvBias && buffer([all], "float32", false), relative_position_index: rel && rel.index },
    children: { qkv: linear(dim, all * 3, false), proj: linear(all, dim) },
  });
}

export function buildBeit(entry: BeitArgs, args: TimmArgs): Module {
  const a: BeitArgs = withModelArgs("beit", entry, args.extra);
  const dim = posInt(a.embed_dim ?? 768, "embed_dim");
  const depth = num(a.depth, 12, "depth", { int: true });
  const heads = a.num_heads ?? 12;
  const patch = toPair(a.patch_size ?? 16, "patch_size");
  const img = resolveImg(a.img_size, args.imgSize, a.default_img ?? 224);
  const grid = gridSize(img, patch);
  const pool = a.global_pool ?? args.globalPool ?? "avg";
  const hidden = Math.trunc(dim * num(a.mlp_ratio, 4, "mlp_ratio"));
  const norm = (d: number) => layerNorm(d);
  const mlpOpts = a.scale_mlp ? { norm } : {};
  const block = module("Block", {
    params: { gamma_1: !!a.init_values && [dim], gamma_2: !!a.init_values && [dim] },
    children: {
      norm1: layerNorm(dim),
      attn: beitAttention(dim, heads, a.qkv_bias ?? true, a.use_rel_pos_bias ? grid : undefined),
      norm2: layerNorm(dim),
      mlp: a.swiglu_mlp ? swiGlu(dim, hidden, mlpOpts) : mlp(dim, hidden, mlpOpts),
    },
  });
  const shared = a.use_shared_rel_pos_bias ? relPosParts(grid, heads) : undefined;
  // 'avg' pooling normalises after pooling (fc_norm) and drops the final norm; other pools keep `norm`.
  const fcNorm = pool === "avg";
  return module("Beit", {
    params: { cls_token: [1, 1, dim], pos_embed: (a.use_abs_pos_emb ?? true) && [1, grid[0] * grid[1] + 1, dim] },
    children: {
      patch_embed: patchEmbed(args.inChans, dim, patch),
      rel_pos_bias: shared && module("RelativePositionBias", { params: { relative_position_bias_table: shared.table }, buffers: { relative_position_index: shared.index } }),
      blocks: repeat(block, depth),
      norm: !fcNorm && layerNorm(dim),
      fc_norm: fcNorm && layerNorm(dim),
      head: args.numClasses > 0 && linear(dim, args.numClasses),
    },
  });
}

const BASE = { patch_size: 16, embed_dim: 768, depth: 12, num_heads: 12, mlp_ratio: 4, use_abs_pos_emb: false, use_rel_pos_bias: true } as const;
const LARGE = { patch_size: 16, embed_dim: 1024, depth: 24, num_heads: 16, use_abs_pos_emb: false, use_rel_pos_bias: true, init_values: 1e-5 } as const;

/** timm's registered names (`@register_model` in beit.py) and their `model_args`. */
export const BEIT_MODELS: Readonly<Record<string, BeitArgs>> = {
  beit_base_patch16_224: { ...BASE, init_values: 0.1 },
  beit_base_patch16_384: { ...BASE, img_size: 384, init_values: 0.1 },
  beit_large_patch16_224: { ...LARGE },
  beit_large_patch16_384: { ...LARGE, img_size: 384 },
  beit_large_patch16_512: { ...LARGE, img_size: 512 },
  beitv2_base_patch16_224: { ...BASE, init_values: 1e-5 },
  beitv2_large_patch16_224: { ...LARGE },
};

export const beit: TimmFamily = {
  family: "beit",
  source: "timm/models/beit.py",
  names: Object.keys(BEIT_MODELS),
  build: (name, args) => buildBeit(BEIT_MODELS[name] as BeitArgs, args),
};
