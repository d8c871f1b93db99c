// timm/layers/{patch_embed,classifier,helpers}.py: pieces shared by the swin / swinv2 / beit / eva ports.
import { conv2d, layerNorm } from "../../modules/blocks.js";
import { module, type Module } from "../../modules/module.js";
import { InvalidConfigError } from "../../errors.js";
import { classifier, MAX_MODEL_ARG, poolFeatMult } from "./layers-common.js";

export type Pair = readonly [number, number];

/** timm's `to_2tuple`: a number stands for a square; a pair passes through. */
export function toPair(v: number | readonly number[], what: string): Pair {
  const pair: Pair = typeof v === "number" ? [v, v] : [v[0] as number, v[1] as number];
  if (!pair.every((n) => Number.isInteger(n) && n > 0 && n <= MAX_MODEL_ARG)) {
    throw new InvalidConfigError(`timm: \`${what}\` must be a positive integer or a pair of them`, `model_args.${what}`);
  }
  return pair;
}

/** A per-stage argument (`to_ntuple(n)`): a scalar repeats, a list must have one entry per stage. */
export function perStage(v: number | readonly number[], n: number, what: string): number[] {
  if (typeof v === "number") return Array.from({ length: n }, () => v);
  if (v.length !== n) throw new InvalidConfigError(`timm: \`${what}\` needs ${n} entries (got ${v.length})`, `model_args.${what}`);
  return [...v];
}

/** A positive integer model argument (a width, a head count), checked so that no shape comes out fractional. */
export function posInt(v: number, what: string): number {
  if (!Number.isInteger(v) || v <= 0) throw new InvalidConfigError(`timm: \`${what}\` must be a positive integer (got ${v})`, `model_args.${what}`);
  return v;
}

/** A numeric model argument, absent → fallback; a string or a negative count is the config's error, not a NaN shape. */
export function num(v: unknown, fallback: number, what: string, opts: { int?: boolean; positive?: boolean } = {}): number {
  if (v === undefined || v === null) return fallback;
  const ok = typeof v === "number" && Number.isFinite(v) && Math.abs(v) <= MAX_MODEL_ARG && (opts.int ? Number.isInteger(v) : true) && (opts.positive ? v > 0 : v >= 0);
  if (!ok) throw new InvalidConfigError(`timm: \`${what}\` must be a ${opts.positive ? "positive" : "non-negative"} ${opts.int ? "integer" : "number"}`, `model_args.${what}`);
  return v as number;
}

/** `a // b` with the check timm leaves to a shape error later: the head count must divide the width. */
export function headDim(dim: number, heads: number, family: string): number {
  posInt(heads, "num_heads");
  if (dim % heads !== 0) throw new InvalidConfigError(`${family}: width ${dim} is not divisible by num_heads ${heads}`, "model_args.num_heads");
  return dim / heads;
}

/**
 * `PatchEmbed`: a strided conv (kernel = stride = patch) and an optional norm. The grid is `img // patch` per side
 * (PatchEmbed floors; a remainder is cropped or refused at run time, never part of a shape).
 */
export function patchEmbed(inChans: number, dim: number, patch: Pair, opts: { bias?: boolean; norm?: boolean } = {}): Module {
  return module("PatchEmbed", {
    children: {
      proj: conv2d(inChans, dim, [patch[0], patch[1]], { stride: patch[0], bias: opts.bias ?? true }),
      norm: opts.norm ? layerNorm(dim) : undefined,
    },
  });
}

export function gridSize(img: Pair, patch: Pair): Pair {
  const grid: Pair = [Math.floor(img[0] / patch[0]), Math.floor(img[1] / patch[1])];
  if (grid[0] < 1 || grid[1] < 1) throw new InvalidConfigError(`timm: image ${img.join("x")} is smaller than one patch ${patch.join("x")}`, "model_args.img_size");
  return grid;
}

/**
 * `ClassifierHead`: pooling (no tensors), dropout and `fc`. Swin-style heads use a Linear after flattening, so
 * the only weights are the fc's; `catavgmax` pooling doubles its input.
 */
export function classifierHead(inF: number, numClasses: number, pool: string): Module {
  return module("ClassifierHead", { children: { fc: classifier(inF * poolFeatMult(pool), numClasses) } });
}

/** The image size the model is built at: `model_args.img_size`, else the pretrained config's, else the arch default. */
export function resolveImg(img: number | readonly number[] | undefined, fromCfg: Pair | undefined, fallback: number): Pair {
  if (img !== undefined) return toPair(img, "img_size");
  return fromCfg ?? [fallback, fallback];
}
