// transformers/models/focalnet/{configuration,modeling}_focalnet.py (4.47)
import { conv2d, layerNorm, linear } from "../../modules/blocks.js";
import { checkIndexedLayers, list, module, repeat, stateless, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import { InvalidConfigError } from "../../errors.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";
import { pair } from "./vit.js";

/** Stem: patch-sized conv (or a 7×7 stride-4 conv); between stages: 2×2 (or 3×3 stride-2) conv plus LayerNorm. */
function patchEmbeddings(c: Config, inCh: number, out: number, stem: boolean): Module {
  const kernel = c.bool("use_conv_embed") ? (stem ? 7 : 3) : stem ? pair(c, "patch_size") : 2;
  return module("FocalNetPatchEmbeddings", { children: { projection: conv2d(inCh, out, kernel), norm: !stem && layerNorm(out) } });
}

function at(c: Config, key: string, i: number): number {
  const v = c.intList(key)[i];
  if (v === undefined) throw new InvalidConfigError(`${c.label}: \`${key}\` needs one entry per stage`, key);
  return v;
}

function focalLayer(c: Config, i: number, dim: number): Module {
  const level = at(c, "focal_levels", i);
  // Each level's kernel differs (2k + window): built one by one, so the count is bounded.
  checkIndexedLayers(level, "focal levels (`focal_levels`)");
  const window = at(c, "focal_windows", i);
  const hidden = Math.floor(dim * c.number("mlp_ratio"));
  const scale = c.bool("use_layerscale");
  // Each focal level is a depthwise conv whose kernel grows by 2 per level.
  const focal = Array.from({ length: level }, (_, k) =>
    list("Sequential", conv2d(dim, dim, 2 * k + window, { groups: dim, bias: false }), stateless("GELU")),
  );
  return module("FocalNetLayer", {
    params: { gamma_1: scale && [dim], gamma_2: scale && [dim] },
    children: {
      norm1: layerNorm(dim),
      modulation: module("FocalNetModulation", {
        children: {
          projection_in: linear(dim, 2 * dim + level + 1),
          projection_context: conv2d(dim, dim, 1),
          projection_out: linear(dim, dim),
          focal_layers: list("ModuleList", ...focal),
          layernorm: c.bool("use_post_layernorm_in_modulation") && layerNorm(dim),
        },
      }),
      norm2: layerNorm(dim),
      mlp: module("FocalNetMlp", { children: { fc1: linear(dim, hidden), fc2: linear(hidden, dim) } }),
    },
  });
}

export const focalnet: TransformersArchitecture = {
  modelType: "focalnet",
  source: "transformers/models/focalnet/modeling_focalnet.py",
  config: {
    modelType: "focalnet",
    defaults: {
      image_size: 224, patch_size: 4, num_channels: 3, embed_dim: 96, use_conv_embed: false, hidden_sizes: [192, 384, 768, 768],
      depths: [2, 2, 6, 2], focal_levels: [2, 2, 2, 2], focal_windows: [3, 3, 3, 3], hidden_act: "gelu", mlp_ratio: 4.0,
      hidden_dropout_prob: 0.0, drop_path_rate: 0.1, use_layerscale: false, layerscale_value: 1e-4, use_post_layernorm: false,
      use_post_layernorm_in_modulation: false, normalize_modulator: false, initializer_range: 0.02, layer_norm_eps: 1e-5,
      encoder_stride: 32,
    },
  },
  models: {
    AutoModel: (c) => {
      const embed = c.positiveInt("embed_dim");
      const depths = c.intList("depths");
      const widths = [embed, ...c.intList("hidden_sizes")];
      const stages = depths.map((depth, i) => {
        const dim = widths[i] as number;
        const out = widths[i + 1];
        const last = i === depths.length - 1;
        if (!last && out === undefined) throw new InvalidConfigError(`${c.label}: \`hidden_sizes\` needs one entry per stage`, "hidden_sizes");
        return module("FocalNetStage", {
          children: { layers: repeat(focalLayer(c, i, dim), depth), downsample: !last && patchEmbeddings(c, dim, out as number, false) },
        });
      });
      const model = module("FocalNetModel", {
        children: {
          embeddings: module("FocalNetEmbeddings", {
            children: { patch_embeddings: patchEmbeddings(c, c.positiveInt("num_channels"), embed, true), norm: layerNorm(embed) },
          }),
          encoder: module("FocalNetEncoder", { children: { stages: list("ModuleList", ...stages) } }),
          layernorm: layerNorm(Math.floor(embed * 2 ** (depths.length - 1))),
        },
      });
      return built(model, ["FocalNetStage"]);
    },
  },
};
