// timm/models/{swin_transformer,swin_transformer_v2,beit,eva}.py: parameter counts written out per block and per
// stage, buffer bytes counted by hand; published "Params (M)" from timm v1.0.28 results/results-imagenet.csv and
// results/benchmark-infer-amp-nchw-pt291-cu130-5090.csv (the benchmark builds each model with its default
// pretrained config's num_classes: 0 for EVA-02 MIM, 512/768/1024 for the CLIP towers, 21841 for in22k).
import { describe, expect, it } from "vitest";
import { estimate } from "../src/core/estimate-all.js";
import { InvalidConfigError } from "../src/core/errors.js";
import { millions, timmParams } from "./helpers/timm.js";

const timm = (name: string, extra: Record<string, unknown> = {}, numClasses = 1000) =>
  estimate({ architecture: name, num_classes: numClasses, ...extra }, { library: "timm" });

const ln = (d: number) => 2 * d;
const lin = (i: number, o: number, bias = true) => i * o + (bias ? o : 0);
const head = (d: number, classes: number) => (classes > 0 ? lin(d, classes) : 0);

// ---- Swin (V1) --------------------------------------------------------------------------------------------------
/** Block: LN, window attention (bias table (2w-1)²×heads, qkv, proj), LN, MLP d→4d→d. */
const swinBlock = (d: number, heads: number, w: number) =>
  ln(d) + (2 * w - 1) ** 2 * heads + lin(d, 3 * d) + lin(d, d) + ln(d) + lin(d, 4 * d) + lin(4 * d, d);
/** Patch merging: LayerNorm over 4C, bias-free 4C → 2C. */
const swinMerge = (c: number) => ln(4 * c) + lin(4 * c, 2 * c, false);

function swin(o: { c: number; depths: number[]; heads: number[]; windows: number[]; classes?: number }): number {
  let n = 3 * 16 * o.c + o.c + ln(o.c); // 4×4 patch conv + bias + patch norm
  o.depths.forEach((depth, i) => {
    const d = o.c * 2 ** i;
    if (i > 0) n += swinMerge(d / 2);
    n += depth * swinBlock(d, o.heads[i]!, o.windows[i]!);
  });
  const f = o.c * 8;
  return n + ln(f) + head(f, o.classes ?? 1000);
}

// ---- Swin V2 ----------------------------------------------------------------------------------------------------
/** Block: logit scale, CPB MLP 2→512→heads (second bias-free), bias-free qkv + q/v biases, proj, 2 LN, MLP. */
const swinV2Block = (d: number, heads: number) =>
  heads + lin(2, 512) + lin(512, heads, false) + lin(d, 3 * d, false) + 2 * d + lin(d, d) + ln(d) + lin(d, 4 * d) + lin(4 * d, d) + ln(d);
/** V2 merging: bias-free 4C → 2C, then LayerNorm over 2C. */
const swinV2Merge = (c: number) => lin(4 * c, 2 * c, false) + ln(2 * c);

function swinV2(o: { c: number; depths: number[]; heads: number[]; classes?: number }): number {
  let n = 3 * 16 * o.c + o.c + ln(o.c);
  o.depths.forEach((depth, i) => {
    const d = o.c * 2 ** i;
    if (i > 0) n += swinV2Merge(d / 2);
    n += depth * swinV2Block(d, o.heads[i]!);
  });
  const f = o.c * 8;
  return n + ln(f) + head(f, o.classes ?? 1000);
}

// ---- Swin V2 CR -------------------------------------------------------------------------------------------------
/** Block: qkv, proj, meta MLP 2→384→heads, logit scale, LN, MLP, LN, and an optional third (main-branch) LN. */
const crBlock = (d: number, heads: number, extraNorm = false) =>
  lin(d, 3 * d) + lin(d, d) + lin(2, 384) + lin(384, heads) + heads + ln(d) + lin(d, 4 * d) + lin(4 * d, d) + ln(d) + (extraNorm ? ln(d) : 0);

/** `ns`: every stage ends with a main-branch norm; otherwise only the last stage does. No final norm. */
function swinV2Cr(o: { c: number; depths: number[]; heads: number[]; ns?: boolean; classes?: number }): number {
  let n = 3 * 16 * o.c + o.c + ln(o.c);
  o.depths.forEach((depth, i) => {
    const d = o.c * 2 ** i;
    if (i > 0) n += swinMerge(d / 2);
    const lastNorm = o.ns || i === o.depths.length - 1;
    n += (depth - 1) * crBlock(d, o.heads[i]!) + crBlock(d, o.heads[i]!, lastNorm);
  });
  return n + head(o.c * 8, o.classes ?? 1000);
}

// ---- BEiT -------------------------------------------------------------------------------------------------------
/** Block: LN, bias-free qkv + q/v biases, relative bias table ((2g-1)²+3)×heads, proj, LN, MLP, two gammas. */
const beitBlock = (d: number, heads: number, grid: number) =>
  ln(d) + lin(d, 3 * d, false) + 2 * d + ((2 * grid - 1) ** 2 + 3) * heads + lin(d, d) + ln(d) + lin(d, 4 * d) + lin(4 * d, d) + 2 * d;

function beit(o: { d: number; depth: number; heads: number; img: number; classes?: number }): number {
  const grid = o.img / 16;
  // patch conv, class token (no absolute position embedding), blocks, fc_norm (avg pool), head
  return 3 * 256 * o.d + o.d + o.d + o.depth * beitBlock(o.d, o.heads, grid) + ln(o.d) + head(o.d, o.classes ?? 1000);
}

// ---- EVA-02 -----------------------------------------------------------------------------------------------------
/** Ti/S block: fused bias-free qkv + q/v biases, proj, packed SwiGLU (fc1 d→2h, fc2 h→d), 2 LN. */
const eva02SmallBlock = (d: number, h: number) => ln(d) + lin(d, 3 * d, false) + 2 * d + lin(d, d) + ln(d) + lin(d, 2 * h) + lin(h, d);
/** B/L block: separate q (bias), k (no bias), v (bias), [inner attn norm], proj, split SwiGLU with inner LN. */
const eva02BigBlock = (d: number, h: number, attnNorm = false) =>
  ln(d) + lin(d, d) + lin(d, d, false) + lin(d, d) + (attnNorm ? ln(d) : 0) + lin(d, d) + ln(d) + 2 * lin(d, h) + ln(h) + lin(h, d);

function eva02(o: { d: number; depth: number; patch?: number; img: number; block: number; classes?: number; token?: boolean }): number {
  const p = o.patch ?? 14;
  const patches = Math.floor(o.img / p) ** 2;
  // patch conv, class token, absolute position embedding (+1 for the class token), blocks,
  // then fc_norm (avg pool) or the final norm (token pool): one LayerNorm either way, then the head.
  return 3 * p * p * o.d + o.d + o.d + (patches + 1) * o.d + o.depth * o.block + ln(o.d) + head(o.d, o.classes ?? 1000);
}

describe("swin_transformer", () => {
  it("tiny / small / base / large at 224 (window 7) and 384 (window 12)", () => {
    const t = swin({ c: 96, depths: [2, 2, 6, 2], heads: [3, 6, 12, 24], windows: [7, 7, 7, 7] });
    expect(timmParams("swin_tiny_patch4_window7_224")).toBe(t);
    expect(millions(t)).toBe(28.29);
    const s = swin({ c: 96, depths: [2, 2, 18, 2], heads: [3, 6, 12, 24], windows: [7, 7, 7, 7] });
    expect(timmParams("swin_small_patch4_window7_224")).toBe(s);
    expect(millions(s)).toBe(49.61);
    const b = swin({ c: 128, depths: [2, 2, 18, 2], heads: [4, 8, 16, 32], windows: [7, 7, 7, 7] });
    expect(timmParams("swin_base_patch4_window7_224")).toBe(b);
    expect(millions(b)).toBe(87.77);
    const b384 = swin({ c: 128, depths: [2, 2, 18, 2], heads: [4, 8, 16, 32], windows: [12, 12, 12, 12] });
    expect(timmParams("swin_base_patch4_window12_384")).toBe(b384);
    expect(millions(b384)).toBe(87.9);
    expect(millions(timmParams("swin_large_patch4_window7_224"))).toBe(196.53);
    const l384 = swin({ c: 192, depths: [2, 2, 18, 2], heads: [6, 12, 24, 48], windows: [12, 12, 12, 12] });
    expect(timmParams("swin_large_patch4_window12_384")).toBe(l384);
    expect(millions(l384)).toBe(196.74);
  });

  it("S3 variants: per-stage windows, clamped to the feature map (14 at a 14×14 stage)", () => {
    const t = swin({ c: 96, depths: [2, 2, 6, 2], heads: [3, 6, 12, 24], windows: [7, 7, 14, 7] });
    expect(timmParams("swin_s3_tiny_224")).toBe(t);
    expect(millions(t)).toBe(28.33);
    expect(millions(timmParams("swin_s3_small_224"))).toBe(49.74);
    expect(millions(timmParams("swin_s3_base_224"))).toBe(71.13);
  });

  it("buffers of swin_tiny_patch4_window7_224: int64 index per block, float32 masks on shifted blocks", () => {
    // relative_position_index: int64 [49, 49] in all 12 blocks.
    const index = 12 * 49 * 49 * 8;
    // attn_mask [nW, 49, 49] float32 on odd blocks while the map (56, 28, 14, 7) is larger than the window:
    // stage 0: 1 block × 64 windows, stage 1: 1 × 16, stage 2: 3 × 4, stage 3 (7×7): no shift, no mask.
    const masks = (64 + 16 + 3 * 4) * 49 * 49 * 4;
    const r = timm("swin_tiny_patch4_window7_224");
    expect(r.bufferBytes).toBe(index + masks);
    expect(r.bufferBytes).toBe(1_114_064);
    expect(r.totalBytes).toBe(r.parameters * 4 + index + masks);
    expect(r.modelClass).toBe("SwinTransformer");
    expect(r.noSplitModules).toBeNull();
    expect(r.largestLayer.names[0]).toBe("layers.3.blocks.0.mlp.fc1");
  });

  it("buffers at 384 / window 12 (maps 96, 48, 24, 12)", () => {
    const index = 24 * 144 * 144 * 8;
    const masks = (64 + 16 + 9 * 4) * 144 * 144 * 4;
    expect(timm("swin_base_patch4_window12_384").bufferBytes).toBe(index + masks);
  });

  it("model_args: non-strict image size drops the masks; head off with num_classes 0", () => {
    const r = timm("swin_tiny_patch4_window7_224", { model_args: { strict_img_size: false } });
    expect(r.bufferBytes).toBe(12 * 49 * 49 * 8);
    expect(timmParams("swin_tiny_patch4_window7_224", 0)).toBe(swin({ c: 96, depths: [2, 2, 6, 2], heads: [3, 6, 12, 24], windows: [7, 7, 7, 7], classes: 0 }));
  });

  it("a fixed input size from the pretrained config reshapes the masks, not the parameters", () => {
    const r = timm("swin_tiny_patch4_window7_224", { pretrained_cfg: { input_size: [3, 448, 448], fixed_input_size: true } });
    expect(r.parameters).toBe(timmParams("swin_tiny_patch4_window7_224"));
    // maps 112, 56, 28, 14: masks on 1×256, 1×64, 3×16 and now 1×4 windows.
    expect(r.bufferBytes).toBe(12 * 49 * 49 * 8 + (256 + 64 + 48 + 4) * 49 * 49 * 4);
  });

  it("refuses bad model_args as the config's error", () => {
    expect(() => timm("swin_tiny_patch4_window7_224", { model_args: { depths: "2,2" } })).toThrow(InvalidConfigError);
    expect(() => timm("swin_tiny_patch4_window7_224", { model_args: { global_pool: "max" } })).toThrow(InvalidConfigError);
    expect(() => timm("swin_tiny_patch4_window7_224", { model_args: { mlp_ratio: "4" } })).toThrow(InvalidConfigError);
    expect(() => timm("eva02_tiny_patch14_224", { model_args: { num_reg_tokens: "4" } })).toThrow(InvalidConfigError);
    expect(() => timm("beit_base_patch16_224", { model_args: { depth: -1 } })).toThrow(InvalidConfigError);
  });
});

describe("swin_transformer_v2", () => {
  it("tiny / small / base / large (the count does not depend on the window)", () => {
    const t = swinV2({ c: 96, depths: [2, 2, 6, 2], heads: [3, 6, 12, 24] });
    expect(timmParams("swinv2_tiny_window8_256")).toBe(t);
    expect(timmParams("swinv2_tiny_window16_256")).toBe(t);
    expect(millions(t)).toBe(28.35);
    const s = swinV2({ c: 96, depths: [2, 2, 18, 2], heads: [3, 6, 12, 24] });
    expect(timmParams("swinv2_small_window16_256")).toBe(s);
    expect(millions(s)).toBe(49.73);
    const b = swinV2({ c: 128, depths: [2, 2, 18, 2], heads: [4, 8, 16, 32] });
    expect(timmParams("swinv2_base_window12to24_192to384")).toBe(b);
    expect(millions(b)).toBe(87.92);
    // The in22k checkpoint's default head is 21841 classes (benchmark: 109.28).
    expect(millions(timmParams("swinv2_base_window12_192", 21841))).toBe(109.28);
    const l = swinV2({ c: 192, depths: [2, 2, 18, 2], heads: [6, 12, 24, 48], classes: 21841 });
    expect(timmParams("swinv2_large_window12_192", 21841)).toBe(l);
    expect(millions(l)).toBe(228.77);
  });

  it("buffers of swinv2_tiny_window8_256: k bias, coordinate table, index, masks", () => {
    // maps 64, 32, 16, 8 with window 8; heads 3, 6, 12, 24; dims 96, 192, 384, 768.
    const perBlock = (d: number) => d * 4 + 1 * 15 * 15 * 2 * 4 + 64 * 64 * 8;
    const blocks = 2 * perBlock(96) + 2 * perBlock(192) + 6 * perBlock(384) + 2 * perBlock(768);
    const masks = (64 + 16 + 3 * 4) * 64 * 64 * 4; // stage 3 (8×8) has no shift
    expect(timm("swinv2_tiny_window8_256").bufferBytes).toBe(blocks + masks);
  });

  it("a window that does not tile the map is refused (timm fails in window_partition)", () => {
    expect(() => timm("swinv2_tiny_window8_256", { model_args: { img_size: 240 } })).toThrow(InvalidConfigError);
  });
});

describe("swin_transformer_v2_cr", () => {
  it("tiny / small (± stage norms) / base / large / huge / giant", () => {
    const t = swinV2Cr({ c: 96, depths: [2, 2, 6, 2], heads: [3, 6, 12, 24] });
    expect(timmParams("swinv2_cr_tiny_224")).toBe(t);
    expect(millions(t)).toBe(28.33);
    const tns = swinV2Cr({ c: 96, depths: [2, 2, 6, 2], heads: [3, 6, 12, 24], ns: true });
    expect(timmParams("swinv2_cr_tiny_ns_224")).toBe(tns);
    expect(tns - t).toBe(ln(96) + ln(192) + ln(384));
    expect(millions(timmParams("swinv2_cr_small_224"))).toBe(49.7);
    expect(millions(timmParams("swinv2_cr_small_ns_256"))).toBe(49.7);
    expect(timmParams("swinv2_cr_base_224")).toBe(swinV2Cr({ c: 128, depths: [2, 2, 18, 2], heads: [4, 8, 16, 32] }));
    expect(millions(timmParams("swinv2_cr_base_384"))).toBe(87.88);
    expect(millions(timmParams("swinv2_cr_large_224"))).toBe(196.68);
    // huge / giant: a main-branch norm every 6th block as well.
    expect(millions(timmParams("swinv2_cr_huge_224"))).toBe(657.83);
    expect(millions(timmParams("swinv2_cr_huge_384"))).toBe(657.94);
    expect(millions(timmParams("swinv2_cr_giant_224"))).toBe(2598.76);
  });

  it("buffers of swinv2_cr_tiny_224: log coordinates [49², 2] per block, masks like Swin", () => {
    const coords = 12 * 49 * 49 * 2 * 4;
    const masks = (64 + 16 + 3 * 4) * 49 * 49 * 4;
    expect(timm("swinv2_cr_tiny_224").bufferBytes).toBe(coords + masks);
    expect(timm("swinv2_cr_tiny_224").modelClass).toBe("SwinTransformerV2Cr");
  });
});

describe("beit", () => {
  it("base / large, v1 and v2, 224 → 512", () => {
    const b = beit({ d: 768, depth: 12, heads: 12, img: 224 });
    expect(timmParams("beit_base_patch16_224")).toBe(b);
    expect(timmParams("beitv2_base_patch16_224")).toBe(b);
    expect(millions(b)).toBe(86.53);
    const b384 = beit({ d: 768, depth: 12, heads: 12, img: 384 });
    expect(timmParams("beit_base_patch16_384")).toBe(b384);
    expect(millions(b384)).toBe(86.74);
    const l = beit({ d: 1024, depth: 24, heads: 16, img: 224 });
    expect(timmParams("beit_large_patch16_224")).toBe(l);
    expect(millions(l)).toBe(304.43);
    expect(millions(timmParams("beit_large_patch16_384"))).toBe(305.0);
    const l512 = beit({ d: 1024, depth: 24, heads: 16, img: 512 });
    expect(timmParams("beit_large_patch16_512")).toBe(l512);
    expect(millions(l512)).toBe(305.67);
  });

  it("buffers of beit_base_patch16_224: int64 [197, 197] index and float32 k bias per block", () => {
    const r = timm("beit_base_patch16_224");
    expect(r.bufferBytes).toBe(12 * (197 * 197 * 8 + 768 * 4));
    expect(r.modelClass).toBe("Beit");
    expect(r.noSplitModules).toBeNull();
  });

  it("model_args img_size overrides the registered one", () => {
    expect(timmParams("beit_base_patch16_224", 1000, { model_args: { img_size: 384 } })).toBe(timmParams("beit_base_patch16_384"));
  });
});

describe("eva", () => {
  it("EVA-02 Ti / S (fused qkv, packed SwiGLU) and B / L (split projections, SwiGLU with inner norm)", () => {
    // int(d × 8/3): 512, 1024, 2048, 2730 (1024 × 2.666… = 2730.67, floored).
    const ti = eva02({ d: 192, depth: 12, img: 224, block: eva02SmallBlock(192, 512), classes: 0 });
    expect(timmParams("eva02_tiny_patch14_224", 0)).toBe(ti);
    expect(millions(ti)).toBe(5.5);
    const s = eva02({ d: 384, depth: 12, img: 224, block: eva02SmallBlock(384, 1024), classes: 0 });
    expect(timmParams("eva02_small_patch14_224", 0)).toBe(s);
    expect(millions(s)).toBe(21.62);
    const b = eva02({ d: 768, depth: 12, img: 224, block: eva02BigBlock(768, 2048), classes: 0 });
    expect(timmParams("eva02_base_patch14_224", 0)).toBe(b);
    expect(millions(b)).toBe(85.76);
    const l = eva02({ d: 1024, depth: 24, img: 224, block: eva02BigBlock(1024, 2730), classes: 0 });
    expect(timmParams("eva02_large_patch14_224", 0)).toBe(l);
    expect(millions(l)).toBe(303.27);
  });

  it("fine-tuned EVA-02 at 336 / 448 with a 1000-class head", () => {
    expect(millions(timmParams("eva02_tiny_patch14_336"))).toBe(5.76);
    expect(millions(timmParams("eva02_small_patch14_336"))).toBe(22.13);
    const b = eva02({ d: 768, depth: 12, img: 448, block: eva02BigBlock(768, 2048) });
    expect(timmParams("eva02_base_patch14_448")).toBe(b);
    expect(millions(b)).toBe(87.12);
    expect(millions(timmParams("eva02_large_patch14_448"))).toBe(305.08);
  });

  it("EVA-02 CLIP towers (inner attention norm, token pooling, projection-sized heads)", () => {
    const b = eva02({ d: 768, depth: 12, patch: 16, img: 224, block: eva02BigBlock(768, 2048, true), classes: 512 });
    expect(timmParams("eva02_base_patch16_clip_224", 512)).toBe(b);
    expect(millions(b)).toBe(86.26);
    const l = eva02({ d: 1024, depth: 24, img: 224, block: eva02BigBlock(1024, 2730, true), classes: 768 });
    expect(timmParams("eva02_large_patch14_clip_224", 768)).toBe(l);
    expect(millions(l)).toBe(304.11);
    expect(millions(timmParams("eva02_large_patch14_clip_336", 768))).toBe(304.43);
  });

  it("EVA giant (plain GELU MLP, fused qkv, absolute positions)", () => {
    const d = 1408;
    const block = ln(d) + lin(d, 3 * d, false) + 2 * d + lin(d, d) + ln(d) + lin(d, 6144) + lin(6144, d);
    const n = 3 * 196 * d + d + d + (256 + 1) * d + 40 * block + ln(d) + head(d, 1000);
    expect(timmParams("eva_giant_patch14_224")).toBe(n);
    expect(millions(n)).toBe(1012.56);
    expect(millions(timmParams("eva_giant_patch14_336"))).toBe(1013.01);
    expect(millions(timmParams("eva_giant_patch14_560"))).toBe(1014.45);
    expect(millions(timmParams("eva_giant_patch14_clip_224", 1024))).toBe(1012.59);
  });

  it("ROPE ViTs with registers (no class token, layer scale)", () => {
    expect(millions(timmParams("vit_medium_patch16_rope_reg1_gap_256"))).toBe(38.74);
    expect(millions(timmParams("vit_mediumd_patch16_rope_reg1_gap_256"))).toBe(63.95);
    expect(millions(timmParams("vit_betwixt_patch16_rope_reg4_gap_256"))).toBe(60.23);
    expect(millions(timmParams("vit_base_patch16_rope_reg1_gap_256"))).toBe(86.43);
  });

  it("ROPE-ViT (Naver): AttentionRope with qkv bias in the Linear; axial or mixed learnable frequencies", () => {
    const d = 384;
    const block = ln(d) + lin(d, 3 * d) + lin(d, d) + ln(d) + lin(d, 4 * d) + lin(4 * d, d) + 2 * d;
    const axial = 3 * 256 * d + d + d + 12 * block + ln(d) + head(d, 1000);
    expect(timmParams("vit_small_patch16_rope_224")).toBe(axial);
    expect(millions(axial)).toBe(21.98);
    // mixed: freqs [2, depth, heads, head_dim / 2] = 2 × 12 × 6 × 32 parameters.
    expect(timmParams("vit_small_patch16_rope_mixed_224")).toBe(axial + 2 * 12 * 6 * 32);
    expect(millions(timmParams("vit_small_patch16_rope_mixed_224"))).toBe(21.99);
    // ape: absolute positions for the 196 patches only (no_embed_class).
    expect(timmParams("vit_small_patch16_rope_ape_224")).toBe(axial + 196 * d);
    expect(millions(timmParams("vit_base_patch16_rope_ape_224"))).toBe(86.59);
    expect(millions(timmParams("vit_large_patch16_rope_ape_224"))).toBe(304.37);
    expect(millions(timmParams("vit_large_patch16_rope_mixed_ape_224"))).toBe(304.4);
  });

  it("Perception Encoder (pre-norm, attention-pool head for core, heads sized by the default config)", () => {
    const d = 192;
    const block = ln(d) + lin(d, 3 * d) + lin(d, d) + ln(d) + lin(d, 4 * d) + lin(4 * d, d);
    const pool = d + lin(d, d) + lin(d, 2 * d) + lin(d, d) + ln(d) + lin(d, 4 * d) + lin(4 * d, d);
    // bias-free 16×16 patch conv, class token, positions for 24² patches + 1, norm_pre, blocks, final norm, pool.
    const core = 3 * 256 * d + d + (576 + 1) * d + ln(d) + 12 * block + ln(d) + pool + head(d, 512);
    expect(timmParams("vit_pe_core_tiny_patch16_384", 512)).toBe(core);
    expect(millions(core)).toBe(6.14);
    expect(millions(timmParams("vit_pe_core_base_patch16_224", 1024))).toBe(93.67);
    expect(millions(timmParams("vit_pe_core_gigantic_patch14_448", 1280))).toBe(1882.03);
    expect(millions(timmParams("vit_pe_lang_large_patch14_448", 0))).toBe(291.42);
    expect(millions(timmParams("vit_pe_spatial_tiny_patch16_512", 0))).toBe(5.68);
    expect(millions(timmParams("vit_pe_spatial_gigantic_patch14_448", 0))).toBe(1851.89);
  });

  it("DINOv3 (4 registers, layer scale, dynamic size: only the rope periods are buffers)", () => {
    const d = 384;
    const block = ln(d) + lin(d, 3 * d, false) + lin(d, d) + 2 * d + ln(d) + lin(d, 4 * d) + lin(4 * d, d);
    const n = 3 * 256 * d + d + d + 4 * d + 12 * block + ln(d);
    expect(timmParams("vit_small_patch16_dinov3", 0)).toBe(n);
    expect(millions(n)).toBe(21.59);
    expect(timm("vit_small_patch16_dinov3", {}, 0).bufferBytes).toBe(16 * 4);
    expect(millions(timmParams("vit_small_plus_patch16_dinov3", 0))).toBe(28.68);
    expect(millions(timmParams("vit_base_patch16_dinov3_qkvb", 0))).toBe(85.66);
    expect(millions(timmParams("vit_large_patch16_dinov3", 0))).toBe(303.08);
    expect(millions(timmParams("vit_huge_plus_patch16_dinov3", 0))).toBe(840.51);
  });

  it("buffers: the rotary table [grid², 2 × head_dim] and the k biases", () => {
    // eva02_tiny_patch14_224: 16×16 grid, head_dim 64; 12 fused blocks with a zero k bias of 192.
    const r = timm("eva02_tiny_patch14_224", {}, 0);
    expect(r.bufferBytes).toBe(256 * 128 * 4 + 12 * 192 * 4);
    expect(r.modelClass).toBe("Eva");
    expect(r.noSplitModules).toBeNull();
    // B/L have no fused qkv, so only the rotary table: 32×32 grid at 448.
    expect(timm("eva02_base_patch14_448").bufferBytes).toBe(1024 * 128 * 4);
    // A dynamic image size keeps only the head_dim / 4 frequency bands.
    expect(timm("eva02_base_patch14_448", { model_args: { dynamic_img_size: true } }).bufferBytes).toBe(16 * 4);
  });
});
