// timm/models/levit.py: LeViT (Levit / LevitDistilled), in nn.Linear mode and in nn.Conv2d mode (`levit_conv_*`).
import { batchNorm, conv2d, linear } from "../../modules/blocks.js";
import { buffer, list, module, stateless, type Module } from "../../modules/module.js";
import { InvalidConfigError } from "../../errors.js";
import type { TimmArgs, TimmFamily } from "../types.js";
import { pyInt, withModelArgs } from "./layers-common.js";
import { pair, positive } from "./layers-norm-act.js";

/** `Levit.__init__` keyword arguments under their Python names, so config `model_args` override them. */
export interface LevitArgs {
  readonly img_size?: number | readonly number[];
  readonly embed_dim: readonly number[];
  readonly key_dim: number;
  readonly depth: readonly number[];
  readonly num_heads: number | readonly number[];
  readonly attn_ratio?: number | readonly number[];
  readonly mlp_ratio?: number | readonly number[];
  readonly stem_type?: string;
  readonly down_op?: string;
  readonly act_layer?: string;
  readonly use_conv?: boolean;
}

/** A per-stage value: timm's `to_ntuple(n)` repeats a scalar, and takes a sequence as given. */
function perStage(v: number | readonly number[], n: number, what: string): number[] {
  if (typeof v === "number") return Array.from({ length: n }, () => v);
  if (v.length !== n) throw new InvalidConfigError(`levit: \`model_args.${what}\` needs ${n} entries (one per stage)`);
  return [...v];
}

/**
 * `ConvNorm` (1×1 or k×k conv, no bias, then BatchNorm2d) in conv mode, `LinearNorm` (Linear without bias, then
 * BatchNorm1d over the flattened tokens) otherwise: the same weights under different classes.
 */
function lnLayer(inF: number, outF: number, useConv: boolean): Module {
  return useConv
    ? module("ConvNorm", { children: { linear: conv2d(inF, outF, 1, { bias: false }), bn: batchNorm(outF) } })
    : module("LinearNorm", { children: { linear: linear(inF, outF, false), bn: batchNorm(outF, { cls: "BatchNorm1d" }) } });
}

function stemConv(inCh: number, outCh: number): Module {
  return module("ConvNorm", { children: { linear: conv2d(inCh, outCh, 3, { bias: false }), bn: batchNorm(outCh) } });
}

/** Stem16 halves the size four times (out/8, /4, /2, full width); Stem8 three times. Activations hold nothing. */
function stem(type: string, inChans: number, out: number): { m: Module; stride: number } {
  if (type === "s16") {
    return {
      stride: 16,
      m: module("Stem16", {
        children: {
          conv1: stemConv(inChans, Math.floor(out / 8)),
          conv2: stemConv(Math.floor(out / 8), Math.floor(out / 4)),
          conv3: stemConv(Math.floor(out / 4), Math.floor(out / 2)),
          conv4: stemConv(Math.floor(out / 2), out),
        },
      }),
    };
  }
  if (type === "s8") {
    return {
      stride: 8,
      m: module("Stem8", {
        children: {
          conv1: stemConv(inChans, Math.floor(out / 4)),
          conv2: stemConv(Math.floor(out / 4), Math.floor(out / 2)),
          conv3: stemConv(Math.floor(out / 2), out),
        },
      }),
    };
  }
  throw new InvalidConfigError(`levit: stem_type '${type}' is not supported (s16 or s8)`, "model_args.stem_type");
}

function levitMlp(dim: number, hidden: number, useConv: boolean): Module {
  return module("LevitMlp", { children: { ln1: lnLayer(dim, hidden, useConv), ln2: lnLayer(hidden, dim, useConv) } });
}

/**
 * `Attention`: fused qkv (keys and queries of `key_dim`, values of `attn_ratio × key_dim` per head), a learned
 * bias per head and position (`attention_biases`, a Parameter), and the int64 index table into it, registered
 * `persistent=False` but still in memory.
 */
function attention(dim: number, keyDim: number, heads: number, attnRatio: number, res: [number, number], useConv: boolean): Module {
  const valDim = pyInt(attnRatio * keyDim);
  const n = res[0] * res[1];
  return module("Attention", {
    params: { attention_biases: [heads, n] },
    buffers: { attention_bias_idxs: buffer([n, n], "int64", false) },
    children: {
      qkv: lnLayer(dim, valDim * heads + keyDim * heads * 2, useConv),
      proj: module("Sequential", { children: { ln: lnLayer(valDim * heads, dim, useConv) } }),
    },
  });
}

/** `AttentionDownsample`: queries from a stride-2 subsample, so the bias table is (heads, N_k) and the index table (N_q, N_k). */
function attentionDownsample(inDim: number, outDim: number, keyDim: number, heads: number, res: [number, number], useConv: boolean): Module {
  const valDim = pyInt(4 * keyDim);
  const nk = res[0] * res[1];
  const nq = Math.ceil(res[0] / 2) * Math.ceil(res[1] / 2);
  return module("AttentionDownsample", {
    params: { attention_biases: [heads, nk] },
    buffers: { attention_bias_idxs: buffer([nq, nk], "int64", false) },
    children: {
      kv: lnLayer(inDim, valDim * heads + keyDim * heads, useConv),
      // `down` (Downsample, or AvgPool2d in conv mode) holds nothing.
      q: module("Sequential", { children: { ln: lnLayer(inDim, keyDim * heads, useConv) } }),
      proj: module("Sequential", { children: { ln: lnLayer(valDim * heads, outDim, useConv) } }),
    },
  });
}

/** `NormLinear` head: BatchNorm1d, dropout, Linear with bias. */
function normLinear(inF: number, outF: number): Module {
  return module("NormLinear", { children: { bn: batchNorm(inF, { cls: "BatchNorm1d" }), linear: linear(inF, outF) } });
}

export function buildLevit(entry: LevitArgs, args: TimmArgs, distilled: boolean): Module {
  const a: LevitArgs = withModelArgs("levit", entry, args.extra);
  const dims = a.embed_dim.map((d, i) => positive(d, `embed_dim[${i}]`));
  const n = dims.length;
  if (n === 0) throw new InvalidConfigError("levit: `model_args.embed_dim` is empty", "model_args.embed_dim");
  const depth = perStage(a.depth, n, "depth");
  const heads = perStage(a.num_heads, n, "num_heads").map((h, i) => positive(h, `num_heads[${i}]`));
  const attnRatio = perStage(a.attn_ratio ?? 2, n, "attn_ratio");
  const mlpRatio = perStage(a.mlp_ratio ?? 2, n, "mlp_ratio");
  const keyDim = positive(a.key_dim, "key_dim");
  const useConv = a.use_conv ?? false;
  const downOp = a.down_op ?? "subsample";
  // create_model passes the pretrained config's input size as img_size (fixed_input_size): 224 for every LeViT.
  const [h, w] = a.img_size !== undefined ? pair(a.img_size, "img_size") : args.imgSize ?? [224, 224];
  const s = stem(a.stem_type ?? "s16", args.inChans, dims[0] as number);
  let res: [number, number] = [Math.floor(h / s.stride), Math.floor(w / s.stride)];
  let inDim = dims[0] as number;
  const stages: Module[] = dims.map((dim, i) => {
    let downsample: Module | undefined;
    if (i > 0 && downOp) {
      // The downsample's heads come from the input width: in_dim // key_dim, attn_ratio 4, mlp_ratio 2.
      downsample = module("LevitDownsample", {
        children: {
          attn_downsample: attentionDownsample(inDim, dim, keyDim, Math.floor(inDim / keyDim), res, useConv),
          mlp: levitMlp(dim, pyInt(dim * 2), useConv),
        },
      });
      res = [Math.floor((res[0] - 1) / 2) + 1, Math.floor((res[1] - 1) / 2) + 1];
    } else if (inDim !== dim) {
      throw new InvalidConfigError(`levit: stage ${i} changes width ${inDim} → ${dim} without a downsample`);
    }
    const block = module("LevitBlock", {
      children: {
        attn: attention(dim, keyDim, heads[i] as number, attnRatio[i] as number, res, useConv),
        mlp: levitMlp(dim, pyInt(dim * (mlpRatio[i] as number)), useConv),
      },
    });
    inDim = dim;
    return module("LevitStage", {
      children: { downsample: downsample ?? stateless("Identity"), blocks: list("Sequential", { module: block, count: depth[i] as number }) },
    });
  });
  const last = dims[n - 1] as number;
  const head = () => (args.numClasses > 0 ? normLinear(last, args.numClasses) : stateless("Identity"));
  return module(distilled ? "LevitDistilled" : "Levit", {
    children: {
      stem: s.m,
      stages: list("Sequential", ...stages),
      head: head(),
      head_dist: distilled ? head() : undefined,
    },
  });
}

const CFGS: Readonly<Record<string, LevitArgs>> = {
  levit_128s: { embed_dim: [128, 256, 384], key_dim: 16, num_heads: [4, 6, 8], depth: [2, 3, 4] },
  levit_128: { embed_dim: [128, 256, 384], key_dim: 16, num_heads: [4, 8, 12], depth: [4, 4, 4] },
  levit_192: { embed_dim: [192, 288, 384], key_dim: 32, num_heads: [3, 5, 6], depth: [4, 4, 4] },
  levit_256: { embed_dim: [256, 384, 512], key_dim: 32, num_heads: [4, 6, 8], depth: [4, 4, 4] },
  levit_384: { embed_dim: [384, 512, 768], key_dim: 32, num_heads: [6, 9, 12], depth: [4, 4, 4] },
  levit_384_s8: { embed_dim: [384, 512, 768], key_dim: 32, num_heads: [6, 9, 12], depth: [4, 4, 4], act_layer: "silu", stem_type: "s8" },
  levit_512_s8: { embed_dim: [512, 640, 896], key_dim: 64, num_heads: [8, 10, 14], depth: [4, 4, 4], act_layer: "silu", stem_type: "s8" },
  levit_512: { embed_dim: [512, 768, 1024], key_dim: 64, num_heads: [8, 12, 16], depth: [4, 4, 4], act_layer: "silu" },
  levit_256d: { embed_dim: [256, 384, 512], key_dim: 32, num_heads: [4, 6, 8], depth: [4, 8, 6], act_layer: "silu" },
  levit_512d: { embed_dim: [512, 640, 768], key_dim: 64, num_heads: [8, 10, 12], depth: [4, 8, 6], act_layer: "silu" },
};

/** Registered names that `create_levit` builds with `distilled=False` (plain Levit, one head). */
const UNDISTILLED = new Set(["levit_512_s8", "levit_512", "levit_256d", "levit_512d"]);

/** Every `@register_model` name: the linear-mode configs and their `levit_conv_*` twins (`use_conv=True`). */
export const LEVIT_MODELS: Readonly<Record<string, { cfg: LevitArgs; distilled: boolean }>> = Object.fromEntries(
  Object.entries(CFGS).flatMap(([name, cfg]) => {
    const distilled = !UNDISTILLED.has(name);
    const conv = name.replace("levit_", "levit_conv_");
    return [
      [name, { cfg, distilled }],
      [conv, { cfg: { ...cfg, use_conv: true }, distilled }],
    ];
  }),
);

export const levit: TimmFamily = {
  family: "levit",
  source: "timm/models/levit.py",
  names: Object.keys(LEVIT_MODELS),
  build: (name, args) => {
    const m = LEVIT_MODELS[name];
    if (!m) throw new InvalidConfigError(`levit: unknown model \`${name}\``);
    return buildLevit(m.cfg, args, m.distilled);
  },
};
