// Pieces shared by the ViT-derived encoders (DINOv2, DeiT, BEiT, VideoMAE, ...), after modeling_vit.py.
import { conv, layerNorm, linear } from "../../../modules/blocks.js";
import { checkIndexedLayers, list, module, repeat, type Module } from "../../../modules/module.js";

/** `XAttention`: `attention` (query/key/value) then `output.dense`; BEiT-style models drop the key bias. */
export function eAttention(
  prefix: string,
  hidden: number,
  opts: { qkvBias?: boolean; keyBias?: boolean; selfExtra?: Record<string, Module | false>; selfParams?: Record<string, number[] | false>; allHead?: number } = {},
): Module {
  const qkv = opts.qkvBias ?? true;
  const inner = opts.allHead ?? hidden;
  return module(`${prefix}Attention`, {
    children: {
      attention: module(`${prefix}SelfAttention`, {
        params: opts.selfParams ?? {},
        children: {
          query: linear(hidden, inner, qkv),
          key: linear(hidden, inner, opts.keyBias ?? qkv),
          value: linear(hidden, inner, qkv),
          ...(opts.selfExtra ?? {}),
        },
      }),
      output: module(`${prefix}SelfOutput`, { children: { dense: linear(inner, hidden) } }),
    },
  });
}

/** A patch embedding whose conv is called `projection` (kernel = stride = patch). */
export function ePatchEmbeddings(cls: string, inChannels: number, hidden: number, patch: number[]): Module {
  return module(cls, { children: { projection: conv(inChannels, hidden, patch) } });
}

/** The ViT model layout: embeddings, `encoder.layer` × N, final LayerNorm, optional dense pooler. */
export function eVitModel(
  cls: string,
  prefix: string,
  hidden: number,
  parts: { embeddings: Module; layer: Module; layers: number; pooler?: boolean; encoderParams?: Record<string, number[] | false> },
): Module {
  return module(cls, {
    children: {
      embeddings: parts.embeddings,
      encoder: module(`${prefix}Encoder`, {
        params: parts.encoderParams ?? {},
        children: { layer: repeat(parts.layer, parts.layers) },
      }),
      layernorm: layerNorm(hidden),
      pooler: (parts.pooler ?? false) && module(`${prefix}Pooler`, { children: { dense: linear(hidden, hidden) } }),
    },
  });
}


/** A ModuleList whose items depend on their index: consecutive equal keys share one run. */
export function eIndexedList(n: number, key: (i: number) => string, build: (i: number) => Module, cls = "ModuleList"): Module {
  checkIndexedLayers(n);
  const runs: { module: Module; count: number }[] = [];
  let last: string | undefined;
  for (let i = 0; i < n; i++) {
    const k = key(i);
    const prev = runs[runs.length - 1];
    if (prev && k === last) prev.count++;
    else runs.push({ module: build(i), count: 1 });
    last = k;
  }
  return list(cls, ...runs);
}
