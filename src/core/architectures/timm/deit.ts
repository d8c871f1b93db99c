// timm/models/deit.py: DeiT (VisionTransformer), DeiT distilled (VisionTransformerDistilled) and DeiT-3.
import type { TimmFamily } from "../types.js";
import { buildVisionTransformer, type VitArgs } from "./vision-transformer.js";

interface DeitArgs extends VitArgs {
  readonly distilled?: boolean;
}

const T = { patch_size: 16, embed_dim: 192, depth: 12, num_heads: 3 } as const;
const S = { patch_size: 16, embed_dim: 384, depth: 12, num_heads: 6 } as const;
const B = { patch_size: 16, embed_dim: 768, depth: 12, num_heads: 12 } as const;
/** DeiT-3: layer scale, position embeddings only for patches. */
const V3 = { no_embed_class: true, init_values: 1e-6 } as const;

/** timm's registered names (`@register_model` in deit.py) and their `model_args`. */
export const DEIT_MODELS: Readonly<Record<string, DeitArgs>> = {
  deit_tiny_patch16_224: T,
  deit_small_patch16_224: S,
  deit_base_patch16_224: B,
  deit_base_patch16_384: { ...B, default_img: 384 },
  deit_tiny_distilled_patch16_224: { ...T, distilled: true },
  deit_small_distilled_patch16_224: { ...S, distilled: true },
  deit_base_distilled_patch16_224: { ...B, distilled: true },
  deit_base_distilled_patch16_384: { ...B, distilled: true, default_img: 384 },
  deit3_small_patch16_224: { ...S, ...V3 },
  deit3_small_patch16_384: { ...S, ...V3, default_img: 384 },
  deit3_medium_patch16_224: { patch_size: 16, embed_dim: 512, depth: 12, num_heads: 8, ...V3 },
  deit3_base_patch16_224: { ...B, ...V3 },
  deit3_base_patch16_384: { ...B, ...V3, default_img: 384 },
  deit3_large_patch16_224: { patch_size: 16, embed_dim: 1024, depth: 24, num_heads: 16, ...V3 },
  deit3_large_patch16_384: { patch_size: 16, embed_dim: 1024, depth: 24, num_heads: 16, ...V3, default_img: 384 },
  deit3_huge_patch14_224: { patch_size: 14, embed_dim: 1280, depth: 32, num_heads: 16, ...V3 },
};

export const deit: TimmFamily = {
  family: "deit",
  source: "timm/models/deit.py",
  names: Object.keys(DEIT_MODELS),
  build: (name, args) => {
    const { distilled, ...entry } = DEIT_MODELS[name] as DeitArgs;
    return buildVisionTransformer(entry, args, { distilled: distilled ?? false });
  },
};
