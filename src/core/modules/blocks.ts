/**
 * The leaf modules of torch.nn (and a few transformers helpers) with their parameters and buffers, shaped as
 * PyTorch registers them. Architectures compose these; none of them knows about any model.
 */
import { buffer, module, stateless, type DType, type Module, type Shape } from "./module.js";

/** `nn.Linear(in, out, bias)`: weight [out, in]. */
export function linear(inFeatures: number, outFeatures: number, bias = true): Module {
  return module("Linear", { params: { weight: [outFeatures, inFeatures], bias: bias && [outFeatures] } });
}

/** transformers' GPT-2 `Conv1D(nf, nx)`: a linear layer stored transposed, weight [nx, nf]. */
export function conv1DTransposed(outFeatures: number, inFeatures: number): Module {
  return module("Conv1D", { params: { weight: [inFeatures, outFeatures], bias: [outFeatures] } });
}

/** `nn.Embedding(num, dim)`. */
export function embedding(numEmbeddings: number, dim: number, cls = "Embedding"): Module {
  return module(cls, { params: { weight: [numEmbeddings, dim] } });
}

/** `nn.LayerNorm(dim)`; `bias: false` for the bias-free variants (OLMo, newer PyTorch `bias=False`). */
export function layerNorm(dim: number | Shape, opts: { bias?: boolean; affine?: boolean; cls?: string } = {}): Module {
  const shape = typeof dim === "number" ? [dim] : dim;
  const affine = opts.affine ?? true;
  return module(opts.cls ?? "LayerNorm", {
    params: { weight: affine && shape, bias: affine && (opts.bias ?? true) && shape },
  });
}

/** An RMSNorm-style module with a single `weight` (class name differs per model: `LlamaRMSNorm`, `T5LayerNorm`). */
export function rmsNorm(cls: string, dim: number): Module {
  return module(cls, { params: { weight: [dim] } });
}

/** `nn.GroupNorm(groups, channels)`. */
export function groupNorm(channels: number, affine = true, cls = "GroupNorm"): Module {
  return module(cls, { params: { weight: affine && [channels], bias: affine && [channels] } });
}

/**
 * `nn.BatchNorm{1,2,3}d`: affine weight/bias, running stats in float32 and an int64 scalar counter
 * (`num_batches_tracked`), all persistent buffers.
 */
export function batchNorm(
  channels: number,
  opts: { cls?: string; affine?: boolean; trackRunningStats?: boolean } = {},
): Module {
  const track = opts.trackRunningStats ?? true;
  return module(opts.cls ?? "BatchNorm2d", {
    params: { weight: (opts.affine ?? true) && [channels], bias: (opts.affine ?? true) && [channels] },
    buffers: {
      running_mean: track && buffer([channels]),
      running_var: track && buffer([channels]),
      num_batches_tracked: track && buffer([], "int64"),
    },
  });
}

export interface ConvOptions {
  stride?: number;
  groups?: number;
  bias?: boolean;
  cls?: string;
}

/** `nn.Conv{1,2,3}d(in, out, kernel)`: weight [out, in / groups, ...kernel]. */
export function conv(inChannels: number, outChannels: number, kernel: number | Shape, opts: ConvOptions & { dims?: 1 | 2 | 3 } = {}): Module {
  const dims = opts.dims ?? (typeof kernel === "number" ? 2 : kernel.length);
  const kernelShape = typeof kernel === "number" ? Array.from({ length: dims }, () => kernel) : kernel;
  const groups = opts.groups ?? 1;
  return module(opts.cls ?? `Conv${dims}d`, {
    params: {
      weight: [outChannels, inChannels / groups, ...kernelShape],
      bias: (opts.bias ?? true) && [outChannels],
    },
  });
}

export function conv2d(inChannels: number, outChannels: number, kernel: number | Shape, opts: ConvOptions = {}): Module {
  return conv(inChannels, outChannels, kernel, { ...opts, dims: 2 });
}

export function conv1d(inChannels: number, outChannels: number, kernel: number, opts: ConvOptions = {}): Module {
  return conv(inChannels, outChannels, [kernel], { ...opts, dims: 1 });
}

/** `nn.ConvTranspose{n}d(in, out, k)`: weight [in, out / groups, ...kernel]. */
export function convTranspose(inChannels: number, outChannels: number, kernel: Shape, opts: ConvOptions = {}): Module {
  const groups = opts.groups ?? 1;
  return module(opts.cls ?? `ConvTranspose${kernel.length}d`, {
    params: { weight: [inChannels, outChannels / groups, ...kernel], bias: (opts.bias ?? true) && [outChannels] },
  });
}

/**
 * A rotary embedding module as transformers 4.47 registers it: `inv_freq` of `dim / 2` float32 values,
 * non-persistent (`register_buffer("inv_freq", inv_freq, persistent=False)`); `dim` is the rotated width.
 */
export function rotaryEmbedding(cls: string, rotaryDim: number, extra: Record<string, { shape: Shape; dtype?: DType; persistent?: boolean }> = {}): Module {
  return module(cls, {
    buffers: { inv_freq: buffer([Math.floor(rotaryDim / 2) + (rotaryDim % 2)], "float32", false), ...extra },
  });
}

/** The `position_ids` buffer most embeddings register: `torch.arange(n).expand((1, -1))`, int64. */
export function positionIdsBuffer(maxPositions: number, persistent = false): { shape: Shape; dtype: DType; persistent: boolean } {
  return { shape: [1, maxPositions], dtype: "int64", persistent };
}

export { stateless };
