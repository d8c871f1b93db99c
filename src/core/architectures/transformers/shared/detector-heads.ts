// Small config helpers for the detectors (DETR, RT-DETR, Mask2Former…).
import type { Config } from "../../../config/config.js";
import { linear } from "../../../modules/blocks.js";
import { list, module, type Module } from "../../../modules/module.js";

/** PretrainedConfig.num_labels: the size of `id2label` when given, else `num_labels`, else 2. */
export function iNumLabels(c: Config): number {
  const map = c.object("id2label");
  if (map) return Object.keys(map).length;
  return c.optionalInt("num_labels") ?? 2;
}

/** DETR's box MLP (`XxxMLPPredictionHead`): `layers` ModuleList of Linear in → hidden … → out. */
export function iMlpHead(cls: string, input: number, hidden: number, output: number, numLayers: number): Module {
  const dims = [input, ...Array.from({ length: numLayers - 1 }, () => hidden), output];
  return module(cls, { children: { layers: list("ModuleList", ...dims.slice(0, -1).map((d, i) => linear(d, dims[i + 1] as number))) } });
}
