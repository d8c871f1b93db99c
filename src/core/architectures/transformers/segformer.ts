// transformers/models/{segformer,glpn}/{configuration,modeling}_{segformer,glpn}.py (4.47)
import { conv2d, layerNorm, linear } from "../../modules/blocks.js";
import { checkIndexedLayers, list, module, repeat, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";
import { checkHeads, stageAt } from "./shared/stage-lists.js";

function mixLayer(p: string, c: Config, i: number, dim: number): Module {
  const heads = stageAt(c, "num_attention_heads", i);
  checkHeads(c, dim, heads);
  const sr = stageAt(c, "sr_ratios", i);
  const ff = Math.floor(dim * stageAt(c, "mlp_ratios", i));
  return module(`${p}Layer`, {
    children: {
      layer_norm_1: layerNorm(dim),
      attention: module(`${p}Attention`, {
        children: {
          // Keys and values come from a spatially reduced (strided conv) copy of the sequence when sr > 1.
          self: module(`${p}EfficientSelfAttention`, {
            children: { query: linear(dim, dim), key: linear(dim, dim), value: linear(dim, dim), sr: sr > 1 && conv2d(dim, dim, sr), layer_norm: sr > 1 && layerNorm(dim) },
          }),
          output: module(`${p}SelfOutput`, { children: { dense: linear(dim, dim) } }),
        },
      }),
      layer_norm_2: layerNorm(dim),
      mlp: module(`${p}MixFFN`, {
        children: { dense1: linear(dim, ff), dwconv: module(`${p}DWConv`, { children: { dwconv: conv2d(ff, ff, 3, { groups: ff }) } }), dense2: linear(ff, dim) },
      }),
    },
  });
}

export function mixEncoder(p: string, c: Config): Module {
  const n = c.int("num_encoder_blocks");
  checkIndexedLayers(n, "encoder stages (`num_encoder_blocks`)");
  const sizes = Array.from({ length: n }, (_, i) => stageAt(c, "hidden_sizes", i));
  const inCh = (i: number) => (i === 0 ? c.positiveInt("num_channels") : (sizes[i - 1] as number));
  return module(`${p}Encoder`, {
    children: {
      patch_embeddings: list("ModuleList", ...sizes.map((dim, i) =>
        module(`${p}OverlapPatchEmbeddings`, { children: { proj: conv2d(inCh(i), dim, stageAt(c, "patch_sizes", i)), layer_norm: layerNorm(dim) } }),
      )),
      block: list("ModuleList", ...sizes.map((dim, i) => repeat(mixLayer(p, c, i, dim), stageAt(c, "depths", i)))),
      layer_norm: list("ModuleList", ...sizes.map((dim) => layerNorm(dim))),
    },
  });
}

const DEFAULTS = {
  num_channels: 3, num_encoder_blocks: 4, depths: [2, 2, 2, 2], sr_ratios: [8, 4, 2, 1], hidden_sizes: [32, 64, 160, 256],
  patch_sizes: [7, 3, 3, 3], strides: [4, 2, 2, 2], num_attention_heads: [1, 2, 5, 8], mlp_ratios: [4, 4, 4, 4], hidden_act: "gelu",
  hidden_dropout_prob: 0.0, attention_probs_dropout_prob: 0.0, initializer_range: 0.02, drop_path_rate: 0.1, layer_norm_eps: 1e-6,
};

export const segformer: TransformersArchitecture = {
  modelType: "segformer",
  source: "transformers/models/segformer/modeling_segformer.py",
  config: {
    modelType: "segformer",
    defaults: { ...DEFAULTS, classifier_dropout_prob: 0.1, decoder_hidden_size: 256, semantic_loss_ignore_index: 255, reshape_last_stage: true },
  },
  models: { AutoModel: (c) => built(module("SegformerModel", { children: { encoder: mixEncoder("Segformer", c) } }), null) },
};

export const glpn: TransformersArchitecture = {
  modelType: "glpn",
  source: "transformers/models/glpn/modeling_glpn.py",
  config: { modelType: "glpn", defaults: { ...DEFAULTS, decoder_hidden_size: 64, max_depth: 10, head_in_index: -1 } },
  models: { AutoModel: (c) => built(module("GLPNModel", { children: { encoder: mixEncoder("GLPN", c) } }), []) },
};
