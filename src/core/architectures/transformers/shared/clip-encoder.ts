// The CLIP-style encoder (transformers/models/clip/modeling_clip.py 4.47) that SigLIP, AltCLIP, Chinese-CLIP,
// OWL-ViT, X-CLIP, CLIPSeg… copy under their own class prefix: `encoder.layers` × (self_attn, layer_norm1, mlp,
// layer_norm2), with k/v/q/out projections registered in that order.
import type { Config } from "../../../config/config.js";
import { conv2d, embedding, layerNorm, linear, positionIdsBuffer } from "../../../modules/blocks.js";
import { module, repeat, type Module } from "../../../modules/module.js";
import { pair } from "../vit.js";

/** `XAttention`: k_proj, v_proj, q_proj, out_proj (the order CLIP's `__init__` assigns them). */
export function clipAttention(prefix: string, hidden: number, opts: { cls?: string; bias?: boolean } = {}): Module {
  const b = opts.bias ?? true;
  return module(opts.cls ?? `${prefix}Attention`, {
    children: {
      k_proj: linear(hidden, hidden, b),
      v_proj: linear(hidden, hidden, b),
      q_proj: linear(hidden, hidden, b),
      out_proj: linear(hidden, hidden, b),
    },
  });
}

export function clipMlp(prefix: string, hidden: number, inter: number, cls = `${prefix}MLP`): Module {
  return module(cls, { children: { fc1: linear(hidden, inter), fc2: linear(inter, hidden) } });
}

export interface ClipLayerOptions {
  /** Class of the layer (default `${prefix}EncoderLayer`). */
  layerCls?: string;
  attentionCls?: string;
  mlpCls?: string;
}

/** `XEncoderLayer` from a config with `hidden_size` and `intermediate_size`. */
export function clipEncoderLayer(c: Config, prefix: string, opts: ClipLayerOptions = {}): Module {
  const hidden = c.positiveInt("hidden_size");
  c.divisible("hidden_size", "num_attention_heads");
  return module(opts.layerCls ?? `${prefix}EncoderLayer`, {
    children: {
      self_attn: clipAttention(prefix, hidden, { cls: opts.attentionCls }),
      layer_norm1: layerNorm(hidden),
      mlp: clipMlp(prefix, hidden, c.int("intermediate_size"), opts.mlpCls),
      layer_norm2: layerNorm(hidden),
    },
  });
}

export function clipEncoder(c: Config, prefix: string, opts: ClipLayerOptions & { encoderCls?: string } = {}): Module {
  return module(opts.encoderCls ?? `${prefix}Encoder`, {
    children: { layers: repeat(clipEncoderLayer(c, prefix, opts), c.int("num_hidden_layers")) },
  });
}

/** `XTextEmbeddings`: token and position embeddings, and the non-persistent int64 `position_ids`. */
export function clipTextEmbeddings(c: Config, prefix: string): Module {
  const hidden = c.positiveInt("hidden_size");
  const maxPositions = c.int("max_position_embeddings");
  return module(`${prefix}TextEmbeddings`, {
    children: {
      token_embedding: embedding(c.int("vocab_size"), hidden),
      position_embedding: embedding(maxPositions, hidden),
    },
    buffers: { position_ids: positionIdsBuffer(maxPositions) },
  });
}

/** Patches per image, `(image_size // patch_size) ** 2` as CLIP computes it from int sizes. */
export function clipPatches(c: Config): number {
  const [h, w] = pair(c, "image_size");
  const [ph, pw] = pair(c, "patch_size");
  if (ph === 0 || pw === 0) c.positiveInt("patch_size");
  return Math.floor(h / ph) * Math.floor(w / pw);
}

/**
 * `XVisionEmbeddings`: CLIP's has a `class_embedding`, a bias-free patch conv and one position per patch plus
 * the class token; SigLIP's (`classToken: false`) drops the class token and keeps the conv bias.
 */
export function clipVisionEmbeddings(c: Config, prefix: string, opts: { classToken?: boolean; cls?: string } = {}): Module {
  const hidden = c.positiveInt("hidden_size");
  const classToken = opts.classToken ?? true;
  const positions = clipPatches(c) + (classToken ? 1 : 0);
  return module(opts.cls ?? `${prefix}VisionEmbeddings`, {
    params: { class_embedding: classToken && [hidden] },
    children: {
      patch_embedding: conv2d(c.positiveInt("num_channels"), hidden, pair(c, "patch_size"), { bias: !classToken }),
      position_embedding: embedding(positions, hidden),
    },
    buffers: { position_ids: positionIdsBuffer(positions) },
  });
}

/** `XTextTransformer`: embeddings, encoder, final_layer_norm (+ extra children such as SigLIP's `head`). */
export function clipTextTransformer(c: Config, prefix: string, extra: Record<string, Module | false> = {}): Module {
  return module(`${prefix}TextTransformer`, {
    children: {
      embeddings: clipTextEmbeddings(c, prefix),
      encoder: clipEncoder(c, prefix),
      final_layer_norm: layerNorm(c.positiveInt("hidden_size")),
      ...extra,
    },
  });
}

/** CLIP's `XVisionTransformer`: embeddings, pre_layrnorm (sic), encoder, post_layernorm. */
export function clipVisionTransformer(
  c: Config,
  prefix: string,
  opts: { embeddings?: Module; layer?: ClipLayerOptions & { encoderCls?: string }; preNormName?: string } = {},
): Module {
  const hidden = c.positiveInt("hidden_size");
  return module(`${prefix}VisionTransformer`, {
    children: {
      embeddings: opts.embeddings ?? clipVisionEmbeddings(c, prefix),
      [opts.preNormName ?? "pre_layrnorm"]: layerNorm(hidden),
      encoder: clipEncoder(c, prefix, opts.layer),
      post_layernorm: layerNorm(hidden),
    },
  });
}

/** `nn.MultiheadAttention(dim, heads)` with equal q/k/v widths: one packed in-projection, then `out_proj`. */
export function multiheadAttention(dim: number, bias = true): Module {
  return module("MultiheadAttention", {
    params: { in_proj_weight: [3 * dim, dim], in_proj_bias: bias && [3 * dim] },
    children: { out_proj: module("NonDynamicallyQuantizableLinear", { params: { weight: [dim, dim], bias: bias && [dim] } }) },
  });
}
