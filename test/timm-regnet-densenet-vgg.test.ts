// timm/models/regnet.py, densenet.py, vgg.py: expected counts written out per block; published "Params (M)" from
// the timm model cards.
import { describe, expect, it } from "vitest";
import { millions, timmParams } from "./helpers/timm.js";

const bn = (c: number) => 2 * c;

describe("regnet", () => {
  it("regnetx_002 written out (widths 24/56/152/368, depths 1/1/4/7, group width 8)", () => {
    const block = (i: number, o: number, first: boolean) =>
      i * o + bn(o) + o * (o / (o / 8)) * 9 + bn(o) + o * o + bn(o) + (first ? i * o + bn(o) : 0);
    const stage = (i: number, o: number, d: number) => block(i, o, true) + (d - 1) * block(o, o, false);
    const n = 3 * 32 * 9 + bn(32) + stage(32, 24, 1) + stage(24, 56, 1) + stage(56, 152, 4) + stage(152, 368, 7) + 368 * 1000 + 1000;
    expect(timmParams("regnetx_002")).toBe(n);
    expect(millions(n)).toBe(2.68);
  });
  it("published counts", () => {
    expect(millions(timmParams("regnety_032"))).toBe(19.44);
    expect(millions(timmParams("regnety_040"))).toBe(20.65);
    expect(millions(timmParams("regnety_120"))).toBe(51.82);
    expect(millions(timmParams("regnety_320"))).toBe(145.05);
    expect(millions(timmParams("regnetx_320"))).toBe(107.81);
    expect(millions(timmParams("regnetv_040"))).toBe(20.64);
    expect(millions(timmParams("regnetz_040"))).toBe(27.12);
  });
});

describe("densenet", () => {
  it("densenet121 written out", () => {
    const k = 32;
    let n = 3 * 64 * 49 + bn(64);
    let c = 64;
    [6, 12, 24, 16].forEach((layers, i) => {
      for (let j = 0; j < layers; j++) n += bn(c + j * k) + (c + j * k) * 128 + bn(128) + 128 * k * 9;
      c += layers * k;
      if (i < 3) {
        n += bn(c) + c * (c / 2);
        c /= 2;
      }
    });
    n += bn(c) + c * 1000 + 1000;
    expect(timmParams("densenet121")).toBe(n);
    expect(millions(n)).toBe(7.98);
    expect(millions(timmParams("densenet161"))).toBe(28.68);
    expect(millions(timmParams("densenet201"))).toBe(20.01);
  });
});

describe("vgg", () => {
  it("vgg16 / vgg16_bn written out (conv MLP head)", () => {
    const convs: [number, number][] = [[3, 64], [64, 64], [64, 128], [128, 128], [128, 256], [256, 256], [256, 256], [256, 512], [512, 512], [512, 512], [512, 512], [512, 512], [512, 512]];
    const body = convs.reduce((s, [i, o]) => s + i * o * 9 + o, 0);
    const head = 512 * 4096 * 49 + 4096 + 4096 * 4096 + 4096 + 4096 * 1000 + 1000;
    expect(timmParams("vgg16")).toBe(body + head);
    expect(millions(body + head)).toBe(138.36);
    const bnParams = convs.reduce((s, [, o]) => s + bn(o), 0);
    expect(timmParams("vgg16_bn")).toBe(body + head + bnParams);
    expect(millions(timmParams("vgg19_bn"))).toBe(143.68);
  });
});
