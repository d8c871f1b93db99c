// timm/models/vision_transformer.py + deit.py: expected counts written out per block; published "Params (M)" from
// the timm model cards.
import { describe, expect, it } from "vitest";
import { millions, timmParams } from "./helpers/timm.js";

/** Pre-norm block: LN, qkv (+bias), proj, LN, fc1 d→h, fc2 h→d; optional layer-scale gammas. */
const block = (d: number, h = 4 * d, ls = false) => 2 * d + (3 * d * d + 3 * d) + (d * d + d) + 2 * d + (d * h + h) + (h * d + d) + (ls ? 2 * d : 0);

function vit(o: { d: number; depth: number; patch: number; img: number; tokens?: number; reg?: number; noEmbedClass?: boolean; ls?: boolean; h?: number; classes?: number; preNorm?: boolean }): number {
  const patches = (o.img / o.patch) ** 2;
  const prefix = (o.tokens ?? 1) + (o.reg ?? 0);
  const classes = o.classes ?? 1000;
  const embed = 3 * o.patch * o.patch * o.d + (o.preNorm ? 0 : o.d);
  const pos = (o.noEmbedClass ? patches : patches + prefix) * o.d;
  const tokens = prefix * o.d;
  const head = classes > 0 ? o.d * classes + classes : 0;
  return embed + pos + tokens + (o.preNorm ? 2 * o.d : 0) + o.depth * block(o.d, o.h, o.ls) + 2 * o.d + head;
}

describe("vision_transformer", () => {
  it("tiny → huge, patch 8/14/16/32", () => {
    expect(timmParams("vit_tiny_patch16_224")).toBe(vit({ d: 192, depth: 12, patch: 16, img: 224 }));
    expect(millions(timmParams("vit_tiny_patch16_224"))).toBe(5.72);
    expect(timmParams("vit_small_patch16_224")).toBe(vit({ d: 384, depth: 12, patch: 16, img: 224 }));
    expect(millions(timmParams("vit_small_patch16_224"))).toBe(22.05);
    expect(timmParams("vit_small_patch8_224")).toBe(vit({ d: 384, depth: 12, patch: 8, img: 224 }));
    expect(timmParams("vit_base_patch32_384")).toBe(vit({ d: 768, depth: 12, patch: 32, img: 384 }));
    expect(timmParams("vit_large_patch16_224")).toBe(vit({ d: 1024, depth: 24, patch: 16, img: 224 }));
    expect(millions(timmParams("vit_large_patch16_224"))).toBe(304.33);
    expect(timmParams("vit_huge_patch14_224")).toBe(vit({ d: 1280, depth: 32, patch: 14, img: 224 }));
  });
  it("global average pooling without a class token (fc_norm off)", () => {
    expect(timmParams("vit_base_patch16_gap_224")).toBe(vit({ d: 768, depth: 12, patch: 16, img: 224, tokens: 0 }));
  });
  it("registers: reg4 dinov2 (518 px, no position embedding for prefix tokens)", () => {
    const n = vit({ d: 384, depth: 12, patch: 14, img: 518, reg: 4, noEmbedClass: true, ls: true, classes: 0 });
    expect(timmParams("vit_small_patch14_reg4_dinov2", 0)).toBe(n);
    expect(millions(n)).toBe(22.06);
    expect(timmParams("vit_base_patch16_reg4_gap_256")).toBe(vit({ d: 768, depth: 12, patch: 16, img: 256, tokens: 0, reg: 4, noEmbedClass: true }));
  });
  it("dinov2 (layer scale, 518 px)", () => {
    const n = vit({ d: 1024, depth: 24, patch: 14, img: 518, ls: true, classes: 0 });
    expect(timmParams("vit_large_patch14_dinov2", 0)).toBe(n);
    expect(millions(n)).toBe(304.37);
    // giant: SwiGLU-packed MLP, fc1 d→8192 (gate and value), fc2 4096→d.
    const d = 1536;
    const giantBlock = 2 * d + 3 * d * d + 3 * d + d * d + d + 2 * d + (d * 8192 + 8192) + (4096 * d + d) + 2 * d;
    const giant = 3 * 196 * d + d + (37 * 37 + 1) * d + d + 40 * giantBlock + 2 * d;
    expect(timmParams("vit_giant_patch14_dinov2", 0)).toBe(giant);
    expect(millions(giant)).toBe(1136.48);
  });
  it("clip (pre-norm, bias-free patch embed)", () => {
    const n = vit({ d: 1024, depth: 24, patch: 14, img: 224, preNorm: true, classes: 0 });
    expect(timmParams("vit_large_patch14_clip_224", 0)).toBe(n);
  });
  it("siglip (attention-pool head)", () => {
    const d = 768;
    const pool = d + (d * d + d) + (2 * d * d + 2 * d) + (d * d + d) + 2 * d + (d * 4 * d + 4 * d) + (4 * d * d + d);
    const n = vit({ d, depth: 12, patch: 16, img: 224, tokens: 0, classes: 0 }) + pool;
    expect(timmParams("vit_base_patch16_siglip_224", 0)).toBe(n);
    expect(millions(n)).toBe(92.88);
  });
  it("deit / deit3", () => {
    expect(timmParams("deit_small_patch16_224")).toBe(vit({ d: 384, depth: 12, patch: 16, img: 224 }));
    const distilled = vit({ d: 768, depth: 12, patch: 16, img: 224, tokens: 2 }) + 768 * 1000 + 1000;
    expect(timmParams("deit_base_distilled_patch16_224")).toBe(distilled);
    expect(millions(distilled)).toBe(87.34);
    const d3 = vit({ d: 384, depth: 12, patch: 16, img: 224, noEmbedClass: true, ls: true });
    expect(timmParams("deit3_small_patch16_224")).toBe(d3);
    expect(millions(d3)).toBe(22.06);
  });
});
