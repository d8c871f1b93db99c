// RTDetrResNetBackbone (transformers/models/rt_detr/{configuration,modeling}_rt_detr_resnet.py, 4.47): a ResNet-D with
// a 3-conv stem and average-pooled shortcuts; detectors freeze its BatchNorms (`replace_batch_norm`).
import { batchNorm, conv2d } from "../../../modules/blocks.js";
import { buffer, list, module, stateless, type Module } from "../../../modules/module.js";
import type { Config, ConfigSpec } from "../../../config/config.js";
import { InvalidConfigError } from "../../../errors.js";
import { iOutIndices, type Backbone } from "./backbones.js";

const P = "RTDetrResNet";

export const RTDETR_RESNET_SPEC: ConfigSpec = {
  modelType: "rt_detr_resnet",
  defaults: {
    num_channels: 3, embedding_size: 64, hidden_sizes: [256, 512, 1024, 2048], depths: [3, 4, 6, 3], layer_type: "bottleneck",
    hidden_act: "relu", downsample_in_first_stage: false, downsample_in_bottleneck: false, out_features: null, out_indices: null,
  },
};

/** `XxxFrozenBatchNorm2d`: the four statistics as buffers, no parameters and no batch counter. */
export function iFrozenBatchNorm(cls: string, n: number): Module {
  return module(cls, { buffers: { weight: buffer([n]), bias: buffer([n]), running_mean: buffer([n]), running_var: buffer([n]) } });
}

export function iRtDetrResNetBackbone(c: Config, frozenCls: string | null): Backbone {
  const norm = (n: number) => (frozenCls ? iFrozenBatchNorm(frozenCls, n) : batchNorm(n));
  const convLayer = (inCh: number, out: number, k: number) =>
    module(`${P}ConvLayer`, { children: { convolution: conv2d(inCh, out, k, { bias: false }), normalization: norm(out) } });
  const shortcut = (inCh: number, out: number) => module(`${P}ShortCut`, { children: { convolution: conv2d(inCh, out, 1, { bias: false }), normalization: norm(out) } });
  // A stride-2 shortcut average-pools first (index 0 of a Sequential), then projects.
  const pooled = (inner: Module) => list("Sequential", stateless("AvgPool2d"), inner);
  const bottleneck = c.string("layer_type") === "bottleneck";
  const layer = (inCh: number, out: number, stride: number, first: boolean): Module => {
    if (bottleneck) {
      const r = Math.floor(out / 4);
      const apply = inCh !== out || stride !== 1;
      const sc = stride === 2 ? pooled(apply ? shortcut(inCh, out) : stateless("Identity")) : apply && shortcut(inCh, out);
      return module(`${P}BottleNeckLayer`, { children: { shortcut: sc, layer: list("Sequential", convLayer(inCh, r, 1), convLayer(r, r, 3), convLayer(r, out, 1)) } });
    }
    // Basic layers: only a stage's first layer gets a shortcut (pooled when the width changes).
    const sc = first && (inCh !== out ? pooled(shortcut(inCh, out)) : shortcut(inCh, out));
    return module(`${P}BasicLayer`, { children: { shortcut: sc, layer: list("Sequential", convLayer(inCh, out, 3), convLayer(out, out, 3)) } });
  };
  const sizes = c.intList("hidden_sizes");
  const depths = c.intList("depths");
  if (sizes.length === 0 || depths.length < sizes.length) throw new InvalidConfigError(`${c.label}: \`depths\` needs one entry per stage`, "depths");
  const embed = c.positiveInt("embedding_size");
  const half = Math.floor(embed / 2);
  const stages = sizes.map((out, i) => {
    const inCh = i === 0 ? embed : (sizes[i - 1] as number);
    const stride = i === 0 ? (c.bool("downsample_in_first_stage") ? 2 : 1) : 2;
    return module(`${P}Stage`, {
      children: { layers: list("Sequential", layer(inCh, out, stride, true), { module: layer(out, out, 1, false), count: (depths[i] as number) - 1 }) },
    });
  });
  const widths = [embed, ...sizes];
  return {
    module: module(`${P}Backbone`, {
      children: {
        embedder: module(`${P}Embeddings`, {
          children: { embedder: list("Sequential", convLayer(c.positiveInt("num_channels"), half, 3), convLayer(half, half, 3), convLayer(half, embed, 3)) },
        }),
        encoder: module(`${P}Encoder`, { children: { stages: list("ModuleList", ...stages) } }),
      },
    }),
    channels: iOutIndices(c, sizes.length).map((i) => widths[i] as number),
    config: c,
  };
}

/** `replace_batch_norm`: every BatchNorm2d in a tree becomes a frozen one (same statistics, all buffers). */
export function iFreezeBatchNorms(m: Module, frozenCls: string): Module {
  if (m.cls === "BatchNorm2d") {
    const n = m.params.find(([name]) => name === "weight")?.[1].shape[0] ?? 0;
    return iFrozenBatchNorm(frozenCls, n);
  }
  return {
    ...m,
    children: m.children.map(([name, child]) => [name, iFreezeBatchNorms(child, frozenCls)] as const),
    ...(m.items ? { items: m.items.map((r) => ({ module: iFreezeBatchNorms(r.module, frozenCls), count: r.count })) } : {}),
  };
}
