// timm/models/convnext.py: expected counts written out per block; published "Params (M)" from the timm model cards.
import { describe, expect, it } from "vitest";
import { millions, timmParams } from "./helpers/timm.js";

const ln = (d: number) => 2 * d;
/** ConvNeXt block: 7×7 depthwise conv (+bias), LayerNorm, fc1 d→4d, fc2 4d→d, layer-scale gamma. */
const v1Block = (d: number) => 49 * d + d + ln(d) + (d * 4 * d + 4 * d) + (4 * d * d + d) + d;
/** ConvNeXt-V2 block: no gamma, a GRN (weight+bias over 4d) inside the MLP. */
const v2Block = (d: number) => 49 * d + d + ln(d) + (d * 4 * d + 4 * d) + 2 * 4 * d + (4 * d * d + d);
/** Downsample between stages: LayerNorm2d then 2×2 stride-2 conv. */
const down = (i: number, o: number) => ln(i) + i * o * 4 + o;

function convnext(depths: number[], dims: number[], block: (d: number) => number, classes = 1000): number {
  let n = 3 * dims[0]! * 16 + dims[0]! + ln(dims[0]!); // 4×4 patch stem + LayerNorm2d
  depths.forEach((depth, i) => {
    if (i > 0) n += down(dims[i - 1]!, dims[i]!);
    n += depth * block(dims[i]!);
  });
  const f = dims[3]!;
  return n + ln(f) + f * classes + classes; // head: norm, fc
}

describe("convnext", () => {
  it("convnext_tiny", () => {
    const n = convnext([3, 3, 9, 3], [96, 192, 384, 768], v1Block);
    expect(timmParams("convnext_tiny")).toBe(n);
    expect(millions(n)).toBe(28.59);
  });
  it("convnext_atto (conv MLP, same count as linear)", () => {
    const n = convnext([2, 2, 6, 2], [40, 80, 160, 320], v1Block);
    expect(timmParams("convnext_atto")).toBe(n);
    expect(millions(n)).toBe(3.7);
  });
  it("convnext_base / large / xxlarge", () => {
    expect(timmParams("convnext_base")).toBe(convnext([3, 3, 27, 3], [128, 256, 512, 1024], v1Block));
    expect(millions(timmParams("convnext_base"))).toBe(88.59);
    expect(millions(timmParams("convnext_large"))).toBe(197.77);
    expect(timmParams("convnext_xxlarge")).toBe(convnext([3, 4, 30, 3], [384, 768, 1536, 3072], v1Block));
    expect(millions(timmParams("convnext_xxlarge"))).toBe(846.47);
  });
  it("convnextv2_tiny / huge", () => {
    const n = convnext([3, 3, 9, 3], [96, 192, 384, 768], v2Block);
    expect(timmParams("convnextv2_tiny")).toBe(n);
    expect(millions(n)).toBe(28.64);
    expect(timmParams("convnextv2_huge")).toBe(convnext([3, 3, 27, 3], [352, 704, 1408, 2816], v2Block));
    expect(millions(timmParams("convnextv2_huge"))).toBe(660.29);
  });
  it("convnext_large_mlp adds a 1536-wide pre-logits layer", () => {
    const base = convnext([3, 3, 27, 3], [192, 384, 768, 1536], v1Block);
    expect(timmParams("convnext_large_mlp")).toBe(base + 1536 * 1536 + 1536);
  });
});
