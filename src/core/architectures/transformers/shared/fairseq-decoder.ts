/**
 * The fairseq-style decoder layer that OPT, XGLM and BioGPT copy from BART (transformers/models/bart/modeling_bart.py):
 * self_attn (k/v/q/out projections), self_attn_layer_norm, [encoder_attn], fc1, fc2, final_layer_norm.
 */
import { layerNorm, linear } from "../../../modules/blocks.js";
import { module, type Module } from "../../../modules/module.js";

export function fairseqAttention(cls: string, dim: number, bias = true): Module {
  return module(cls, {
    children: {
      k_proj: linear(dim, dim, bias),
      v_proj: linear(dim, dim, bias),
      q_proj: linear(dim, dim, bias),
      out_proj: linear(dim, dim, bias),
    },
  });
}

export interface FairseqLayerOptions {
  readonly prefix: string;
  readonly dim: number;
  readonly ffn: number;
  readonly bias?: boolean;
  /** LayerNorm `elementwise_affine` (OPT's `layer_norm_elementwise_affine`). */
  readonly affine?: boolean;
  readonly crossAttention?: boolean;
}

/** `XxxDecoderLayer`; the parameter-free activation between attention and norm is left out. */
export function fairseqDecoderLayer(o: FairseqLayerOptions): Module {
  const bias = o.bias ?? true;
  const norm = () => layerNorm(o.dim, { affine: o.affine ?? true });
  return module(`${o.prefix}DecoderLayer`, {
    children: {
      self_attn: fairseqAttention(`${o.prefix}Attention`, o.dim, bias),
      self_attn_layer_norm: norm(),
      encoder_attn: o.crossAttention === true && fairseqAttention(`${o.prefix}Attention`, o.dim, bias),
      encoder_attn_layer_norm: o.crossAttention === true && norm(),
      fc1: linear(o.dim, o.ffn, bias),
      fc2: linear(o.ffn, o.dim, bias),
      final_layer_norm: norm(),
    },
  });
}

/**
 * A bias-free output head. Counted in full even with `tie_word_embeddings`: transformers ties it by assigning the
 * embedding's Parameter, and accelerate's init_empty_weights re-wraps every assigned Parameter in a new object,
 * so the tie does not survive (the gptsan-japanese reference shows the head counted in full).
 */
export function lmHead(inFeatures: number, vocab: number): Module {
  return linear(inFeatures, vocab, false);
}
