import type { Module } from "../modules/module.js";
import { hasChildren, moduleSize, tensorBytes } from "./sizes.js";

export interface LargestLayer {
  readonly bytes: number;
  /** Every layer of that size, in the order accelerate finds them (a depth-first walk). */
  readonly names: string[];
  /** How many layers have that size; equals `names.length` unless the list was capped. */
  readonly count: number;
  readonly isFloat: boolean;
}

/** Past this many equal layers the names stop being listed (the count stays exact): memory stays bounded. */
export const MAX_LAYER_NAMES = 10_000;

interface State {
  max: number;
  isFloat: boolean;
  names: string[];
  count: number;
}

/**
 * accelerate's `get_max_layer_size` over `calculate_maximum_sizes`' starting list: the model's own parameters,
 * then its children, then its own buffers. A "layer" is a module without children or one whose class is in
 * `_no_split_modules`; other modules are opened and their own tensors are not looked at.
 *
 * A run of identical blocks is walked once: its other copies can only tie the maximum, never exceed it, so their
 * names are added from the first copy's list without walking them.
 */
export function largestLayer(root: Module, noSplitModules: readonly string[]): LargestLayer {
  const noSplit = new Set(noSplitModules);
  const state: State = { max: 0, isFloat: false, names: [], count: 0 };
  const templateCache = new WeakMap<Module, { max: number; relative: string[]; count: number }>();

  const consider = (s: State, name: string, bytes: number, isFloat: boolean) => {
    if (bytes > s.max) {
      s.max = bytes;
      s.isFloat = isFloat;
      s.names = [name];
      s.count = 1;
    } else if (bytes === s.max) {
      if (s.names.length < MAX_LAYER_NAMES) s.names.push(name);
      s.count++;
    }
  };

  const walk = (s: State, name: string, m: Module): void => {
    if (!hasChildren(m) || noSplit.has(m.cls)) {
      const size = moduleSize(m);
      consider(s, name, size.bytes, size.isFloat);
      return;
    }
    for (const [childName, child] of m.children) walk(s, `${name}.${childName}`, child);
    let index = 0;
    for (const run of m.items ?? []) {
      if (run.count <= 0) continue;
      walk(s, `${name}.${index}`, run.module);
      if (run.count > 1) {
        const template = templateOf(run.module);
        if (template.max === s.max) {
          for (let copy = 1; copy < run.count; copy++) {
            if (s.names.length >= MAX_LAYER_NAMES) {
              s.count += template.count * (run.count - copy);
              break;
            }
            for (const rel of template.relative) {
              if (s.names.length < MAX_LAYER_NAMES) s.names.push(`${name}.${index + copy}${rel}`);
            }
            s.count += template.count;
          }
        }
      }
      index += run.count;
    }
  };

  // The largest layers inside one block, named relative to it (".attn.c_attn" or "" for the block itself).
  const templateOf = (m: Module) => {
    let t = templateCache.get(m);
    if (!t) {
      const s: State = { max: 0, isFloat: false, names: [], count: 0 };
      walk(s, "", m);
      t = { max: s.max, relative: s.names, count: s.count };
      templateCache.set(m, t);
    }
    return t;
  };

  for (const [name, tensor] of root.params) consider(state, name, tensorBytes(tensor), tensor.dtype === "bool");
  for (const [name, child] of root.children) walk(state, name, child);
  let index = 0;
  for (const run of root.items ?? []) {
    for (let i = 0; i < Math.min(run.count, MAX_LAYER_NAMES); i++) walk(state, String(index + i), run.module);
    index += run.count;
  }
  for (const [name, tensor] of root.buffers) consider(state, name, tensorBytes(tensor), tensor.dtype === "bool");
  return { bytes: state.max, names: state.names, count: state.count, isFloat: state.isFloat };
}
