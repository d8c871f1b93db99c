// The two-tower CLIP model layout (transformers/models/clip/modeling_clip.py `CLIPModel`) that CLIP copies
// (AltCLIP, Chinese-CLIP, CLIPSeg, X-CLIP…) share: own `logit_scale`, towers, then both bias-free projections.
import { linear } from "../../../modules/blocks.js";
import { module, type Module } from "../../../modules/module.js";

export function clipPairModel(
  cls: string,
  towers: { text: Module; vision: Module; textDim: number; visionDim: number; projection: number },
  extra: Record<string, Module | false> = {},
  extraParams: Record<string, number[]> = {},
): Module {
  return module(cls, {
    params: { logit_scale: [], ...extraParams },
    children: {
      text_model: towers.text,
      vision_model: towers.vision,
      visual_projection: linear(towers.visionDim, towers.projection, false),
      text_projection: linear(towers.textDim, towers.projection, false),
      ...extra,
    },
  });
}
