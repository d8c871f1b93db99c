// timm/models/cait.py: CaiT — talking-heads self-attention blocks, then class-attention blocks over a class token.
import { conv2d, layerNorm, linear } from "../../modules/blocks.js";
import { list, module, repeat, stateless, type Module } from "../../modules/module.js";
import { InvalidConfigError } from "../../errors.js";
import type { TimmArgs, TimmFamily } from "../types.js";
import { mlp, pyInt, withModelArgs } from "./layers-common.js";
import { pair, positive } from "./layers-norm-act.js";

/** `Cait.__init__` keyword arguments under their Python names. */
export interface CaitArgs {
  readonly img_size?: number | readonly number[];
  readonly patch_size: number;
  readonly embed_dim: number;
  readonly depth: number;
  readonly num_heads: number;
  readonly mlp_ratio?: number;
  readonly qkv_bias?: boolean;
  readonly init_values?: number;
  readonly depth_token_only?: number;
  readonly mlp_ratio_token_only?: number;
  readonly global_pool?: string;
}

/** `TalkingHeadAttn`: fused qkv plus two head-mixing Linears (heads × heads) before and after the softmax. */
function talkingHeadAttn(dim: number, heads: number, qkvBias: boolean): Module {
  return module("TalkingHeadAttn", {
    children: {
      qkv: linear(dim, dim * 3, qkvBias),
      proj: linear(dim, dim),
      proj_l: linear(heads, heads),
      proj_w: linear(heads, heads),
    },
  });
}

/** `ClassAttn`: separate q, k, v projections (q from the class token only). */
function classAttn(dim: number, qkvBias: boolean): Module {
  return module("ClassAttn", {
    children: { q: linear(dim, dim, qkvBias), k: linear(dim, dim, qkvBias), v: linear(dim, dim, qkvBias), proj: linear(dim, dim) },
  });
}

/** Both block kinds keep their layer scales as bare Parameters `gamma_1`, `gamma_2` (no LayerScale module). */
function block(cls: string, dim: number, attn: Module, hidden: number): Module {
  return module(cls, {
    params: { gamma_1: [dim], gamma_2: [dim] },
    children: { norm1: layerNorm(dim), attn, norm2: layerNorm(dim), mlp: mlp(dim, hidden) },
  });
}

export function buildCait(entry: CaitArgs, args: TimmArgs, defaultImg: number): Module {
  const a: CaitArgs = withModelArgs("cait", entry, args.extra);
  const pool = a.global_pool ?? args.globalPool ?? "token";
  if (!["", "token", "avg"].includes(pool)) throw new InvalidConfigError(`cait: global_pool '${pool}' is not supported`, "model_args.global_pool");
  const dim = positive(a.embed_dim, "embed_dim");
  const heads = positive(a.num_heads, "num_heads");
  const patch = positive(a.patch_size, "patch_size");
  // fixed_input_size: create_model passes the pretrained config's input size as img_size, and it sizes pos_embed.
  const [h, w] = a.img_size !== undefined ? pair(a.img_size, "img_size") : args.imgSize ?? [defaultImg, defaultImg];
  const numPatches = Math.floor(h / patch) * Math.floor(w / patch);
  const qkvBias = a.qkv_bias ?? true;
  const selfBlock = block("LayerScaleBlock", dim, talkingHeadAttn(dim, heads, qkvBias), pyInt(dim * (a.mlp_ratio ?? 4)));
  const tokenBlock = block("LayerScaleBlockClassAttn", dim, classAttn(dim, qkvBias), pyInt(dim * (a.mlp_ratio_token_only ?? 4)));
  return module("Cait", {
    params: { cls_token: [1, 1, dim], pos_embed: [1, numPatches, dim] },
    children: {
      // PatchEmbed's norm is an Identity: only the conv holds weights.
      patch_embed: module("PatchEmbed", { children: { proj: conv2d(args.inChans, dim, patch, { stride: patch }) } }),
      blocks: list("Sequential", { module: selfBlock, count: a.depth }),
      blocks_token_only: repeat(tokenBlock, a.depth_token_only ?? 2),
      norm: layerNorm(dim),
      head: args.numClasses > 0 ? linear(dim, args.numClasses) : stateless("Identity"),
    },
  });
}

const XXS = { patch_size: 16, embed_dim: 192, num_heads: 4, init_values: 1e-5 } as const;
const S = { patch_size: 16, embed_dim: 384, num_heads: 8 } as const;
const M = { patch_size: 16, embed_dim: 768, num_heads: 16, init_values: 1e-6 } as const;

/** `@register_model` names, their model args and the input size of their default pretrained config. */
export const CAIT_MODELS: Readonly<Record<string, { cfg: CaitArgs; img: number }>> = {
  cait_xxs24_224: { cfg: { ...XXS, depth: 24 }, img: 224 },
  cait_xxs24_384: { cfg: { ...XXS, depth: 24 }, img: 384 },
  cait_xxs36_224: { cfg: { ...XXS, depth: 36 }, img: 224 },
  cait_xxs36_384: { cfg: { ...XXS, depth: 36 }, img: 384 },
  cait_xs24_384: { cfg: { patch_size: 16, embed_dim: 288, depth: 24, num_heads: 6, init_values: 1e-5 }, img: 384 },
  cait_s24_224: { cfg: { ...S, depth: 24, init_values: 1e-5 }, img: 224 },
  cait_s24_384: { cfg: { ...S, depth: 24, init_values: 1e-5 }, img: 384 },
  cait_s36_384: { cfg: { ...S, depth: 36, init_values: 1e-6 }, img: 384 },
  cait_m36_384: { cfg: { ...M, depth: 36 }, img: 384 },
  cait_m48_448: { cfg: { ...M, depth: 48 }, img: 448 },
};

export const cait: TimmFamily = {
  family: "cait",
  source: "timm/models/cait.py",
  names: Object.keys(CAIT_MODELS),
  build: (name, args) => {
    const m = CAIT_MODELS[name];
    if (!m) throw new InvalidConfigError(`cait: unknown model \`${name}\``);
    return buildCait(m.cfg, args, m.img);
  },
};
