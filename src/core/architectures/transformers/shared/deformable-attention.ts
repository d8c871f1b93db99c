// Multi-scale deformable attention (transformers/models/deformable_detr/modeling_deformable_detr.py, 4.47) and the
// copies other detectors and segmenters make of it under their own class names.
import { linear } from "../../../modules/blocks.js";
import { module, type Module } from "../../../modules/module.js";
import { InvalidConfigError } from "../../../errors.js";

/** sampling_offsets, attention_weights, value_proj, output_proj (in that order). */
export function iDeformableAttention(cls: string, dim: number, heads: number, levels: number, points: number, extra: Record<string, Module | false> = {}): Module {
  if (heads <= 0 || dim % heads !== 0) throw new InvalidConfigError(`embed_dim (d_model) ${dim} must be divisible by num_heads ${heads}`, "num_attention_heads");
  return module(cls, {
    children: {
      ...extra,
      sampling_offsets: linear(dim, heads * levels * points * 2),
      attention_weights: linear(dim, heads * levels * points),
      value_proj: linear(dim, dim),
      output_proj: linear(dim, dim),
    },
  });
}
