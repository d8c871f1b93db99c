// timm/models/levit.py, cait.py, inception_v3.py, resnetv2.py: expected counts written out per block and stage;
// published "Params (M)" from timm's results/results-imagenet.csv (param_count column, timm v1.0.28).
import { describe, expect, it } from "vitest";
import { estimate } from "../src/core/estimate-all.js";
import { millions, timmParams } from "./helpers/timm.js";

const run = (architecture: string, extra: Record<string, unknown> = {}) =>
  estimate({ architecture, num_classes: 1000, ...extra }, { library: "timm" });

/** BatchNorm (1d or 2d) of c channels: weight + bias; running mean/var float32 plus an int64 counter. */
const bn = (c: number) => 2 * c;
const bnBytes = (c: number) => 8 * c + 8;

describe("levit", () => {
  // LinearNorm / ConvNorm: bias-free i→o projection then BatchNorm(o).
  const ln = (i: number, o: number) => i * o + bn(o);
  const mlp = (d: number) => ln(d, 2 * d) + ln(2 * d, d);
  // Attention (attn_ratio 2): qkv gives keys+queries of kd and values of 2·kd per head; a bias per head and position.
  const attn = (d: number, kd: number, h: number, n: number) => ln(d, h * (2 * kd + 2 * kd)) + ln(h * 2 * kd, d) + h * n;
  const block = (d: number, kd: number, h: number, n: number) => attn(d, kd, h, n) + mlp(d);
  // LevitDownsample: heads = in // kd, attn_ratio 4; kv (k + 4·kd values), q from the subsample, proj to out; then an Mlp.
  const down = (i: number, o: number, kd: number, nk: number) => {
    const h = i / kd;
    return ln(i, h * 5 * kd) + ln(i, h * kd) + ln(h * 4 * kd, o) + h * nk + mlp(o);
  };
  const stem16 = (c: number) => 3 * (c / 8) * 9 + bn(c / 8) + (c / 8) * (c / 4) * 9 + bn(c / 4) + (c / 4) * (c / 2) * 9 + bn(c / 2) + (c / 2) * c * 9 + bn(c);
  const normLinear = (d: number) => bn(d) + d * 1000 + 1000;

  it("levit_128s written out (224 px → 14×14, 7×7, 4×4 tokens; distilled: two heads)", () => {
    const kd = 16;
    const s0 = 2 * block(128, kd, 4, 196);
    const s1 = down(128, 256, kd, 196) + 3 * block(256, kd, 6, 49);
    const s2 = down(256, 384, kd, 49) + 4 * block(384, kd, 8, 16);
    const n = stem16(128) + s0 + s1 + s2 + 2 * normLinear(384);
    const r = run("levit_128s");
    expect(r.modelClass).toBe("LevitDistilled");
    expect(r.noSplitModules).toBeNull();
    expect(r.parameters).toBe(n);
    expect(millions(n)).toBe(7.78);
  });

  it("levit_128s buffers: BatchNorm stats and the int64 attention_bias_idxs (non-persistent, still counted)", () => {
    const lnB = (o: number) => bnBytes(o);
    const attnB = (d: number, kd: number, h: number, n: number) => lnB(h * 4 * kd) + lnB(d) + n * n * 8;
    const blockB = (d: number, kd: number, h: number, n: number) => attnB(d, kd, h, n) + lnB(2 * d) + lnB(d);
    const downB = (i: number, o: number, kd: number, nq: number, nk: number) => {
      const h = i / kd;
      return lnB(h * 5 * kd) + lnB(h * kd) + lnB(o) + nq * nk * 8 + lnB(2 * o) + lnB(o);
    };
    const stemB = bnBytes(16) + bnBytes(32) + bnBytes(64) + bnBytes(128);
    const bytes =
      stemB +
      2 * blockB(128, 16, 4, 196) +
      downB(128, 256, 16, 49, 196) +
      3 * blockB(256, 16, 6, 49) +
      downB(256, 384, 16, 16, 49) +
      4 * blockB(384, 16, 8, 16) +
      2 * bnBytes(384);
    expect(run("levit_128s").bufferBytes).toBe(bytes);
  });

  it("published counts; conv mode has the same weights", () => {
    expect(millions(timmParams("levit_128"))).toBe(9.21);
    expect(millions(timmParams("levit_192"))).toBe(10.95);
    expect(millions(timmParams("levit_256"))).toBe(18.89);
    expect(millions(timmParams("levit_384"))).toBe(39.13);
    for (const n of ["128s", "128", "192", "256", "384"]) {
      const lin = run(`levit_${n}`);
      const conv = run(`levit_conv_${n}`);
      expect(conv.parameters).toBe(lin.parameters);
      expect(conv.bufferBytes).toBe(lin.bufferBytes);
    }
  });

  it("undistilled variants build plain Levit with one head; img_size sizes the bias tables", () => {
    const r = run("levit_512");
    expect(r.modelClass).toBe("Levit");
    expect(run("levit_256").parameters - run("levit_256", { num_classes: 0 }).parameters).toBe(2 * normLinear(512));
    // 256 px: 16×16 tokens in stage 0 (vs 14×14), 8×8 in stage 1 (vs 7×7), 4×4 in stage 2 either way.
    const big = run("levit_128s", { pretrained_cfg: { input_size: [3, 256, 256], fixed_input_size: true } }).parameters;
    const base = run("levit_128s").parameters;
    // Bias tables only: stage 0, 2 blocks × 4 heads × 60 more positions; stage-1 downsample, 128/16 = 8 heads × 60;
    // stage 1, 3 blocks × 6 heads × 15; stage-2 downsample, 256/16 = 16 heads × 15.
    expect(big - base).toBe(2 * 4 * 60 + 8 * 60 + 3 * 6 * 15 + 16 * 15);
  });
});

describe("cait", () => {
  const lin = (i: number, o: number) => i * o + o;
  const norm = (d: number) => 2 * d;
  const mlp = (d: number) => lin(d, 4 * d) + lin(4 * d, d);
  // LayerScaleBlock: talking-heads attention (qkv, proj, heads×heads mixing before and after softmax) + gammas.
  const sa = (d: number, h: number) => norm(d) + lin(d, 3 * d) + lin(d, d) + 2 * lin(h, h) + norm(d) + mlp(d) + 2 * d;
  // LayerScaleBlockClassAttn: q, k, v, proj.
  const ca = (d: number) => norm(d) + 4 * lin(d, d) + norm(d) + mlp(d) + 2 * d;
  const cait = (d: number, depth: number, h: number, img: number) => {
    const patches = (img / 16) ** 2;
    return 3 * d * 256 + d + d + patches * d + depth * sa(d, h) + 2 * ca(d) + norm(d) + lin(d, 1000);
  };

  it("cait_xxs24_224 written out", () => {
    const n = cait(192, 24, 4, 224);
    const r = run("cait_xxs24_224");
    expect(r.modelClass).toBe("Cait");
    expect(r.parameters).toBe(n);
    expect(r.bufferBytes).toBe(0);
    expect(millions(n)).toBe(11.96);
  });

  it("each name's default input size sizes pos_embed", () => {
    expect(timmParams("cait_xs24_384")).toBe(cait(288, 24, 6, 384));
    expect(timmParams("cait_m48_448")).toBe(cait(768, 48, 16, 448));
    expect(timmParams("cait_xxs24_224", 1000, { pretrained_cfg: { input_size: [3, 384, 384], fixed_input_size: true } })).toBe(timmParams("cait_xxs24_384"));
  });

  it("published counts", () => {
    expect(millions(timmParams("cait_xxs24_384"))).toBe(12.03);
    expect(millions(timmParams("cait_xxs36_224"))).toBe(17.3);
    expect(millions(timmParams("cait_xxs36_384"))).toBe(17.37);
    expect(millions(timmParams("cait_xs24_384"))).toBe(26.67);
    expect(millions(timmParams("cait_s24_224"))).toBe(46.92);
    expect(millions(timmParams("cait_s24_384"))).toBe(47.06);
    expect(millions(timmParams("cait_s36_384"))).toBe(68.37);
    expect(millions(timmParams("cait_m36_384"))).toBe(271.22);
    expect(millions(timmParams("cait_m48_448"))).toBe(356.46);
  });

  it("a model arg of the wrong kind is the config's error", () => {
    expect(() => run("cait_s24_224", { model_args: { depth: true } })).toThrow(/depth/);
  });
});

describe("inception_v3", () => {
  // Every conv is a bias-free ConvNormAct: [in, out, kh, kw].
  type C = [number, number, number, number];
  const A = (c: number, pf: number): C[] => [[c, 64, 1, 1], [c, 48, 1, 1], [48, 64, 5, 5], [c, 64, 1, 1], [64, 96, 3, 3], [96, 96, 3, 3], [c, pf, 1, 1]];
  const B = (c: number): C[] => [[c, 384, 3, 3], [c, 64, 1, 1], [64, 96, 3, 3], [96, 96, 3, 3]];
  const Cb = (c: number, c7: number): C[] => [
    [c, 192, 1, 1], [c, c7, 1, 1], [c7, c7, 1, 7], [c7, 192, 7, 1],
    [c, c7, 1, 1], [c7, c7, 7, 1], [c7, c7, 1, 7], [c7, c7, 7, 1], [c7, 192, 1, 7], [c, 192, 1, 1],
  ];
  const D = (c: number): C[] => [[c, 192, 1, 1], [192, 320, 3, 3], [c, 192, 1, 1], [192, 192, 1, 7], [192, 192, 7, 1], [192, 192, 3, 3]];
  const E = (c: number): C[] => [
    [c, 320, 1, 1], [c, 384, 1, 1], [384, 384, 1, 3], [384, 384, 3, 1],
    [c, 448, 1, 1], [448, 384, 3, 3], [384, 384, 1, 3], [384, 384, 3, 1], [c, 192, 1, 1],
  ];
  const convs: C[] = [
    [3, 32, 3, 3], [32, 32, 3, 3], [32, 64, 3, 3], [64, 80, 1, 1], [80, 192, 3, 3],
    ...A(192, 32), ...A(256, 64), ...A(288, 64), ...B(288),
    ...Cb(768, 128), ...Cb(768, 160), ...Cb(768, 160), ...Cb(768, 192),
    ...D(768), ...E(1280), ...E(2048),
  ];

  it("inception_v3 written out (aux_logits off by default)", () => {
    const n = convs.reduce((s, [i, o, kh, kw]) => s + i * o * kh * kw + bn(o), 0) + 2048 * 1000 + 1000;
    const bytes = convs.reduce((s, [, o]) => s + bnBytes(o), 0);
    const r = run("inception_v3");
    expect(r.modelClass).toBe("InceptionV3");
    expect(r.noSplitModules).toBeNull();
    expect(r.parameters).toBe(n);
    expect(r.bufferBytes).toBe(bytes);
    expect(millions(n)).toBe(23.83);
  });

  it("aux_logits adds InceptionAux; deprecated tf_/adv_/gluon_ names build the same model", () => {
    const aux = 768 * 128 + bn(128) + 128 * 768 * 25 + bn(768) + 768 * 1000 + 1000;
    expect(timmParams("inception_v3", 1000, { model_args: { aux_logits: true } }) - timmParams("inception_v3")).toBe(aux);
    for (const name of ["tf_inception_v3", "adv_inception_v3", "gluon_inception_v3"]) expect(timmParams(name)).toBe(timmParams("inception_v3"));
  });
});

describe("resnetv2", () => {
  // Pre-activation bottleneck (GroupNormAct: weight + bias, no buffers): norm1(in), 1×1, norm2, 3×3, norm3, 1×1.
  const pre = (i: number, o: number, proj: boolean) => {
    const m = o / 4;
    return (proj ? i * o : 0) + 2 * i + i * m + 2 * m + m * m * 9 + 2 * m + m * o;
  };
  const stage = (i: number, o: number, d: number) => pre(i, o, true) + (d - 1) * pre(o, o, false);
  const resnet = (layers: number[], wf: number) => {
    const w = [256, 512, 1024, 2048].map((c) => c * wf);
    let n = 3 * 64 * wf * 49;
    let prev = 64 * wf;
    layers.forEach((d, k) => {
      n += stage(prev, w[k] as number, d);
      prev = w[k] as number;
    });
    return n + 2 * prev + prev * 1000 + 1000;
  };

  it("resnetv2_50x1_bit written out (StdConv2d, GroupNormAct(32), 1×1 conv classifier)", () => {
    const n = resnet([3, 4, 6, 3], 1);
    const r = run("resnetv2_50x1_bit");
    expect(r.modelClass).toBe("ResNetV2");
    expect(r.noSplitModules).toBeNull();
    expect(r.parameters).toBe(n);
    expect(r.bufferBytes).toBe(0);
    expect(millions(n)).toBe(25.55);
    expect(timmParams("resnetv2_152x2_bit")).toBe(resnet([3, 8, 36, 3], 2));
  });

  it("resnetv2_50 (BatchNormAct2d): same weights as the BiT model, plus BatchNorm buffers", () => {
    expect(timmParams("resnetv2_50")).toBe(resnet([3, 4, 6, 3], 1));
    // Every norm: the final one (2048), and per block norm1(in), norm2(mid), norm3(mid).
    let bytes = bnBytes(2048);
    let prev = 64;
    [3, 4, 6, 3].forEach((d, k) => {
      const o = [256, 512, 1024, 2048][k] as number;
      bytes += bnBytes(prev) + 2 * bnBytes(o / 4) + (d - 1) * (bnBytes(o) + 2 * bnBytes(o / 4));
      prev = o;
    });
    expect(run("resnetv2_50").bufferBytes).toBe(bytes);
  });

  it("published counts", () => {
    expect(millions(timmParams("resnetv2_50x3_bit"))).toBe(217.32);
    expect(millions(timmParams("resnetv2_101x1_bit"))).toBe(44.54);
    expect(millions(timmParams("resnetv2_101x3_bit"))).toBe(387.93);
    expect(millions(timmParams("resnetv2_152x2_bit"))).toBe(236.34);
    expect(millions(timmParams("resnetv2_152x4_bit"))).toBe(936.53);
    expect(millions(timmParams("resnetv2_18"))).toBe(11.69);
    expect(millions(timmParams("resnetv2_18d"))).toBe(11.71);
    expect(millions(timmParams("resnetv2_34"))).toBe(21.8);
    expect(millions(timmParams("resnetv2_34d"))).toBe(21.82);
    expect(millions(timmParams("resnetv2_50"))).toBe(25.55);
    expect(millions(timmParams("resnetv2_101"))).toBe(44.54);
    expect(millions(timmParams("resnetv2_50d_gn"))).toBe(25.57);
    expect(millions(timmParams("resnetv2_50d_evos"))).toBe(25.59);
  });

  it("resnetv2_50d: deep stem (32, 32, 64) and avg-pool projections", () => {
    const stem = 3 * 32 * 9 + bn(32) + 32 * 32 * 9 + bn(32) + 32 * 64 * 9;
    expect(timmParams("resnetv2_50d") - timmParams("resnetv2_50")).toBe(stem - 3 * 64 * 49);
  });
});
