// timm/models/vision_transformer.py: VisionTransformer (ViT, DeiT-3 style layer scale, registers, DINOv2, CLIP,
// SigLIP, EVA/FlexiViT/AIMv2/BEiT-3 configurations of the same class).
import { conv2d, linear } from "../../modules/blocks.js";
import { list, module, repeat, stateless, type Module } from "../../modules/module.js";
import { InvalidConfigError } from "../../errors.js";
import type { TimmArgs, TimmFamily } from "../types.js";
import { classifier, gluMlp, layerScale, mlp, pyInt, swiGlu, timmNorm, withModelArgs } from "./layers-common.js";

/** `VisionTransformer.__init__` keyword arguments under their Python names, so config `model_args` override them. */
export interface VitArgs {
  readonly img_size?: number | readonly [number, number];
  readonly patch_size?: number;
  readonly embed_dim?: number;
  readonly depth?: number;
  readonly num_heads?: number;
  readonly mlp_ratio?: number;
  readonly qkv_bias?: boolean;
  readonly qk_norm?: boolean;
  readonly scale_attn_norm?: boolean;
  readonly scale_mlp_norm?: boolean;
  readonly proj_bias?: boolean;
  readonly init_values?: number | null;
  readonly class_token?: boolean;
  readonly pos_embed?: string;
  readonly no_embed_class?: boolean;
  readonly reg_tokens?: number;
  readonly pre_norm?: boolean;
  readonly final_norm?: boolean;
  readonly fc_norm?: boolean | null;
  readonly global_pool?: string;
  readonly pool_include_prefix?: boolean;
  readonly norm_layer?: string | null;
  readonly embed_norm_layer?: string | null;
  readonly mlp_layer?: "mlp" | "swiglupacked" | "swiglu";
  readonly block_fn?: "block" | "respost" | "parallel_things";
  /** Not a model arg: the input size of the arch's default pretrained config, used when nothing else sets one. */
  readonly default_img?: number;
}

function normName(n: string | null | undefined): string {
  return n ? n.toLowerCase() : "layernorm";
}

/** timm's `Attention`: fused qkv, optional q/k norms and pre-projection norm. */
export function vitAttention(dim: number, a: VitArgs, norm: string): Module {
  const heads = a.num_heads ?? 12;
  const headDim = dim / heads;
  if (!Number.isInteger(headDim)) throw new InvalidConfigError(`vit: embed_dim ${dim} is not divisible by num_heads ${heads}`);
  return module("Attention", {
    children: {
      qkv: linear(dim, dim * 3, a.qkv_bias ?? true),
      q_norm: a.qk_norm ? timmNorm(norm, headDim) : undefined,
      k_norm: a.qk_norm ? timmNorm(norm, headDim) : undefined,
      norm: a.scale_attn_norm ? timmNorm(norm, dim) : undefined,
      proj: linear(dim, dim, a.proj_bias ?? true),
    },
  });
}

function vitMlp(dim: number, a: VitArgs, norm: string): Module {
  const hidden = pyInt(dim * (a.mlp_ratio ?? 4));
  const opts = { bias: a.proj_bias ?? true, ...(a.scale_mlp_norm ? { norm: (d: number) => timmNorm(norm, d) } : {}) };
  switch (a.mlp_layer ?? "mlp") {
    case "swiglupacked":
      return gluMlp(dim, hidden, opts);
    case "swiglu":
      return swiGlu(dim, hidden, opts);
    default:
      return mlp(dim, hidden, opts);
  }
}

function vitBlock(dim: number, a: VitArgs, norm: string): Module {
  const ls = a.init_values ? layerScale(dim) : undefined;
  switch (a.block_fn ?? "block") {
    case "respost":
      // ResPostBlock normalises after each branch and never uses LayerScale.
      return module("ResPostBlock", {
        children: { attn: vitAttention(dim, a, norm), norm1: timmNorm(norm, dim), mlp: vitMlp(dim, a, norm), norm2: timmNorm(norm, dim) },
      });
    case "parallel_things": {
      const attn = module("Sequential", { children: { norm: timmNorm(norm, dim), attn: vitAttention(dim, a, norm), ls } });
      const ffn = module("Sequential", { children: { norm: timmNorm(norm, dim), mlp: vitMlp(dim, a, norm), ls } });
      return module("ParallelThingsBlock", { children: { attns: repeat(attn, 2), ffns: repeat(ffn, 2) } });
    }
    default:
      return module("Block", {
        children: {
          norm1: timmNorm(norm, dim),
          attn: vitAttention(dim, a, norm),
          ls1: ls,
          norm2: timmNorm(norm, dim),
          mlp: vitMlp(dim, a, norm),
          ls2: ls,
        },
      });
  }
}

/** `AttentionPoolLatent` ('map' pooling): a learned latent query attends over the tokens, then an MLP. */
function attentionPoolLatent(dim: number, a: VitArgs, norm: string): Module {
  return module("AttentionPoolLatent", {
    params: { latent: [1, 1, dim] },
    children: {
      q: linear(dim, dim),
      kv: linear(dim, dim * 2),
      proj: linear(dim, dim),
      norm: timmNorm(norm, dim),
      mlp: mlp(dim, pyInt(dim * (a.mlp_ratio ?? 4))),
    },
  });
}

export interface VitExtras {
  /** DeiT's VisionTransformerDistilled: a second (distillation) token and head. */
  readonly distilled?: boolean;
}

function imgSize(v: VitArgs["img_size"]): [number, number] | undefined {
  if (v === undefined) return undefined;
  return typeof v === "number" ? [v, v] : [v[0], v[1]];
}

/**
 * Builds the model. Argument precedence follows `timm.create_model`: config `model_args` over the registered
 * model's args, over what the pretrained config fills in (`img_size` when fixed, `global_pool`), over defaults.
 */
export function buildVisionTransformer(entry: VitArgs, args: TimmArgs, x: VitExtras = {}): Module {
  const a: VitArgs = withModelArgs("vit", entry, args.extra);
  const [h, w] = imgSize(a.img_size) ?? args.imgSize ?? [a.default_img ?? 224, a.default_img ?? 224];
  const patch = a.patch_size ?? 16;
  const dim = a.embed_dim ?? 768;
  const depth = a.depth ?? 12;
  const norm = normName(a.norm_layer);
  const pool = a.global_pool ?? args.globalPool ?? "token";
  const classToken = a.class_token ?? true;
  if (pool === "token" && !classToken) throw new InvalidConfigError("vit: global_pool 'token' needs a class token");
  if (!["", "avg", "avgmax", "max", "token", "map"].includes(pool)) throw new InvalidConfigError(`vit: global_pool '${pool}' is not supported`);
  const useFcNorm = a.fc_norm ?? (pool === "avg" || pool === "avgmax" || pool === "max");
  const finalNorm = a.final_norm ?? true;
  const reg = a.reg_tokens ?? 0;
  const numPatches = Math.floor(h / patch) * Math.floor(w / patch);
  const prefix = (classToken ? 1 : 0) + reg + (x.distilled ? 1 : 0);
  const embedLen = a.no_embed_class && !x.distilled ? numPatches : numPatches + prefix;
  const hasPos = !(a.pos_embed === "" || a.pos_embed === "none");
  const numClasses = args.numClasses;

  return module(x.distilled ? "VisionTransformerDistilled" : "VisionTransformer", {
    params: {
      cls_token: classToken && [1, 1, dim],
      reg_token: reg > 0 && [1, reg, dim],
      pos_embed: hasPos && [1, embedLen, dim],
      dist_token: x.distilled && [1, 1, dim],
    },
    children: {
      patch_embed: module("PatchEmbed", {
        children: {
          proj: conv2d(args.inChans, dim, patch, { stride: patch, bias: !(a.pre_norm ?? false) }),
          norm: a.embed_norm_layer ? timmNorm(normName(a.embed_norm_layer), dim) : undefined,
        },
      }),
      norm_pre: a.pre_norm ? timmNorm(norm, dim) : undefined,
      blocks: list("Sequential", { module: vitBlock(dim, a, norm), count: depth }),
      norm: finalNorm && !useFcNorm ? timmNorm(norm, dim) : stateless("Identity"),
      attn_pool: pool === "map" ? attentionPoolLatent(dim, a, norm) : undefined,
      fc_norm: finalNorm && useFcNorm ? timmNorm(norm, dim) : undefined,
      head: classifier(dim, numClasses),
      head_dist: x.distilled ? classifier(dim, numClasses) : undefined,
    },
  });
}

/** timm's registered names (`@register_model` in vision_transformer.py) and their `model_args`. */
export const VIT_MODELS: Readonly<Record<string, VitArgs>> = {
  vit_tiny_patch16_224: { patch_size: 16, embed_dim: 192, depth: 12, num_heads: 3 },
  vit_tiny_patch16_384: { default_img: 384, patch_size: 16, embed_dim: 192, depth: 12, num_heads: 3 },
  vit_small_patch32_224: { patch_size: 32, embed_dim: 384, depth: 12, num_heads: 6 },
  vit_small_patch32_384: { default_img: 384, patch_size: 32, embed_dim: 384, depth: 12, num_heads: 6 },
  vit_small_patch16_224: { patch_size: 16, embed_dim: 384, depth: 12, num_heads: 6 },
  vit_small_patch16_384: { default_img: 384, patch_size: 16, embed_dim: 384, depth: 12, num_heads: 6 },
  vit_small_patch8_224: { patch_size: 8, embed_dim: 384, depth: 12, num_heads: 6 },
  vit_base_patch32_224: { patch_size: 32, embed_dim: 768, depth: 12, num_heads: 12 },
  vit_base_patch32_384: { default_img: 384, patch_size: 32, embed_dim: 768, depth: 12, num_heads: 12 },
  vit_base_patch16_224: { patch_size: 16, embed_dim: 768, depth: 12, num_heads: 12 },
  vit_base_patch16_384: { default_img: 384, patch_size: 16, embed_dim: 768, depth: 12, num_heads: 12 },
  vit_base_patch8_224: { patch_size: 8, embed_dim: 768, depth: 12, num_heads: 12 },
  vit_large_patch32_224: { patch_size: 32, embed_dim: 1024, depth: 24, num_heads: 16 },
  vit_large_patch32_384: { default_img: 384, patch_size: 32, embed_dim: 1024, depth: 24, num_heads: 16 },
  vit_large_patch16_224: { patch_size: 16, embed_dim: 1024, depth: 24, num_heads: 16 },
  vit_large_patch16_384: { default_img: 384, patch_size: 16, embed_dim: 1024, depth: 24, num_heads: 16 },
  vit_large_patch14_224: { patch_size: 14, embed_dim: 1024, depth: 24, num_heads: 16 },
  vit_huge_patch14_224: { patch_size: 14, embed_dim: 1280, depth: 32, num_heads: 16 },
  vit_giant_patch14_224: { patch_size: 14, embed_dim: 1408, mlp_ratio: 48/11, depth: 40, num_heads: 16 },
  vit_gigantic_patch14_224: { patch_size: 14, embed_dim: 1664, mlp_ratio: 64/13, depth: 48, num_heads: 16 },
  vit_base_patch16_224_miil: { patch_size: 16, embed_dim: 768, depth: 12, num_heads: 12, qkv_bias: false },
  vit_medium_patch16_gap_240: { default_img: 240, patch_size: 16, embed_dim: 512, depth: 12, num_heads: 8, class_token: false, global_pool: "avg", qkv_bias: false, init_values: 1e-6, fc_norm: false },
  vit_medium_patch16_gap_256: { default_img: 256, patch_size: 16, embed_dim: 512, depth: 12, num_heads: 8, class_token: false, global_pool: "avg", qkv_bias: false, init_values: 1e-6, fc_norm: false },
  vit_medium_patch16_gap_384: { default_img: 384, patch_size: 16, embed_dim: 512, depth: 12, num_heads: 8, class_token: false, global_pool: "avg", qkv_bias: false, init_values: 1e-6, fc_norm: false },
  vit_betwixt_patch16_gap_256: { default_img: 256, patch_size: 16, embed_dim: 640, depth: 12, num_heads: 10, class_token: false, global_pool: "avg", qkv_bias: false, init_values: 1e-6, fc_norm: false },
  vit_base_patch16_gap_224: { patch_size: 16, embed_dim: 768, depth: 12, num_heads: 16, class_token: false, global_pool: "avg", fc_norm: false },
  vit_huge_patch14_gap_224: { patch_size: 14, embed_dim: 1280, depth: 32, num_heads: 16, class_token: false, global_pool: "avg", fc_norm: false },
  vit_huge_patch16_gap_448: { default_img: 448, patch_size: 16, embed_dim: 1280, depth: 32, num_heads: 16, class_token: false, global_pool: "avg", fc_norm: false },
  vit_giant_patch16_gap_224: { patch_size: 16, embed_dim: 1408, depth: 40, num_heads: 16, mlp_ratio: 48/11, class_token: false, global_pool: "avg", fc_norm: false },
  vit_xsmall_patch16_clip_224: { embed_dim: 256, depth: 10, num_heads: 4, pre_norm: true },
  vit_medium_patch32_clip_224: { patch_size: 32, embed_dim: 512, depth: 12, num_heads: 8, pre_norm: true },
  vit_medium_patch16_clip_224: { embed_dim: 512, depth: 12, num_heads: 8, pre_norm: true },
  vit_betwixt_patch32_clip_224: { patch_size: 32, embed_dim: 640, depth: 12, num_heads: 10, pre_norm: true },
  vit_base_patch32_clip_224: { patch_size: 32, embed_dim: 768, depth: 12, num_heads: 12, pre_norm: true },
  vit_base_patch32_clip_256: { default_img: 256, patch_size: 32, embed_dim: 768, depth: 12, num_heads: 12, pre_norm: true },
  vit_base_patch32_clip_384: { default_img: 384, patch_size: 32, embed_dim: 768, depth: 12, num_heads: 12, pre_norm: true },
  vit_base_patch32_clip_448: { default_img: 448, patch_size: 32, embed_dim: 768, depth: 12, num_heads: 12, pre_norm: true },
  vit_base_patch16_clip_224: { patch_size: 16, embed_dim: 768, depth: 12, num_heads: 12, pre_norm: true },
  vit_base_patch16_clip_384: { default_img: 384, patch_size: 16, embed_dim: 768, depth: 12, num_heads: 12, pre_norm: true },
  vit_base_patch16_plus_clip_240: { default_img: 240, patch_size: 16, embed_dim: 896, depth: 12, num_heads: 14, pre_norm: true },
  vit_large_patch14_clip_224: { patch_size: 14, embed_dim: 1024, depth: 24, num_heads: 16, pre_norm: true },
  vit_large_patch14_clip_336: { default_img: 336, patch_size: 14, embed_dim: 1024, depth: 24, num_heads: 16, pre_norm: true },
  vit_huge_patch14_clip_224: { patch_size: 14, embed_dim: 1280, depth: 32, num_heads: 16, pre_norm: true },
  vit_huge_patch14_clip_336: { default_img: 336, patch_size: 14, embed_dim: 1280, depth: 32, num_heads: 16, pre_norm: true },
  vit_huge_patch14_clip_378: { default_img: 378, patch_size: 14, embed_dim: 1280, depth: 32, num_heads: 16, pre_norm: true },
  vit_giant_patch14_clip_224: { patch_size: 14, embed_dim: 1408, mlp_ratio: 48/11, depth: 40, num_heads: 16, pre_norm: true },
  vit_gigantic_patch14_clip_224: { patch_size: 14, embed_dim: 1664, mlp_ratio: 64/13, depth: 48, num_heads: 16, pre_norm: true },
  vit_gigantic_patch14_clip_378: { default_img: 378, patch_size: 14, embed_dim: 1664, mlp_ratio: 64/13, depth: 48, num_heads: 16, pre_norm: true },
  vit_base_patch32_clip_quickgelu_224: { patch_size: 32, embed_dim: 768, depth: 12, num_heads: 12, pre_norm: true },
  vit_base_patch16_clip_quickgelu_224: { patch_size: 16, embed_dim: 768, depth: 12, num_heads: 12, pre_norm: true },
  vit_large_patch14_clip_quickgelu_224: { patch_size: 14, embed_dim: 1024, depth: 24, num_heads: 16, pre_norm: true },
  vit_large_patch14_clip_quickgelu_336: { patch_size: 14, embed_dim: 1024, depth: 24, num_heads: 16, pre_norm: true },
  vit_huge_patch14_clip_quickgelu_224: { patch_size: 14, embed_dim: 1280, depth: 32, num_heads: 16, pre_norm: true },
  vit_huge_patch14_clip_quickgelu_378: { patch_size: 14, embed_dim: 1280, depth: 32, num_heads: 16, pre_norm: true },
  vit_gigantic_patch14_clip_quickgelu_224: { patch_size: 14, embed_dim: 1664, mlp_ratio: 64/13, depth: 48, num_heads: 16, pre_norm: true },
  vit_base_patch32_plus_256: { default_img: 256, patch_size: 32, embed_dim: 896, depth: 12, num_heads: 14, init_values: 1e-5 },
  vit_base_patch16_plus_240: { default_img: 240, patch_size: 16, embed_dim: 896, depth: 12, num_heads: 14, init_values: 1e-5 },
  vit_base_patch16_rpn_224: { patch_size: 16, embed_dim: 768, depth: 12, num_heads: 12, qkv_bias: false, init_values: 1e-5, class_token: false, block_fn: "respost", global_pool: "avg" },
  vit_small_patch16_36x1_224: { patch_size: 16, embed_dim: 384, depth: 36, num_heads: 6, init_values: 1e-5 },
  vit_small_patch16_18x2_224: { patch_size: 16, embed_dim: 384, depth: 18, num_heads: 6, init_values: 1e-5, block_fn: "parallel_things" },
  vit_base_patch16_18x2_224: { patch_size: 16, embed_dim: 768, depth: 18, num_heads: 12, init_values: 1e-5, block_fn: "parallel_things" },
  eva_large_patch14_196: { default_img: 196, patch_size: 14, embed_dim: 1024, depth: 24, num_heads: 16, global_pool: "avg" },
  eva_large_patch14_336: { default_img: 336, patch_size: 14, embed_dim: 1024, depth: 24, num_heads: 16, global_pool: "avg" },
  flexivit_small: { default_img: 240, patch_size: 16, embed_dim: 384, depth: 12, num_heads: 6, no_embed_class: true },
  flexivit_base: { default_img: 240, patch_size: 16, embed_dim: 768, depth: 12, num_heads: 12, no_embed_class: true },
  flexivit_large: { default_img: 240, patch_size: 16, embed_dim: 1024, depth: 24, num_heads: 16, no_embed_class: true },
  vit_small_patch14_dinov2: { default_img: 518, patch_size: 14, embed_dim: 384, depth: 12, num_heads: 6, init_values: 1e-5 },
  vit_base_patch14_dinov2: { default_img: 518, patch_size: 14, embed_dim: 768, depth: 12, num_heads: 12, init_values: 1e-5 },
  vit_large_patch14_dinov2: { default_img: 518, patch_size: 14, embed_dim: 1024, depth: 24, num_heads: 16, init_values: 1e-5 },
  vit_giant_patch14_dinov2: { default_img: 518, patch_size: 14, embed_dim: 1536, depth: 40, num_heads: 24, init_values: 1e-5, mlp_ratio: 2.66667 * 2, mlp_layer: "swiglupacked" },
  vit_small_patch14_reg4_dinov2: { default_img: 518, patch_size: 14, embed_dim: 384, depth: 12, num_heads: 6, init_values: 1e-5, reg_tokens: 4, no_embed_class: true },
  vit_base_patch14_reg4_dinov2: { default_img: 518, patch_size: 14, embed_dim: 768, depth: 12, num_heads: 12, init_values: 1e-5, reg_tokens: 4, no_embed_class: true },
  vit_large_patch14_reg4_dinov2: { default_img: 518, patch_size: 14, embed_dim: 1024, depth: 24, num_heads: 16, init_values: 1e-5, reg_tokens: 4, no_embed_class: true },
  vit_giant_patch14_reg4_dinov2: { default_img: 518, patch_size: 14, embed_dim: 1536, depth: 40, num_heads: 24, init_values: 1e-5, mlp_ratio: 2.66667 * 2, mlp_layer: "swiglupacked", reg_tokens: 4, no_embed_class: true },
  vit_base_patch14_reg1_tipsv2: { default_img: 448, patch_size: 14, embed_dim: 768, depth: 12, num_heads: 12, init_values: 1.0, reg_tokens: 1, no_embed_class: true },
  vit_large_patch14_reg1_tipsv2: { default_img: 448, patch_size: 14, embed_dim: 1024, depth: 24, num_heads: 16, init_values: 1.0, reg_tokens: 1, no_embed_class: true },
  vit_so400m_patch14_reg1_tipsv2: { default_img: 448, patch_size: 14, embed_dim: 1152, depth: 27, num_heads: 16, init_values: 1.0, mlp_ratio: 4304 / 1152, reg_tokens: 1, no_embed_class: true },
  vit_giant_patch14_reg1_tipsv2: { default_img: 448, patch_size: 14, embed_dim: 1536, depth: 40, num_heads: 24, init_values: 1.0, mlp_ratio: 2.66667 * 2, mlp_layer: "swiglupacked", reg_tokens: 1, no_embed_class: true },
  vit_base_patch32_siglip_256: { default_img: 256, patch_size: 32, embed_dim: 768, depth: 12, num_heads: 12, class_token: false, global_pool: "map" },
  vit_base_patch16_siglip_224: { patch_size: 16, embed_dim: 768, depth: 12, num_heads: 12, class_token: false, global_pool: "map" },
  vit_base_patch16_siglip_256: { default_img: 256, patch_size: 16, embed_dim: 768, depth: 12, num_heads: 12, class_token: false, global_pool: "map" },
  vit_base_patch16_siglip_384: { default_img: 384, patch_size: 16, embed_dim: 768, depth: 12, num_heads: 12, class_token: false, global_pool: "map" },
  vit_base_patch16_siglip_512: { default_img: 512, patch_size: 16, embed_dim: 768, depth: 12, num_heads: 12, class_token: false, global_pool: "map" },
  vit_large_patch16_siglip_256: { default_img: 256, patch_size: 16, embed_dim: 1024, depth: 24, num_heads: 16, class_token: false, global_pool: "map" },
  vit_large_patch16_siglip_384: { default_img: 384, patch_size: 16, embed_dim: 1024, depth: 24, num_heads: 16, class_token: false, global_pool: "map" },
  vit_large_patch16_siglip_512: { default_img: 512, patch_size: 16, embed_dim: 1024, depth: 24, num_heads: 16, class_token: false, global_pool: "map" },
  vit_so400m_patch14_siglip_224: { patch_size: 14, embed_dim: 1152, depth: 27, num_heads: 16, mlp_ratio: 3.7362, class_token: false, global_pool: "map" },
  vit_so400m_patch14_siglip_378: { default_img: 378, patch_size: 14, embed_dim: 1152, depth: 27, num_heads: 16, mlp_ratio: 3.7362, class_token: false, global_pool: "map" },
  vit_so400m_patch14_siglip_384: { default_img: 384, patch_size: 14, embed_dim: 1152, depth: 27, num_heads: 16, mlp_ratio: 3.7362, class_token: false, global_pool: "map" },
  vit_so400m_patch16_siglip_256: { default_img: 256, patch_size: 16, embed_dim: 1152, depth: 27, num_heads: 16, mlp_ratio: 3.7362, class_token: false, global_pool: "map" },
  vit_so400m_patch16_siglip_384: { default_img: 384, patch_size: 16, embed_dim: 1152, depth: 27, num_heads: 16, mlp_ratio: 3.7362, class_token: false, global_pool: "map" },
  vit_so400m_patch16_siglip_512: { default_img: 512, patch_size: 16, embed_dim: 1152, depth: 27, num_heads: 16, mlp_ratio: 3.7362, class_token: false, global_pool: "map" },
  vit_giantopt_patch16_siglip_256: { default_img: 256, patch_size: 16, embed_dim: 1536, depth: 40, num_heads: 16, class_token: false, global_pool: "map" },
  vit_giantopt_patch16_siglip_384: { default_img: 384, patch_size: 16, embed_dim: 1536, depth: 40, num_heads: 16, class_token: false, global_pool: "map" },
  vit_base_patch32_siglip_gap_256: { default_img: 256, patch_size: 32, embed_dim: 768, depth: 12, num_heads: 12, class_token: false, global_pool: "avg", fc_norm: false },
  vit_base_patch16_siglip_gap_224: { patch_size: 16, embed_dim: 768, depth: 12, num_heads: 12, class_token: false, global_pool: "avg", fc_norm: false },
  vit_base_patch16_siglip_gap_256: { default_img: 256, patch_size: 16, embed_dim: 768, depth: 12, num_heads: 12, class_token: false, global_pool: "avg", fc_norm: false },
  vit_base_patch16_siglip_gap_384: { default_img: 384, patch_size: 16, embed_dim: 768, depth: 12, num_heads: 12, class_token: false, global_pool: "avg", fc_norm: false },
  vit_base_patch16_siglip_gap_512: { default_img: 512, patch_size: 16, embed_dim: 768, depth: 12, num_heads: 12, class_token: false, global_pool: "avg", fc_norm: false },
  vit_large_patch16_siglip_gap_256: { default_img: 256, patch_size: 16, embed_dim: 1024, depth: 24, num_heads: 16, class_token: false, global_pool: "avg", fc_norm: false },
  vit_large_patch16_siglip_gap_384: { default_img: 384, patch_size: 16, embed_dim: 1024, depth: 24, num_heads: 16, class_token: false, global_pool: "avg", fc_norm: false },
  vit_large_patch16_siglip_gap_512: { default_img: 512, patch_size: 16, embed_dim: 1024, depth: 24, num_heads: 16, class_token: false, global_pool: "avg", fc_norm: false },
  vit_so400m_patch14_siglip_gap_224: { patch_size: 14, embed_dim: 1152, depth: 27, num_heads: 16, mlp_ratio: 3.7362, class_token: false, global_pool: "avg", fc_norm: false },
  vit_so400m_patch14_siglip_gap_378: { default_img: 378, patch_size: 14, embed_dim: 1152, depth: 27, num_heads: 16, mlp_ratio: 3.7362, class_token: false, global_pool: "avg", fc_norm: false },
  vit_so400m_patch14_siglip_gap_384: { default_img: 384, patch_size: 14, embed_dim: 1152, depth: 27, num_heads: 16, mlp_ratio: 3.7362, class_token: false, global_pool: "avg", fc_norm: false },
  vit_so400m_patch14_siglip_gap_448: { default_img: 448, patch_size: 14, embed_dim: 1152, depth: 27, num_heads: 16, mlp_ratio: 3.7362, class_token: false, global_pool: "avg", fc_norm: false },
  vit_so400m_patch14_siglip_gap_896: { default_img: 896, patch_size: 14, embed_dim: 1152, depth: 27, num_heads: 16, mlp_ratio: 3.7362, class_token: false, global_pool: "avg", fc_norm: false },
  vit_so400m_patch16_siglip_gap_256: { default_img: 256, patch_size: 16, embed_dim: 1152, depth: 27, num_heads: 16, mlp_ratio: 3.7362, class_token: false, global_pool: "avg", fc_norm: false },
  vit_so400m_patch16_siglip_gap_384: { default_img: 384, patch_size: 16, embed_dim: 1152, depth: 27, num_heads: 16, mlp_ratio: 3.7362, class_token: false, global_pool: "avg", fc_norm: false },
  vit_so400m_patch16_siglip_gap_512: { default_img: 512, patch_size: 16, embed_dim: 1152, depth: 27, num_heads: 16, mlp_ratio: 3.7362, class_token: false, global_pool: "avg", fc_norm: false },
  vit_giantopt_patch16_siglip_gap_256: { default_img: 256, patch_size: 16, embed_dim: 1536, depth: 40, num_heads: 16, class_token: false, global_pool: "avg", fc_norm: false },
  vit_giantopt_patch16_siglip_gap_384: { default_img: 384, patch_size: 16, embed_dim: 1536, depth: 40, num_heads: 16, class_token: false, global_pool: "avg", fc_norm: false },
  vit_wee_patch16_reg1_gap_256: { default_img: 256, patch_size: 16, embed_dim: 256, depth: 14, num_heads: 4, init_values: 1e-5, mlp_ratio: 5, class_token: false, no_embed_class: true, reg_tokens: 1, global_pool: "avg" },
  vit_little_patch16_reg1_gap_256: { default_img: 256, patch_size: 16, embed_dim: 320, depth: 14, num_heads: 5, init_values: 1e-5, mlp_ratio: 5.6, class_token: false, no_embed_class: true, reg_tokens: 1, global_pool: "avg" },
  vit_little_patch16_reg4_gap_256: { default_img: 256, patch_size: 16, embed_dim: 320, depth: 14, num_heads: 5, init_values: 1e-5, mlp_ratio: 5.6, class_token: false, no_embed_class: true, reg_tokens: 4, global_pool: "avg" },
  vit_medium_patch16_reg1_gap_256: { default_img: 256, patch_size: 16, embed_dim: 512, depth: 12, num_heads: 8, init_values: 1e-5, class_token: false, no_embed_class: true, reg_tokens: 1, global_pool: "avg" },
  vit_medium_patch16_reg4_gap_256: { default_img: 256, patch_size: 16, embed_dim: 512, depth: 12, num_heads: 8, init_values: 1e-5, class_token: false, no_embed_class: true, reg_tokens: 4, global_pool: "avg" },
  vit_mediumd_patch16_reg4_gap_256: { default_img: 256, patch_size: 16, embed_dim: 512, depth: 20, num_heads: 8, init_values: 1e-5, class_token: false, no_embed_class: true, reg_tokens: 4, global_pool: "avg" },
  vit_mediumd_patch16_reg4_gap_384: { default_img: 384, patch_size: 16, embed_dim: 512, depth: 20, num_heads: 8, init_values: 1e-5, class_token: false, no_embed_class: true, reg_tokens: 4, global_pool: "avg" },
  vit_betwixt_patch16_reg1_gap_256: { default_img: 256, patch_size: 16, embed_dim: 640, depth: 12, num_heads: 10, init_values: 1e-5, class_token: false, no_embed_class: true, reg_tokens: 1, global_pool: "avg" },
  vit_betwixt_patch16_reg4_gap_256: { default_img: 256, patch_size: 16, embed_dim: 640, depth: 12, num_heads: 10, init_values: 1e-5, class_token: false, no_embed_class: true, reg_tokens: 4, global_pool: "avg" },
  vit_betwixt_patch16_reg4_gap_384: { default_img: 384, patch_size: 16, embed_dim: 640, depth: 12, num_heads: 10, init_values: 1e-5, class_token: false, no_embed_class: true, reg_tokens: 4, global_pool: "avg" },
  vit_base_patch16_reg4_gap_256: { default_img: 256, patch_size: 16, embed_dim: 768, depth: 12, num_heads: 12, class_token: false, no_embed_class: true, global_pool: "avg", reg_tokens: 4 },
  vit_so150m_patch16_reg4_map_256: { default_img: 256, patch_size: 16, embed_dim: 896, depth: 18, num_heads: 14, mlp_ratio: 2.572, class_token: false, reg_tokens: 4, global_pool: "map" },
  vit_so150m_patch16_reg4_gap_256: { default_img: 256, patch_size: 16, embed_dim: 896, depth: 18, num_heads: 14, mlp_ratio: 2.572, class_token: false, reg_tokens: 4, global_pool: "avg", fc_norm: false },
  vit_so150m_patch16_reg4_gap_384: { default_img: 384, patch_size: 16, embed_dim: 896, depth: 18, num_heads: 14, mlp_ratio: 2.572, class_token: false, reg_tokens: 4, global_pool: "avg", fc_norm: false },
  vit_so150m2_patch16_reg1_gap_256: { default_img: 256, patch_size: 16, embed_dim: 832, depth: 21, num_heads: 13, mlp_ratio: 34/13, init_values: 1e-5, qkv_bias: false, class_token: false, reg_tokens: 1, global_pool: "avg" },
  vit_so150m2_patch16_reg1_gap_384: { default_img: 384, patch_size: 16, embed_dim: 832, depth: 21, num_heads: 13, mlp_ratio: 34/13, init_values: 1e-5, qkv_bias: false, class_token: false, reg_tokens: 1, global_pool: "avg" },
  vit_so150m2_patch16_reg1_gap_448: { default_img: 448, patch_size: 16, embed_dim: 832, depth: 21, num_heads: 13, mlp_ratio: 34/13, init_values: 1e-5, qkv_bias: false, class_token: false, reg_tokens: 1, global_pool: "avg" },
  vit_intern300m_patch14_448: { default_img: 448, patch_size: 14, embed_dim: 1024, depth: 24, num_heads: 16, init_values: 0.1, final_norm: false },
  aimv2_large_patch14_224: { patch_size: 14, embed_dim: 1024, depth: 24, num_heads: 8, class_token: false, fc_norm: false, mlp_ratio: 2.75, global_pool: "avg", qkv_bias: false, proj_bias: false, norm_layer: "rmsnorm", embed_norm_layer: "rmsnorm", mlp_layer: "swiglu" },
  aimv2_huge_patch14_224: { patch_size: 14, embed_dim: 1536, depth: 24, num_heads: 12, class_token: false, fc_norm: false, mlp_ratio: 2.6667, global_pool: "avg", qkv_bias: false, proj_bias: false, norm_layer: "rmsnorm", embed_norm_layer: "rmsnorm", mlp_layer: "swiglu" },
  aimv2_1b_patch14_224: { patch_size: 14, embed_dim: 2048, depth: 24, num_heads: 16, class_token: false, fc_norm: false, mlp_ratio: 2.75, global_pool: "avg", qkv_bias: false, proj_bias: false, norm_layer: "rmsnorm", embed_norm_layer: "rmsnorm", mlp_layer: "swiglu" },
  aimv2_3b_patch14_224: { patch_size: 14, embed_dim: 3072, depth: 24, num_heads: 24, class_token: false, fc_norm: false, mlp_ratio: 2.6667, global_pool: "avg", qkv_bias: false, proj_bias: false, norm_layer: "rmsnorm", embed_norm_layer: "rmsnorm", mlp_layer: "swiglu" },
  aimv2_large_patch14_336: { default_img: 336, patch_size: 14, embed_dim: 1024, depth: 24, num_heads: 8, class_token: false, fc_norm: false, mlp_ratio: 2.75, global_pool: "avg", qkv_bias: false, proj_bias: false, norm_layer: "rmsnorm", embed_norm_layer: "rmsnorm", mlp_layer: "swiglu" },
  aimv2_huge_patch14_336: { default_img: 336, patch_size: 14, embed_dim: 1536, depth: 24, num_heads: 12, class_token: false, fc_norm: false, mlp_ratio: 2.6667, global_pool: "avg", qkv_bias: false, proj_bias: false, norm_layer: "rmsnorm", embed_norm_layer: "rmsnorm", mlp_layer: "swiglu" },
  aimv2_1b_patch14_336: { default_img: 336, patch_size: 14, embed_dim: 2048, depth: 24, num_heads: 16, class_token: false, fc_norm: false, mlp_ratio: 2.75, global_pool: "avg", qkv_bias: false, proj_bias: false, norm_layer: "rmsnorm", embed_norm_layer: "rmsnorm", mlp_layer: "swiglu" },
  aimv2_3b_patch14_336: { default_img: 336, patch_size: 14, embed_dim: 3072, depth: 24, num_heads: 24, class_token: false, fc_norm: false, mlp_ratio: 2.6667, global_pool: "avg", qkv_bias: false, proj_bias: false, norm_layer: "rmsnorm", embed_norm_layer: "rmsnorm", mlp_layer: "swiglu" },
  aimv2_large_patch14_448: { default_img: 448, patch_size: 14, embed_dim: 1024, depth: 24, num_heads: 8, class_token: false, fc_norm: false, mlp_ratio: 2.75, global_pool: "avg", qkv_bias: false, proj_bias: false, norm_layer: "rmsnorm", embed_norm_layer: "rmsnorm", mlp_layer: "swiglu" },
  aimv2_huge_patch14_448: { default_img: 448, patch_size: 14, embed_dim: 1536, depth: 24, num_heads: 12, class_token: false, fc_norm: false, mlp_ratio: 2.6667, global_pool: "avg", qkv_bias: false, proj_bias: false, norm_layer: "rmsnorm", embed_norm_layer: "rmsnorm", mlp_layer: "swiglu" },
  aimv2_1b_patch14_448: { default_img: 448, patch_size: 14, embed_dim: 2048, depth: 24, num_heads: 16, class_token: false, fc_norm: false, mlp_ratio: 2.75, global_pool: "avg", qkv_bias: false, proj_bias: false, norm_layer: "rmsnorm", embed_norm_layer: "rmsnorm", mlp_layer: "swiglu" },
  aimv2_3b_patch14_448: { default_img: 448, patch_size: 14, embed_dim: 3072, depth: 24, num_heads: 24, class_token: false, fc_norm: false, mlp_ratio: 2.6667, global_pool: "avg", qkv_bias: false, proj_bias: false, norm_layer: "rmsnorm", embed_norm_layer: "rmsnorm", mlp_layer: "swiglu" },
  test_vit: { default_img: 160, patch_size: 16, embed_dim: 64, depth: 6, num_heads: 2, mlp_ratio: 3 },
  test_vit2: { default_img: 160, patch_size: 16, embed_dim: 64, depth: 8, num_heads: 2, mlp_ratio: 3, class_token: false, reg_tokens: 1, global_pool: "avg", init_values: 1e-5 },
  test_vit3: { default_img: 160, patch_size: 16, embed_dim: 96, depth: 9, num_heads: 3, mlp_ratio: 2, class_token: false, reg_tokens: 1, global_pool: "map", pool_include_prefix: true, init_values: 1e-5 },
  test_vit4: { default_img: 160, patch_size: 16, embed_dim: 96, depth: 9, num_heads: 3, mlp_ratio: 3, class_token: false, reg_tokens: 1, global_pool: "avg", init_values: 1e-5, norm_layer: "rmsnorm" },
  beit3_base_patch16_224: { patch_size: 16, embed_dim: 768, depth: 12, num_heads: 12, mlp_ratio: 4, scale_attn_norm: true, scale_mlp_norm: true, class_token: true, global_pool: "avg" },
  beit3_large_patch16_224: { patch_size: 16, embed_dim: 1024, depth: 24, num_heads: 16, mlp_ratio: 4, scale_attn_norm: true, scale_mlp_norm: true, class_token: true, global_pool: "avg" },
  beit3_giant_patch14_224: { patch_size: 14, embed_dim: 1408, depth: 40, num_heads: 16, mlp_ratio: 4.3637, scale_attn_norm: true, scale_mlp_norm: true, class_token: true, global_pool: "avg" },
  beit3_giant_patch14_336: { img_size: 336, patch_size: 14, embed_dim: 1408, depth: 40, num_heads: 16, mlp_ratio: 4.3637, scale_attn_norm: true, scale_mlp_norm: true, class_token: true, global_pool: "avg" },
};

export const visionTransformer: TimmFamily = {
  family: "vision_transformer",
  source: "timm/models/vision_transformer.py",
  names: Object.keys(VIT_MODELS),
  build: (name, args) => buildVisionTransformer(VIT_MODELS[name] as VitArgs, args),
};
