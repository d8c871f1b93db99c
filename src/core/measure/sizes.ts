import { InvalidConfigError } from "../errors.js";
import { DTYPE_BYTES, numel, type Module, type Named, type Tensor } from "../modules/module.js";

/** What one module (with everything under it) weighs, as accelerate's `compute_module_sizes` adds it up. */
export interface ModuleSize {
  /** Parameters in float32 plus buffers at their own dtype; a multiple of 1/8 when bool buffers exist. */
  readonly bytes: number;
  readonly parameters: number;
  readonly bufferBytes: number;
  /**
   * Python would hold this sum as a float, not an int: a bool tensor (1/8 byte each) was added in. It changes
   * how a value under 1024 bytes prints ("576 bytes" vs "576.0 bytes").
   */
  readonly isFloat: boolean;
}

const ZERO: ModuleSize = { bytes: 0, parameters: 0, bufferBytes: 0, isFloat: false };
const cache = new WeakMap<Module, ModuleSize>();

export function tensorBytes(tensor: Tensor): number {
  return tensor.tied ? 0 : numel(tensor.shape) * DTYPE_BYTES[tensor.dtype];
}

const isCount = (n: number) => Number.isSafeInteger(n) && n >= 0;

/**
 * A size the config computed but PyTorch would refuse (a negative or fractional dimension, a fractional layer
 * count: `nn.Linear(1.5, 8)` raises): the config cannot be built, so it is the config's error, not a number.
 */
function checkShape(owner: Module, name: string, shape: readonly number[]): void {
  if (!shape.every(isCount)) {
    const shown = shape.map((d) => (isCount(d) ? String(d) : String(d).slice(0, 24))).join(", ");
    throw new InvalidConfigError(`the config gives \`${owner.cls}.${name.slice(0, 80)}\` the shape [${shown.slice(0, 200)}], which PyTorch would refuse`);
  }
}

function addTensors(acc: MutableSize, owner: Module, tensors: Named<Tensor>, areParameters: boolean): void {
  for (const [name, tensor] of tensors) {
    checkShape(owner, name, tensor.shape);
    if (tensor.tied) continue;
    const bytes = tensorBytes(tensor);
    acc.bytes += bytes;
    if (areParameters) acc.parameters += numel(tensor.shape);
    else acc.bufferBytes += bytes;
    if (tensor.dtype === "bool") acc.isFloat = true;
  }
}

type MutableSize = { -readonly [K in keyof ModuleSize]: ModuleSize[K] };

/** Size of a module and all it contains; repeated blocks are measured once and multiplied. */
export function moduleSize(m: Module): ModuleSize {
  const hit = cache.get(m);
  if (hit) return hit;
  const acc: MutableSize = { ...ZERO };
  addTensors(acc, m, m.params, true);
  addTensors(acc, m, m.buffers, false);
  const addChild = (child: ModuleSize, count: number) => {
    acc.bytes += child.bytes * count;
    acc.parameters += child.parameters * count;
    acc.bufferBytes += child.bufferBytes * count;
    acc.isFloat ||= child.isFloat;
  };
  for (const [, child] of m.children) addChild(moduleSize(child), 1);
  for (const run of m.items ?? []) {
    if (!isCount(run.count)) throw new InvalidConfigError(`the config gives \`${m.cls}\` ${String(run.count).slice(0, 24)} layers of \`${run.module.cls}\`, which PyTorch would refuse`);
    addChild(moduleSize(run.module), run.count);
  }
  cache.set(m, acc);
  return acc;
}

export function hasChildren(m: Module): boolean {
  return m.children.length > 0 || (m.items?.some((r) => r.count > 0) ?? false);
}
