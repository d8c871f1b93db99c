// timm/models/efficientnet.py + mobilenetv3.py: expected counts written out per block; published "Params (M)" from
// the timm model cards.
import { describe, expect, it } from "vitest";
import { millions, timmParams } from "./helpers/timm.js";

const bn = (c: number) => 2 * c;
/** Squeeze-excite: reduce and expand 1×1 convs with bias. */
const se = (c: number, rd: number) => c * rd + rd + rd * c + c;
/** MBConv: expand 1×1, depthwise k×k, SE (rd = in/4), project 1×1, each conv followed by BN. */
const mbconv = (i: number, o: number, k: number, e: number) => {
  const m = i * e;
  return i * m + bn(m) + m * k * k + bn(m) + se(m, Math.max(1, Math.round(i / 4))) + m * o + bn(o);
};

/** EfficientNet-B0 channel plan with per-stage repeats (B1 only deepens it). */
function b0Family(repeats: number[]): number {
  const stages: [number, number, number][] = [[24, 3, 6], [40, 5, 6], [80, 3, 6], [112, 5, 6], [192, 5, 6], [320, 3, 6]];
  let n = 3 * 32 * 9 + bn(32);
  // stage 0: depthwise-separable 32→16 (SE rd 8), repeats beyond the first are 16→16 (SE rd 4)
  n += 32 * 9 + bn(32) + se(32, 8) + 32 * 16 + bn(16);
  n += (repeats[0]! - 1) * (16 * 9 + bn(16) + se(16, 4) + 16 * 16 + bn(16));
  let prev = 16;
  stages.forEach(([out, k, e], s) => {
    n += mbconv(prev, out, k, e) + (repeats[s + 1]! - 1) * mbconv(out, out, k, e);
    prev = out;
  });
  return n + 320 * 1280 + bn(1280) + 1280 * 1000 + 1000;
}

describe("efficientnet", () => {
  it("efficientnet_b1 (depth × 1.1, ceil per stage)", () => {
    const n = b0Family([2, 3, 3, 4, 4, 5, 2]);
    expect(timmParams("efficientnet_b1")).toBe(n);
    expect(millions(n)).toBe(7.79);
  });
  it("b2–b7 and tf ports", () => {
    expect(millions(timmParams("efficientnet_b2"))).toBe(9.11);
    expect(millions(timmParams("efficientnet_b3"))).toBe(12.23);
    expect(millions(timmParams("efficientnet_b4"))).toBe(19.34);
    expect(millions(timmParams("efficientnet_b5"))).toBe(30.39);
    expect(millions(timmParams("tf_efficientnet_b6"))).toBe(43.04);
    expect(millions(timmParams("tf_efficientnet_b7"))).toBe(66.35);
    expect(timmParams("tf_efficientnet_b1")).toBe(timmParams("efficientnet_b1"));
  });
  it("efficientnetv2", () => {
    expect(millions(timmParams("tf_efficientnetv2_s"))).toBe(21.46);
    expect(millions(timmParams("tf_efficientnetv2_m"))).toBe(54.14);
    expect(millions(timmParams("tf_efficientnetv2_l"))).toBe(118.52);
    expect(millions(timmParams("efficientnetv2_rw_s"))).toBe(23.94);
    expect(millions(timmParams("tf_efficientnetv2_b0"))).toBe(7.14);
  });
  it("mobilenetv2 / mixnet / lite", () => {
    expect(millions(timmParams("mobilenetv2_100"))).toBe(3.5);
    expect(millions(timmParams("mixnet_s"))).toBe(4.13);
    expect(millions(timmParams("mixnet_l"))).toBe(7.33);
    expect(millions(timmParams("efficientnet_lite0"))).toBe(4.65);
  });
});

describe("mobilenetv3 / mobilenetv4", () => {
  it("mobilenetv3_small_100 written out", () => {
    const hs = (c: number) => Math.max(8, Math.round(c / 8) * 8); // SE rd: make_divisible(c/4, 8)
    const ir = (i: number, m: number, o: number, k: number, withSe: boolean) =>
      i * m + bn(m) + m * k * k + bn(m) + (withSe ? se(m, hs(m / 4)) : 0) + m * o + bn(o);
    let n = 3 * 16 * 9 + bn(16);
    n += 16 * 9 + bn(16) + se(16, 8) + 16 * 16 + bn(16); // ds, SE on 16 → 8
    n += ir(16, 72, 24, 3, false) + ir(24, 88, 24, 3, false);
    n += ir(24, 96, 40, 5, true) + 2 * ir(40, 240, 40, 5, true);
    n += ir(40, 120, 48, 5, true) + ir(48, 144, 48, 5, true);
    n += ir(48, 288, 96, 5, true) + 2 * ir(96, 576, 96, 5, true);
    n += 96 * 576 + bn(576); // cn 1×1
    n += 576 * 1024 + 1024 + 1024 * 1000 + 1000; // head conv (bias) + classifier
    expect(timmParams("mobilenetv3_small_100")).toBe(n);
    expect(millions(n)).toBe(2.54);
  });
  it("published counts", () => {
    expect(millions(timmParams("mobilenetv3_large_100"))).toBe(5.48);
    expect(millions(timmParams("mobilenetv4_conv_small"))).toBe(3.77);
    expect(millions(timmParams("mobilenetv4_conv_medium"))).toBe(9.72);
    expect(millions(timmParams("mobilenetv4_conv_large"))).toBe(32.59);
    expect(millions(timmParams("mobilenetv4_hybrid_medium"))).toBe(11.07);
    expect(millions(timmParams("mobilenetv4_hybrid_large"))).toBe(37.76);
    expect(millions(timmParams("lcnet_100"))).toBe(2.95);
    expect(millions(timmParams("fbnetv3_b"))).toBe(8.6);
  });
});
