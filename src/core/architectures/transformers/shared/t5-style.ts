// transformers/models/t5/modeling_t5.py as its offspring vary it (longt5, switch_transformers, udop): a T5 stack
// whose attention and feed-forward layers are chosen per block.
import { embedding, linear, rmsNorm } from "../../../modules/blocks.js";
import { alias, list, module, type Module } from "../../../modules/module.js";
import type { Config } from "../../../config/config.js";
import { layerRuns } from "./layer-runs.js";

/** `XxxAttention`: q, k, v, o without bias, and the relative-position table in the layers that own one. */
export function t5StyleAttention(c: Config, cls: string, relativeBias: boolean, extra: Record<string, Module | false> = {}): Module {
  const d = c.positiveInt("d_model");
  const heads = c.positiveInt("num_heads");
  const inner = heads * c.int("d_kv");
  return module(cls, {
    children: {
      q: linear(d, inner, false),
      k: linear(d, inner, false),
      v: linear(d, inner, false),
      o: linear(inner, d, false),
      relative_attention_bias: relativeBias && embedding(c.int("relative_attention_num_buckets"), heads),
      ...extra,
    },
  });
}

/** `XxxDenseActDense` or, with `is_gated_act`, `XxxDenseGatedActDense`. */
export function t5StyleDense(c: Config, prefix: string, dFf = c.int("d_ff")): Module {
  const d = c.positiveInt("d_model");
  return c.bool("is_gated_act")
    ? module(`${prefix}DenseGatedActDense`, { children: { wi_0: linear(d, dFf, false), wi_1: linear(d, dFf, false), wo: linear(dFf, d, false) } })
    : module(`${prefix}DenseActDense`, { children: { wi: linear(d, dFf, false), wo: linear(dFf, d, false) } });
}

export interface T5StyleStack {
  readonly prefix: string;
  readonly decoder: boolean;
  readonly layers: number;
  /** the model's `shared` table, and whether the stack reaches it as the same module or as a copy re-pointed at its
   * weight (which accelerate's empty init un-ties, so the copy weighs in full). */
  readonly shared: Module;
  readonly tokens: "module" | "copy";
  /** `layer[0]` of block `i` (its self-attention wrapper). */
  readonly selfAttention: (i: number) => Module;
  /** the feed-forward wrapper of block `i`. */
  readonly feedForward: (i: number) => Module;
  /** a key that tells which blocks are identical (blocks with equal keys are built once). */
  readonly blockKey: (i: number) => string;
  /** children right after `embed_tokens` (UDOP's `embed_patches`) and after `final_layer_norm`. */
  readonly afterTokens?: Readonly<Record<string, Module | false>>;
  readonly extras?: Readonly<Record<string, Module | false>>;
}

export function t5StyleCrossAttention(c: Config, prefix: string): Module {
  return module(`${prefix}LayerCrossAttention`, {
    children: { EncDecAttention: t5StyleAttention(c, `${prefix}Attention`, false), layer_norm: rmsNorm(`${prefix}LayerNorm`, c.positiveInt("d_model")) },
  });
}

/** `XxxStack`: embed_tokens, the blocks (consecutive identical ones as runs), final_layer_norm. */
export function t5StyleStack(c: Config, s: T5StyleStack): Module {
  const runs = layerRuns(c.label, s.layers, s.blockKey, (i) => {
    const layers = [s.selfAttention(i), s.decoder && t5StyleCrossAttention(c, s.prefix), s.feedForward(i)].filter((m): m is Module => !!m);
    return module(`${s.prefix}Block`, { children: { layer: list("ModuleList", ...layers) } });
  });
  const [vocab, d] = s.shared.params[0]![1].shape as [number, number];
  return module(`${s.prefix}Stack`, {
    children: {
      embed_tokens: s.tokens === "module" ? alias(s.shared) : embedding(vocab, d),
      ...s.afterTokens,
      block: list("ModuleList", ...runs),
      final_layer_norm: rmsNorm(`${s.prefix}LayerNorm`, c.positiveInt("d_model")),
      ...s.extras,
    },
  });
}
