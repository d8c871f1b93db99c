/**
 * The model as PyTorch would hold it on the `meta` device: a tree of modules, each with its own parameters and
 * buffers in registration order. Identical repeated blocks are stored once with a count, so a config with an
 * absurd layer count costs nothing to build or measure.
 */
import { InvalidConfigError } from "../errors.js";

export type DType =
  | "float32"
  | "float16"
  | "bfloat16"
  | "float64"
  | "complex64"
  | "int64"
  | "int32"
  | "int16"
  | "int8"
  | "uint8"
  | "bool";

/** Bytes per element, as accelerate's `dtype_byte_size` (bool is 1/8: it counts bits). */
export const DTYPE_BYTES: Readonly<Record<DType, number>> = {
  float32: 4,
  float16: 2,
  bfloat16: 2,
  float64: 8,
  complex64: 8,
  int64: 8,
  int32: 4,
  int16: 2,
  int8: 1,
  uint8: 1,
  bool: 1 / 8,
};

export interface Tensor {
  readonly shape: readonly number[];
  /** Parameters are float32 (accelerate builds with `torch_dtype=float32`); buffers carry their own. */
  readonly dtype: DType;
  /** Buffers only: registered with `persistent=False` (not saved in the state dict, still in memory). */
  readonly persistent?: boolean;
  /**
   * A second name for a tensor already registered earlier in `named_parameters()` order (tied embeddings,
   * a shared module): PyTorch's de-duplication counts it at its first name only, so it weighs nothing here.
   */
  readonly tied?: boolean;
  /**
   * A Parameter tied by assignment (`lm_head.weight = embed_tokens.weight` from `tie_weights()`, `decoder.bias =
   * self.bias`): accelerate's `init_empty_weights` re-wraps it, so its measure counts it in full (and so do the
   * tables here), while the real model holds one tensor: the Planner counts it once.
   */
  readonly sharedInPytorch?: boolean;
}

export type Named<T> = readonly (readonly [string, T])[];

/** `count` consecutive identical children of a ModuleList/Sequential, named by their index. */
export interface Run {
  readonly module: Module;
  readonly count: number;
}

export interface Module {
  /** The Python class name: what `_no_split_modules` matches. */
  readonly cls: string;
  readonly params: Named<Tensor>;
  readonly buffers: Named<Tensor>;
  /** Named children in registration order. */
  readonly children: Named<Module>;
  /** Numbered children ("0", "1", …) of a ModuleList/Sequential, as runs of identical modules. */
  readonly items?: readonly Run[];
}

export type Shape = readonly number[];
export type ParamSpec = Shape | Tensor;
export type BufferSpec = Tensor | { shape: Shape; dtype?: DType; persistent?: boolean };

export interface ModuleParts {
  params?: Readonly<Record<string, ParamSpec | null | undefined | false>>;
  buffers?: Readonly<Record<string, BufferSpec | null | undefined | false>>;
  children?: Readonly<Record<string, Module | null | undefined | false>>;
}

function isShape(spec: ParamSpec): spec is Shape {
  return Array.isArray(spec);
}

function present<T>(entries: [string, T | null | undefined | false][]): [string, T][] {
  return entries.filter((e): e is [string, T] => e[1] !== null && e[1] !== undefined && e[1] !== false);
}

/**
 * Declares a module. Absent entries (`undefined`, `null`, `false`) are skipped, as PyTorch skips `None` children;
 * so optional parts read naturally: `{ bias: useBias && [out] }`.
 *
 * Parameter-free children (Dropout, activations, pooling) can be left out: they weigh nothing. The one exception:
 * a module with its own tensors and no other child must keep one (use `stateless()`), or accelerate's walk would
 * take it for a leaf.
 */
export function module(cls: string, parts: ModuleParts = {}): Module {
  const params = present(Object.entries(parts.params ?? {})).map(
    ([name, spec]) => [name, isShape(spec) ? { shape: spec, dtype: "float32" as const } : spec] as const,
  );
  const buffers = present(Object.entries(parts.buffers ?? {})).map(
    ([name, spec]) => [name, { dtype: "float32" as const, ...spec }] as const,
  );
  const children = present(Object.entries(parts.children ?? {}));
  return { cls, params, buffers, children };
}

/** A ModuleList/Sequential of numbered children, given as runs of identical modules or single modules. */
export function list(cls: "ModuleList" | "Sequential" | string, ...runs: readonly (Run | Module)[]): Module {
  const items = runs
    .map((r) => ("count" in r && "module" in r ? r : { module: r as Module, count: 1 }))
    .filter((r) => r.count > 0);
  return { cls, params: [], buffers: [], children: [], items };
}

/** `count` copies of the same block (`nn.ModuleList([Block(config) for _ in range(n)])`). */
export function repeat(block: Module, count: number, cls = "ModuleList"): Module {
  return list(cls, { module: block, count });
}

/** A module with no tensors (Dropout, an activation, Identity), for the one case where its presence matters. */
export function stateless(cls = "Dropout"): Module {
  return { cls, params: [], buffers: [], children: [] };
}

/** The same module reached a second time (a shared embedding): every tensor in it is tied. */
export function alias(target: Module): Module {
  const tie = (tensors: Named<Tensor>): Named<Tensor> => tensors.map(([n, t]) => [n, { ...t, tied: true }] as const);
  return {
    cls: target.cls,
    params: tie(target.params),
    buffers: tie(target.buffers),
    children: target.children.map(([n, m]) => [n, alias(m)] as const),
    ...(target.items ? { items: target.items.map((r) => ({ module: alias(r.module), count: r.count })) } : {}),
  };
}


/** A buffer; `persistent: false` mirrors `register_buffer(..., persistent=False)`. */
export function buffer(shape: Shape, dtype: DType = "float32", persistent = true): Tensor {
  return { shape, dtype, persistent };
}

/**
 * Layers whose blocks differ by index (dense then MoE, interleaved kinds) are visited index by index. No checkpoint
 * comes near this many; past it the config is refused with a typed error instead of being walked for hours.
 */
export const MAX_INDEXED_LAYERS = 100_000;

export function checkIndexedLayers(count: number, what = "layers of differing kinds"): void {
  if (!(count <= MAX_INDEXED_LAYERS)) {
    throw new InvalidConfigError(`the config asks for ${String(count).slice(0, 24)} ${what}: more than the ${MAX_INDEXED_LAYERS} this estimator visits one by one`);
  }
}

export function numel(shape: Shape): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}
