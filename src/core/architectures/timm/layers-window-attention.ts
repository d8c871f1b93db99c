// timm/models/swin_transformer.py + swin_transformer_v2.py: the window arithmetic both Swin versions share.
import { checkIndexedLayers, list, type Module } from "../../modules/module.js";
import { InvalidConfigError } from "../../errors.js";
import type { Pair } from "./layers-patch-embed.js";

/**
 * `_calc_window_shift`: a window larger than the feature map shrinks to it, and then there is nothing to shift
 * (unless `always_partition`). This decides both the attention tables' sizes and whether a block has a mask.
 */
export function windowAndShift(res: Pair, window: Pair, shift: Pair, alwaysPartition: boolean): { window: Pair; shift: Pair } {
  if (alwaysPartition) return { window, shift };
  const win: Pair = [res[0] <= window[0] ? res[0] : window[0], res[1] <= window[1] ? res[1] : window[1]];
  const sh: Pair = [res[0] <= win[0] ? 0 : shift[0], res[1] <= win[1] ? 0 : shift[1]];
  return { window: win, shift: sh };
}

/**
 * How many windows the precomputed shifted-window mask covers. V1 pads the map up to whole windows
 * (`ceil(H / ws) * ws`); V2 partitions the map as is, so a size that windows do not tile fails in timm's
 * `window_partition` view: refused here as the config's error.
 */
export function maskWindows(res: Pair, window: Pair, pad: boolean, family: string): number {
  if (pad) return Math.ceil(res[0] / window[0]) * Math.ceil(res[1] / window[1]);
  if (res[0] % window[0] !== 0 || res[1] % window[1] !== 0) {
    throw new InvalidConfigError(`${family}: a ${res.join("x")} feature map cannot be split into ${window.join("x")} windows`, "model_args.window_size");
  }
  return (res[0] / window[0]) * (res[1] / window[1]);
}

/**
 * A stage's blocks alternate plain and shifted windows (`shift_size = 0 if i % 2 == 0`). When both kinds come
 * out identical (no shift possible), they are one run; otherwise the list is visited block by block.
 */
export function alternatingBlocks(cls: "Sequential" | "ModuleList", plain: Module, shifted: Module, depth: number, same: boolean): Module {
  if (same) return list(cls, { module: plain, count: depth });
  checkIndexedLayers(depth, "swin blocks");
  return list(cls, ...Array.from({ length: depth }, (_, i) => (i % 2 === 0 ? plain : shifted)));
}

/** Stage resolutions: the patch grid, then halved (floored) by each later stage's patch merging. */
export function stageResolutions(grid: Pair, stages: number): Pair[] {
  const out: Pair[] = [];
  let r = grid;
  for (let i = 0; i < stages; i++) {
    if (i > 0) r = [Math.floor(r[0] / 2), Math.floor(r[1] / 2)];
    if (r[0] < 1 || r[1] < 1) throw new InvalidConfigError("swin: the image is too small for this many stages", "model_args.depths");
    out.push(r);
  }
  return out;
}
