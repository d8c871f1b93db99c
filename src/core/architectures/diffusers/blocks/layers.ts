/**
 * diffusers' shared layers: `Attention` (models/attention_processor.py), `FeedForward` and its activations
 * (models/attention.py, models/activations.py), the norms of models/normalization.py and the timestep
 * embeddings of models/embeddings.py, at diffusers 58eb52c.
 */
import { layerNorm, linear } from "../../../modules/blocks.js";
import { list, module, stateless, type Module } from "../../../modules/module.js";
import { groupNorm } from "../../../modules/blocks.js";
import { unsupported } from "./config.js";

/** diffusers' `RMSNorm(dim, eps, elementwise_affine=True, bias=False)`. */
export function rmsNorm(dim: number, affine = true, bias = false, cls = "RMSNorm"): Module {
  return module(cls, { params: { weight: affine && [dim], bias: affine && bias && [dim] } });
}

/** A LayerNorm without affine parameters (a leaf weighing nothing). */
export function plainLayerNorm(cls = "LayerNorm"): Module {
  return stateless(cls);
}

/** `nn.LayerNorm(dim, eps, elementwise_affine)` / diffusers' `LayerNorm(dim, eps, affine, bias)`. */
export function ln(dim: number, affine = true, bias = true, cls = "LayerNorm"): Module {
  return affine ? layerNorm(dim, { bias, cls }) : stateless(cls);
}

/** The norm `Attention` builds for `qk_norm` over `dim` features. */
function qkNormLayer(kind: string, dim: number, affine: boolean): Module {
  switch (kind) {
    case "layer_norm":
      return ln(dim, affine);
    case "fp32_layer_norm":
      return stateless("FP32LayerNorm");
    case "rms_norm":
      return rmsNorm(dim, affine);
    case "l2":
      return stateless("LpNorm");
    default:
      return unsupported("Attention", `qk_norm \`${kind}\``);
  }
}

export interface AttentionOptions {
  queryDim: number;
  crossAttentionDim?: number | undefined;
  heads: number;
  dimHead: number;
  kvHeads?: number | undefined;
  bias?: boolean;
  outBias?: boolean;
  qkNorm?: string | undefined;
  elementwiseAffine?: boolean;
  addedKvProjDim?: number | undefined;
  addedProjBias?: boolean;
  contextPreOnly?: boolean | undefined;
  preOnly?: boolean;
  outDim?: number | undefined;
  outContextDim?: number | undefined;
  normNumGroups?: number | undefined;
  spatialNormDim?: number | undefined;
  crossAttentionNorm?: string | undefined;
  onlyCrossAttention?: boolean;
  cls?: string;
}

/** `Attention.__init__` (attention_processor.py): children in the order it assigns them. */
export function attention(o: AttentionOptions): Module {
  const inner = o.outDim ?? o.dimHead * o.heads;
  const innerKv = o.kvHeads === undefined ? inner : o.dimHead * o.kvHeads;
  const crossDim = o.crossAttentionDim ?? o.queryDim;
  const outDim = o.outDim ?? o.queryDim;
  const outContextDim = o.outContextDim ?? o.queryDim;
  const bias = o.bias ?? false;
  const affine = o.elementwiseAffine ?? true;
  const qk = o.qkNorm;
  const across = qk === "layer_norm_across_heads" || qk === "rms_norm_across_heads";
  if (across && o.kvHeads === undefined) unsupported("Attention", `qk_norm \`${qk}\` without kv_heads`);
  const acrossNorm = (width: number) => (qk === "rms_norm_across_heads" ? rmsNorm(width) : ln(width));
  if (o.spatialNormDim !== undefined) unsupported("Attention", "spatial_norm_dim");
  let normCross: Module | undefined;
  if (o.crossAttentionNorm === "layer_norm") normCross = ln(crossDim);
  else if (o.crossAttentionNorm === "group_norm") normCross = groupNorm(o.addedKvProjDim ?? crossDim);
  else if (o.crossAttentionNorm !== undefined) unsupported("Attention", `cross_attention_norm \`${o.crossAttentionNorm}\``);
  const added = o.addedKvProjDim;
  const addedBias = o.addedProjBias ?? true;
  return module(o.cls ?? "Attention", {
    children: {
      group_norm: o.normNumGroups !== undefined && groupNorm(o.queryDim),
      norm_q: qk !== undefined && (across ? acrossNorm(o.dimHead * o.heads) : qkNormLayer(qk, o.dimHead, affine)),
      norm_k: qk !== undefined && (across ? acrossNorm(o.dimHead * (o.kvHeads ?? 0)) : qkNormLayer(qk, o.dimHead, affine)),
      norm_cross: normCross,
      to_q: linear(o.queryDim, inner, bias),
      to_k: !o.onlyCrossAttention && linear(crossDim, innerKv, bias),
      to_v: !o.onlyCrossAttention && linear(crossDim, innerKv, bias),
      add_k_proj: added !== undefined && linear(added, innerKv, addedBias),
      add_v_proj: added !== undefined && linear(added, innerKv, addedBias),
      add_q_proj: added !== undefined && o.contextPreOnly !== undefined && linear(added, inner, addedBias),
      to_out: !o.preOnly && list("ModuleList", linear(inner, outDim, o.outBias ?? true), stateless("Dropout")),
      to_add_out: o.contextPreOnly === false && linear(inner, outContextDim, o.outBias ?? true),
      // The added-stream norms take `elementwise_affine` only for "layer_norm" (RMSNorm keeps its weight).
      norm_added_q: qk !== undefined && added !== undefined && !across && qkNormLayer(qk, o.dimHead, qk === "layer_norm" ? affine : true),
      norm_added_k:
        qk !== undefined && added !== undefined && (qk === "layer_norm_across_heads" ? unsupported("Attention", "added projections with `layer_norm_across_heads`") : across ? rmsNorm(o.dimHead * (o.kvHeads ?? 0)) : qkNormLayer(qk, o.dimHead, qk === "layer_norm" ? affine : true)),
    },
  });
}

/** The first layer of `FeedForward`: GELU / GEGLU / SwiGLU / ApproximateGELU / LinearActivation. */
function ffActivation(kind: string, dim: number, inner: number, bias: boolean): Module {
  switch (kind) {
    case "gelu":
    case "gelu-approximate":
      return module("GELU", { children: { proj: linear(dim, inner, bias) } });
    case "geglu":
      return module("GEGLU", { children: { proj: linear(dim, inner * 2, bias) } });
    case "geglu-approximate":
      return module("ApproximateGELU", { children: { proj: linear(dim, inner, bias) } });
    case "swiglu":
      return module("SwiGLU", { children: { proj: linear(dim, inner * 2, bias) } });
    case "linear-silu":
      return module("LinearActivation", { children: { proj: linear(dim, inner, bias) } });
    default:
      return unsupported("FeedForward", `activation_fn \`${kind}\``);
  }
}

/** `FeedForward(dim, dim_out, mult=4, activation_fn="geglu", inner_dim, bias)`: net = [act, Dropout, Linear]. */
export function feedForward(
  dim: number,
  o: { dimOut?: number | undefined; mult?: number; activation?: string; innerDim?: number | undefined; bias?: boolean; finalDropout?: boolean } = {},
): Module {
  const inner = o.innerDim ?? Math.trunc(dim * (o.mult ?? 4));
  const bias = o.bias ?? true;
  const items = [ffActivation(o.activation ?? "geglu", dim, inner, bias), stateless("Dropout"), linear(inner, o.dimOut ?? dim, bias)];
  if (o.finalDropout) items.push(stateless("Dropout"));
  return module("FeedForward", { children: { net: list("ModuleList", ...items) } });
}

/** `TimestepEmbedding(in, time_embed_dim, act_fn, out_dim, post_act_fn, cond_proj_dim, sample_proj_bias)`. */
export function timestepEmbedding(
  inChannels: number,
  timeEmbedDim: number,
  o: { outDim?: number | undefined; condProjDim?: number | undefined; bias?: boolean } = {},
): Module {
  const bias = o.bias ?? true;
  return module("TimestepEmbedding", {
    children: {
      linear_1: linear(inChannels, timeEmbedDim, bias),
      cond_proj: o.condProjDim !== undefined && linear(o.condProjDim, inChannels, false),
      linear_2: linear(timeEmbedDim, o.outDim ?? timeEmbedDim, bias),
    },
  });
}

/** `Timesteps` (sinusoidal, no tensors). */
export function timesteps(): Module {
  return stateless("Timesteps");
}

/** `PixArtAlphaTextProjection(in, hidden, out=hidden, act_fn)`: linear_1, act, linear_2. */
export function pixArtAlphaTextProjection(inFeatures: number, hidden: number, outFeatures = hidden): Module {
  return module("PixArtAlphaTextProjection", {
    children: { linear_1: linear(inFeatures, hidden), linear_2: linear(hidden, outFeatures) },
  });
}

/** `AdaLayerNormContinuous(dim, cond_dim, affine, eps, bias, norm_type)`: silu, linear → 2·dim, norm. */
export function adaLayerNormContinuous(dim: number, condDim: number, o: { affine?: boolean; bias?: boolean; normType?: string } = {}): Module {
  const affine = o.affine ?? true;
  const bias = o.bias ?? true;
  const norm = (o.normType ?? "layer_norm") === "rms_norm" ? rmsNorm(dim, affine) : ln(dim, affine, bias);
  return module("AdaLayerNormContinuous", { children: { linear: linear(condDim, dim * 2, bias), norm } });
}

/** `AdaLayerNormZero(dim)` without label embeddings: silu, linear → 6·dim, parameter-free norm. */
export function adaLayerNormZero(dim: number, bias = true, cls = "AdaLayerNormZero", chunks = 6): Module {
  return module(cls, { children: { linear: linear(dim, chunks * dim, bias), norm: stateless("LayerNorm") } });
}

/**
 * `AdaLayerNormSingle(dim, use_additional_conditions)` (PixArt, Sana): a timestep embedding (plus resolution and
 * aspect-ratio embeddings of `dim / 3` when additional conditions are used), silu, linear → 6·dim.
 */
export function adaLayerNormSingle(dim: number, additional = false): Module {
  const size = Math.floor(dim / 3);
  return module("AdaLayerNormSingle", {
    children: {
      emb: module("PixArtAlphaCombinedTimestepSizeEmbeddings", {
        children: {
          time_proj: timesteps(),
          timestep_embedder: timestepEmbedding(256, dim),
          additional_condition_proj: additional && timesteps(),
          resolution_embedder: additional && timestepEmbedding(256, size),
          aspect_ratio_embedder: additional && timestepEmbedding(256, size),
        },
      }),
      linear: linear(dim, 6 * dim),
    },
  });
}
