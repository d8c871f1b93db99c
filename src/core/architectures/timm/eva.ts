// timm/models/eva.py: Eva (EVA, EVA-02 with rotary position embedding + SwiGLU, EVA-CLIP towers, timm's ROPE
// ViTs with registers, Naver's ROPE-ViT, Meta's Perception Encoder and DINOv3).
import { buffer, module, repeat, type Module } from "../../modules/module.js";
import { layerNorm, linear } from "../../modules/blocks.js";
import { InvalidConfigError } from "../../errors.js";
import type { TimmArgs, TimmFamily } from "../types.js";
import { gluMlp, mlp, swiGlu, withModelArgs } from "./layers-common.js";
import { gridSize, num, patchEmbed, posInt, resolveImg, toPair, type Pair } from "./layers-patch-embed.js";

/** `Eva.__init__` keyword arguments under their Python names. */
export interface EvaArgs {
  readonly img_size?: number | readonly number[];
  readonly patch_size?: number | readonly number[];
  readonly embed_dim?: number;
  readonly depth?: number;
  readonly num_heads?: number;
  readonly qkv_bias?: boolean;
  readonly qkv_fused?: boolean;
  readonly mlp_ratio?: number;
  readonly swiglu_mlp?: boolean;
  readonly swiglu_align_to?: number;
  readonly scale_mlp?: boolean;
  readonly scale_attn_inner?: boolean;
  readonly attn_type?: string;
  readonly init_values?: number | null;
  readonly class_token?: boolean;
  readonly num_reg_tokens?: number;
  readonly no_embed_class?: boolean;
  readonly use_abs_pos_emb?: boolean;
  readonly use_rot_pos_emb?: boolean;
  readonly rope_type?: string | null;
  readonly use_post_norm?: boolean;
  readonly use_pre_transformer_norm?: boolean;
  readonly use_post_transformer_norm?: boolean | null;
  readonly use_fc_norm?: boolean | null;
  readonly dynamic_img_size?: boolean;
  readonly ref_feat_shape?: number | readonly number[] | null;
  readonly global_pool?: string;
  readonly attn_pool_num_heads?: number | null;
  readonly attn_pool_mlp_ratio?: number | null;
  /** Not a model arg: the input size of the arch's default pretrained config. */
  readonly default_img?: number;
}

/**
 * `EvaAttention`. Fused: a bias-free qkv Linear whose bias is assembled from q_bias, a zero k_bias buffer and
 * v_bias. Unfused (EVA-02 B/L): q/v projections with bias, k without. `norm` is the optional inner scale norm.
 */
function evaAttention(dim: number, heads: number, a: EvaArgs): Module {
  const hd = Math.floor(dim / posInt(heads, "num_heads"));
  const attnDim = hd * heads;
  const bias = a.qkv_bias ?? true;
  const fused = a.qkv_fused ?? true;
  return module("EvaAttention", {
    params: { q_bias: fused && bias && [attnDim], v_bias: fused && bias && [attnDim] },
    buffers: { k_bias: fused && bias && buffer([attnDim], "float32", false) },
    children: {
      qkv: fused && linear(dim, attnDim * 3, false),
      q_proj: !fused && linear(dim, attnDim, bias),
      k_proj: !fused && linear(dim, attnDim, false),
      v_proj: !fused && linear(dim, attnDim, bias),
      norm: (a.scale_attn_inner ?? false) && layerNorm(attnDim),
      proj: linear(attnDim, dim),
    },
  });
}

/**
 * The MLP. SwiGLU with split fc1 when the inner norm (or alignment) is asked for, else the packed GluMlp at twice
 * the hidden width (so fc2 reads the same width); a plain GELU Mlp otherwise.
 */
function evaMlp(dim: number, a: EvaArgs, postNorm: boolean): Module {
  const hidden = Math.trunc(dim * num(a.mlp_ratio, 4, "mlp_ratio"));
  const norm = a.scale_mlp ? { norm: (d: number) => layerNorm(d) } : {};
  if (!a.swiglu_mlp) return mlp(dim, hidden, norm);
  const align = num(a.swiglu_align_to, 0, "swiglu_align_to", { int: true });
  // The post-norm block ignores `swiglu_align_to` when choosing, but SwiGLU still applies it.
  if (a.scale_mlp || (!postNorm && align)) return swiGlu(dim, align ? hidden + ((align - (hidden % align)) % align) : hidden, norm);
  return gluMlp(dim, hidden * 2, norm);
}

/**
 * timm/layers/attention.py `AttentionRope` (`attn_type='rope'`): the qkv bias lives in the Linear itself (fused),
 * or every split projection carries it; no k-bias buffer.
 */
function ropeAttention(dim: number, heads: number, a: EvaArgs): Module {
  const hd = Math.floor(dim / posInt(heads, "num_heads"));
  if (hd * heads !== dim) throw new InvalidConfigError(`eva: embed_dim ${dim} is not divisible by num_heads ${heads}`, "model_args.num_heads");
  const bias = a.qkv_bias ?? true;
  const fused = a.qkv_fused ?? true;
  return module("AttentionRope", {
    children: {
      qkv: fused && linear(dim, dim * 3, bias),
      q_proj: !fused && linear(dim, dim, bias),
      k_proj: !fused && linear(dim, dim, bias),
      v_proj: !fused && linear(dim, dim, bias),
      norm: (a.scale_attn_inner ?? false) && layerNorm(dim),
      proj: linear(dim, dim),
    },
  });
}

/**
 * timm/layers/attention_pool.py `AttentionPoolLatent` ('map' pooling): a learned latent query attends over the
 * tokens (q, kv, proj with biases), then a norm and a GELU MLP.
 */
function attentionPoolLatent(dim: number, heads: number, mlpRatio: number): Module {
  if (dim % posInt(heads, "attn_pool_num_heads") !== 0) throw new InvalidConfigError(`eva: embed_dim ${dim} is not divisible by attn_pool_num_heads ${heads}`, "model_args.attn_pool_num_heads");
  return module("AttentionPoolLatent", {
    params: { latent: [1, 1, dim] },
    children: { q: linear(dim, dim), kv: linear(dim, 2 * dim), proj: linear(dim, dim), norm: layerNorm(dim), mlp: mlp(dim, Math.trunc(dim * mlpRatio)) },
  });
}

export function buildEva(entry: EvaArgs, args: TimmArgs): Module {
  const a: EvaArgs = withModelArgs("eva", entry, args.extra);
  const dim = posInt(a.embed_dim ?? 768, "embed_dim");
  const depth = num(a.depth, 12, "depth", { int: true });
  const heads = posInt(a.num_heads ?? 12, "num_heads");
  const patch = toPair(a.patch_size ?? 16, "patch_size");
  const img = resolveImg(a.img_size, args.imgSize, a.default_img ?? 224);
  const grid: Pair = gridSize(img, patch);
  const pool = a.global_pool ?? args.globalPool ?? "avg";
  if (!["", "avg", "avgmax", "max", "token", "map"].includes(pool)) throw new InvalidConfigError(`eva: global_pool '${pool}' is not supported`, "global_pool");
  const attnType = a.attn_type ?? "eva";
  if (attnType !== "eva" && attnType !== "rope") throw new InvalidConfigError(`eva: attn_type '${attnType}' is not supported yet`, "model_args.attn_type");
  const classToken = a.class_token ?? true;
  const reg = num(a.num_reg_tokens, 0, "num_reg_tokens", { int: true });
  const prefix = (classToken ? 1 : 0) + reg;
  const patches = grid[0] * grid[1];
  const fcNorm = a.use_fc_norm ?? pool === "avg";
  const postNorm = a.use_post_transformer_norm ?? !fcNorm;
  const preNorm = a.use_pre_transformer_norm ?? false;

  let rope: Module | undefined;
  if (a.use_rot_pos_emb) {
    const ropeType = a.rope_type ?? "cat";
    const hd = Math.floor(dim / heads);
    if (ropeType === "cat") {
      // RotaryEmbeddingCat works per head: with a fixed grid it caches sin‖cos for every position
      // ([H·W, 2·head_dim]); with a dynamic size only the head_dim/4 frequency bands. Both non-persistent float32.
      rope = module("RotaryEmbeddingCat", {
        buffers: a.dynamic_img_size
          ? { bands: buffer([Math.floor(hd / 4)], "float32", false) }
          : { pos_embed: buffer([patches, hd * 2], "float32", false) },
      });
    } else if (ropeType === "mixed") {
      // RotaryEmbeddingMixed: learnable frequencies per (axis, block, head), [2, depth, heads, head_dim/2];
      // with a fixed grid, the x and y coordinates of every position as float32 buffers.
      if (hd % 4 !== 0) throw new InvalidConfigError(`eva: mixed rope needs head_dim divisible by 4 (got ${hd})`, "model_args.num_heads");
      rope = module("RotaryEmbeddingMixed", {
        params: { freqs: [2, depth, heads, hd / 2] },
        buffers: { t_x: !a.dynamic_img_size && buffer([patches], "float32", false), t_y: !a.dynamic_img_size && buffer([patches], "float32", false) },
      });
    } else if (ropeType === "dinov3") {
      // RotaryEmbeddingDinoV3: head_dim/4 periods, plus the sin‖cos cache [H·W, 2·head_dim] when the grid is fixed.
      rope = module("RotaryEmbeddingDinoV3", {
        buffers: {
          periods: buffer([Math.floor(hd / 4)], "float32", false),
          pos_embed_cached: !a.dynamic_img_size && buffer([patches, hd * 2], "float32", false),
        },
      });
    } else {
      throw new InvalidConfigError(`eva: rope_type '${ropeType}' is not supported yet`, "model_args.rope_type");
    }
  }

  const attn = attnType === "rope" ? ropeAttention(dim, heads, a) : evaAttention(dim, heads, a);
  const ls = a.init_values !== undefined && a.init_values !== null;
  const block = a.use_post_norm
    ? // Post-norm: each branch is normalised after it runs; layer scale is ignored.
      module("EvaBlockPostNorm", { children: { attn, norm1: layerNorm(dim), mlp: evaMlp(dim, a, true), norm2: layerNorm(dim) } })
    : module("EvaBlock", {
        params: { gamma_1: ls && [dim], gamma_2: ls && [dim] },
        children: { norm1: layerNorm(dim), attn, norm2: layerNorm(dim), mlp: evaMlp(dim, a, false) },
      });

  return module("Eva", {
    params: {
      cls_token: classToken && [1, 1, dim],
      reg_token: reg > 0 && [1, reg, dim],
      pos_embed: (a.use_abs_pos_emb ?? true) && [1, a.no_embed_class ? patches : patches + prefix, dim],
    },
    children: {
      // A pre-transformer norm replaces the patch projection's bias.
      patch_embed: patchEmbed(args.inChans, dim, patch, { bias: !preNorm }),
      rope,
      norm_pre: preNorm && layerNorm(dim),
      blocks: repeat(block, depth),
      norm: postNorm && layerNorm(dim),
      attn_pool: pool === "map" && attentionPoolLatent(dim, a.attn_pool_num_heads || heads, num(a.attn_pool_mlp_ratio || a.mlp_ratio, 4, "attn_pool_mlp_ratio")),
      fc_norm: fcNorm && layerNorm(dim),
      head: args.numClasses > 0 && linear(dim, args.numClasses),
    },
  });
}

const E02 = { patch_size: 14, mlp_ratio: (4 * 2) / 3, swiglu_mlp: true, use_rot_pos_emb: true, ref_feat_shape: [16, 16] } as const;
const E02_TI = { ...E02, embed_dim: 192, depth: 12, num_heads: 3 } as const;
const E02_S = { ...E02, embed_dim: 384, depth: 12, num_heads: 6 } as const;
const E02_B = { ...E02, embed_dim: 768, depth: 12, num_heads: 12, qkv_fused: false, scale_mlp: true } as const;
const E02_L = { ...E02, embed_dim: 1024, depth: 24, num_heads: 16, qkv_fused: false, scale_mlp: true } as const;
const GIANT = { patch_size: 14, embed_dim: 1408, depth: 40, num_heads: 16, mlp_ratio: 6144 / 1408 } as const;
const ROPE_REG = { img_size: 256, patch_size: 16, qkv_fused: true, init_values: 1e-5, class_token: false, use_rot_pos_emb: true, use_abs_pos_emb: false, ref_feat_shape: [16, 16] } as const;

/** timm's registered names (`@register_model` in eva.py) and their `model_args`; `default_img` where none is passed. */
export const EVA_MODELS: Readonly<Record<string, EvaArgs>> = {
  eva_giant_patch14_224: { ...GIANT },
  eva_giant_patch14_336: { ...GIANT, default_img: 336 },
  eva_giant_patch14_560: { ...GIANT, default_img: 560 },
  eva02_tiny_patch14_224: { ...E02_TI, img_size: 224 },
  eva02_small_patch14_224: { ...E02_S, img_size: 224 },
  eva02_base_patch14_224: { ...E02_B, img_size: 224 },
  eva02_large_patch14_224: { ...E02_L, img_size: 224 },
  eva02_tiny_patch14_336: { ...E02_TI, img_size: 336 },
  eva02_small_patch14_336: { ...E02_S, img_size: 336 },
  eva02_base_patch14_448: { ...E02_B, img_size: 448 },
  eva02_large_patch14_448: { ...E02_L, img_size: 448 },
  eva_giant_patch14_clip_224: { ...GIANT, global_pool: "token" },
  eva02_base_patch16_clip_224: { ...E02_B, img_size: 224, patch_size: 16, scale_attn_inner: true, global_pool: "token" },
  eva02_large_patch14_clip_224: { ...E02_L, img_size: 224, scale_attn_inner: true, global_pool: "token" },
  eva02_large_patch14_clip_336: { ...E02_L, img_size: 336, scale_attn_inner: true, global_pool: "token" },
  eva02_enormous_patch14_clip_224: { img_size: 224, patch_size: 14, embed_dim: 1792, depth: 64, num_heads: 16, mlp_ratio: 15360 / 1792, use_post_norm: true, global_pool: "token" },
  vit_medium_patch16_rope_reg1_gap_256: { ...ROPE_REG, embed_dim: 512, depth: 12, num_heads: 8, qkv_bias: true, num_reg_tokens: 1 },
  vit_mediumd_patch16_rope_reg1_gap_256: { ...ROPE_REG, embed_dim: 512, depth: 20, num_heads: 8, qkv_bias: false, num_reg_tokens: 1 },
  vit_betwixt_patch16_rope_reg4_gap_256: { ...ROPE_REG, embed_dim: 640, depth: 12, num_heads: 10, qkv_bias: true, num_reg_tokens: 4 },
  vit_base_patch16_rope_reg1_gap_256: { ...ROPE_REG, embed_dim: 768, depth: 12, num_heads: 12, qkv_bias: true, num_reg_tokens: 1 },
  ...ropeVits(),
  ...perceptionEncoders(),
  ...dinov3(),
};

/** Meta's Perception Encoder towers: pre-norm, bias-free patch conv, axial rope (grid offset 1), 'map' or no pool. */
function perceptionEncoders(): Record<string, EvaArgs> {
  const pe: EvaArgs = { attn_type: "rope", use_pre_transformer_norm: true, use_rot_pos_emb: true };
  const core: EvaArgs = { ...pe, mlp_ratio: 4, global_pool: "map", attn_pool_num_heads: 8, attn_pool_mlp_ratio: 4 };
  const unpooled: EvaArgs = { ...pe, use_post_transformer_norm: false, use_fc_norm: false };
  const giant = { embed_dim: 1536, num_heads: 16, mlp_ratio: 8960 / 1536, class_token: false } as const;
  return {
    vit_pe_core_tiny_patch16_384: { ...core, default_img: 384, patch_size: 16, embed_dim: 192, depth: 12, num_heads: 3 },
    vit_pe_core_small_patch16_384: { ...core, default_img: 384, patch_size: 16, embed_dim: 384, depth: 12, num_heads: 6 },
    vit_pe_core_base_patch16_224: { ...core, patch_size: 16, embed_dim: 768, depth: 12, num_heads: 12 },
    vit_pe_core_large_patch14_336: { ...core, default_img: 336, patch_size: 14, embed_dim: 1024, depth: 24, num_heads: 16 },
    vit_pe_core_gigantic_patch14_448: { ...core, default_img: 448, patch_size: 14, depth: 50, ...giant },
    vit_pe_lang_large_patch14_448: { ...unpooled, default_img: 448, patch_size: 14, embed_dim: 1024, depth: 23, num_heads: 16, mlp_ratio: 4, class_token: true, init_values: 0.1 },
    vit_pe_lang_gigantic_patch14_448: { ...unpooled, default_img: 448, patch_size: 14, depth: 47, ...giant, init_values: 0.1 },
    vit_pe_spatial_tiny_patch16_512: { ...unpooled, default_img: 512, patch_size: 16, embed_dim: 192, depth: 12, num_heads: 3, mlp_ratio: 4 },
    vit_pe_spatial_small_patch16_512: { ...unpooled, default_img: 512, patch_size: 16, embed_dim: 384, depth: 12, num_heads: 6, mlp_ratio: 4 },
    vit_pe_spatial_base_patch16_512: { ...unpooled, default_img: 512, patch_size: 16, embed_dim: 768, depth: 12, num_heads: 12, mlp_ratio: 4 },
    vit_pe_spatial_large_patch14_448: { ...unpooled, default_img: 448, patch_size: 14, embed_dim: 1024, depth: 24, num_heads: 16, mlp_ratio: 4 },
    vit_pe_spatial_gigantic_patch14_448: { ...unpooled, default_img: 448, patch_size: 14, depth: 50, ...giant, init_values: 0.1 },
  };
}

/** DINOv3 ViTs: dynamic image size (so only the rope periods are held), 4 registers, layer scale, final norm. */
function dinov3(): Record<string, EvaArgs> {
  const d: EvaArgs = { patch_size: 16, dynamic_img_size: true, init_values: 1e-5, rope_type: "dinov3", use_rot_pos_emb: true, use_abs_pos_emb: false, num_reg_tokens: 4, use_fc_norm: false };
  const sizes: Record<string, EvaArgs> = {
    small: { embed_dim: 384, depth: 12, num_heads: 6 },
    small_plus: { embed_dim: 384, depth: 12, num_heads: 6, swiglu_mlp: true, swiglu_align_to: 8 },
    base: { embed_dim: 768, depth: 12, num_heads: 12 },
    large: { embed_dim: 1024, depth: 24, num_heads: 16 },
    huge_plus: { embed_dim: 1280, depth: 32, num_heads: 20, swiglu_mlp: true, swiglu_align_to: 8 },
  };
  const out: Record<string, EvaArgs> = { vit_tiny_patch16_dinov3_qkvb: { ...d, embed_dim: 192, depth: 12, num_heads: 3, qkv_bias: true } };
  for (const [size, s] of Object.entries(sizes)) {
    out[`vit_${size}_patch16_dinov3`] = { ...d, ...s, qkv_bias: false };
    out[`vit_${size}_patch16_dinov3_qkvb`] = { ...d, ...s, qkv_bias: true };
  }
  out.vit_7b_patch16_dinov3 = { ...d, embed_dim: 4096, depth: 40, num_heads: 32, qkv_bias: false, mlp_ratio: 2, swiglu_mlp: true, swiglu_align_to: 64 };
  return out;
}

/** Naver's ROPE-ViT (`attn_type='rope'`): axial ('cat', temperature 100) or mixed learnable frequencies, ± APE. */
function ropeVits(): Record<string, EvaArgs> {
  const sizes = { small: [384, 12, 6], base: [768, 12, 12], large: [1024, 24, 16] } as const;
  const out: Record<string, EvaArgs> = {};
  for (const [size, [embed_dim, depth, num_heads]] of Object.entries(sizes)) {
    const base: EvaArgs = { patch_size: 16, embed_dim, depth, num_heads, mlp_ratio: 4, attn_type: "rope", qkv_bias: true, init_values: 1e-5, class_token: true, global_pool: "token", use_rot_pos_emb: true };
    const ape: EvaArgs = { no_embed_class: true, use_abs_pos_emb: true };
    out[`vit_${size}_patch16_rope_224`] = { ...base, use_abs_pos_emb: false, ...(size === "base" ? { use_fc_norm: false } : {}) };
    out[`vit_${size}_patch16_rope_mixed_224`] = { ...base, use_abs_pos_emb: false, rope_type: "mixed" };
    out[`vit_${size}_patch16_rope_ape_224`] = { ...base, ...ape };
    out[`vit_${size}_patch16_rope_mixed_ape_224`] = { ...base, ...ape, rope_type: "mixed" };
  }
  return out;
}

export const eva: TimmFamily = {
  family: "eva",
  source: "timm/models/eva.py",
  names: Object.keys(EVA_MODELS),
  build: (name, args) => buildEva(EVA_MODELS[name] as EvaArgs, args),
};
