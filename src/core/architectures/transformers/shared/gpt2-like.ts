/**
 * GPT-2's tree under another class prefix, for the models that copy modeling_gpt2.py
 * (ImageGPT, DecisionTransformer's inner GPT-2): wte, wpe, h × (ln_1, attn, ln_2, [cross-attention], mlp), ln_f.
 */
import type { Config } from "../../../config/config.js";
import { conv1DTransposed, embedding, layerNorm } from "../../../modules/blocks.js";
import { buffer, module, repeat, type Module } from "../../../modules/module.js";

export interface Gpt2LikeStyle {
  readonly prefix: string;
  /** The norm the copy uses (ImageGPT's own weight-only LayerNorm). */
  readonly norm?: (dim: number) => Module;
}

function attention(c: Config, s: Gpt2LikeStyle, cross: boolean): Module {
  const hidden = c.positiveInt("hidden_size");
  c.divisible("hidden_size", "num_attention_heads");
  const positions = c.int("max_position_embeddings");
  return module(`${s.prefix}Attention`, {
    buffers: { bias: buffer([1, 1, positions, positions], "bool", false), masked_bias: buffer([], "float32", false) },
    children: cross
      ? { c_attn: conv1DTransposed(2 * hidden, hidden), q_attn: conv1DTransposed(hidden, hidden), c_proj: conv1DTransposed(hidden, hidden) }
      : { c_attn: conv1DTransposed(3 * hidden, hidden), c_proj: conv1DTransposed(hidden, hidden) },
  });
}

export function gpt2LikeModel(c: Config, s: Gpt2LikeStyle): Module {
  const hidden = c.positiveInt("hidden_size");
  const inner = c.optionalInt("n_inner") ?? 4 * hidden;
  const cross = c.bool("add_cross_attention");
  const norm = s.norm ?? ((dim: number) => layerNorm(dim));
  const block = module(`${s.prefix}Block`, {
    children: {
      ln_1: norm(hidden),
      attn: attention(c, s, false),
      ln_2: norm(hidden),
      crossattention: cross && attention(c, s, true),
      ln_cross_attn: cross && norm(hidden),
      mlp: module(`${s.prefix}MLP`, { children: { c_fc: conv1DTransposed(inner, hidden), c_proj: conv1DTransposed(hidden, inner) } }),
    },
  });
  return module(`${s.prefix}Model`, {
    children: {
      wte: embedding(c.int("vocab_size"), hidden),
      wpe: embedding(c.int("max_position_embeddings"), hidden),
      h: repeat(block, c.int("num_hidden_layers")),
      ln_f: norm(hidden),
    },
  });
}

/** GPT-2's config aliases, shared by its copies. */
export const GPT2_ATTRIBUTE_MAP = {
  hidden_size: "n_embd",
  max_position_embeddings: "n_positions",
  num_attention_heads: "n_head",
  num_hidden_layers: "n_layer",
} as const;
