// transformers/models/vit/{configuration,modeling}_vit.py (4.47)
import { conv2d, layerNorm, linear } from "../../modules/blocks.js";
import { module, repeat, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import { InvalidConfigError } from "../../errors.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";

/** `image_size` / `patch_size` may be an int or a pair, as `collections.abc.Iterable` checks allow. */
export function pair(c: Config, key: string): [number, number] {
  const v = c.get(key);
  if (Array.isArray(v)) {
    const list = c.intList(key);
    if (list.length !== 2) throw new InvalidConfigError(`${c.label}: \`${key}\` must be an integer or a pair`, key);
    return [list[0] as number, list[1] as number];
  }
  const n = c.int(key);
  return [n, n];
}

/** Patches per image, `(H // p) * (W // p)`. */
export function numPatches(c: Config): number {
  const [h, w] = pair(c, "image_size");
  const [ph, pw] = pair(c, "patch_size");
  if (ph === 0 || pw === 0) throw new InvalidConfigError(`${c.label}: \`patch_size\` must be positive`, "patch_size");
  return Math.floor(h / ph) * Math.floor(w / pw);
}

export function vitLayer(c: Config, prefix: string): Module {
  const hidden = c.positiveInt("hidden_size");
  c.divisible("hidden_size", "num_attention_heads");
  const inter = c.int("intermediate_size");
  const qkvBias = c.bool("qkv_bias");
  return module(`${prefix}Layer`, {
    children: {
      attention: module(`${prefix}Attention`, {
        children: {
          attention: module(`${prefix}SelfAttention`, {
            children: { query: linear(hidden, hidden, qkvBias), key: linear(hidden, hidden, qkvBias), value: linear(hidden, hidden, qkvBias) },
          }),
          output: module(`${prefix}SelfOutput`, { children: { dense: linear(hidden, hidden) } }),
        },
      }),
      intermediate: module(`${prefix}Intermediate`, { children: { dense: linear(hidden, inter) } }),
      output: module(`${prefix}Output`, { children: { dense: linear(inter, hidden) } }),
      layernorm_before: layerNorm(hidden),
      layernorm_after: layerNorm(hidden),
    },
  });
}

export function vitEmbeddings(c: Config, prefix: string, useMaskToken = false): Module {
  const hidden = c.positiveInt("hidden_size");
  const patches = numPatches(c);
  return module(`${prefix}Embeddings`, {
    params: { cls_token: [1, 1, hidden], mask_token: useMaskToken && [1, 1, hidden], position_embeddings: [1, patches + 1, hidden] },
    children: {
      patch_embeddings: module(`${prefix}PatchEmbeddings`, {
        children: { projection: conv2d(c.positiveInt("num_channels"), hidden, pair(c, "patch_size")) },
      }),
    },
  });
}

export const VIT_DEFAULTS = {
  hidden_size: 768,
  num_hidden_layers: 12,
  num_attention_heads: 12,
  intermediate_size: 3072,
  hidden_act: "gelu",
  layer_norm_eps: 1e-12,
  image_size: 224,
  patch_size: 16,
  num_channels: 3,
  qkv_bias: true,
  encoder_stride: 16,
} as const;

export const vit: TransformersArchitecture = {
  modelType: "vit",
  source: "transformers/models/vit/modeling_vit.py",
  config: { modelType: "vit", defaults: VIT_DEFAULTS },
  models: {
    AutoModel: (c) => {
      const hidden = c.positiveInt("hidden_size");
      const model = module("ViTModel", {
        children: {
          embeddings: vitEmbeddings(c, "ViT"),
          encoder: module("ViTEncoder", { children: { layer: repeat(vitLayer(c, "ViT"), c.int("num_hidden_layers")) } }),
          layernorm: layerNorm(hidden),
          pooler: module("ViTPooler", { children: { dense: linear(hidden, hidden) } }),
        },
      });
      return built(model, ["ViTEmbeddings", "ViTLayer"]);
    },
  },
};
