// transformers/models/swin2sr/{configuration,modeling}_swin2sr.py (4.47)
import { conv2d, layerNorm } from "../../modules/blocks.js";
import { list, module, repeat, stateless } from "../../modules/module.js";
import { InvalidConfigError } from "../../errors.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";
import { SWIN_DEFAULTS, swinGrid, swinV2Layer } from "./shared/swin-blocks.js";
import { pair } from "./vit.js";

export const swin2sr: TransformersArchitecture = {
  modelType: "swin2sr",
  source: "transformers/models/swin2sr/modeling_swin2sr.py",
  config: {
    modelType: "swin2sr",
    defaults: {
      ...SWIN_DEFAULTS, image_size: 64, patch_size: 1, embed_dim: 180, depths: [6, 6, 6, 6, 6, 6], num_heads: [6, 6, 6, 6, 6, 6],
      window_size: 8, mlp_ratio: 2.0, num_channels_out: null, upscale: 2, img_range: 1.0, resi_connection: "1conv",
      upsampler: "pixelshuffle",
    },
    derive: (c) => {
      c.set("num_layers", c.intList("depths").length);
      c.setDefault("num_channels_out", c.get("num_channels"));
    },
  },
  models: {
    AutoModel: (c) => {
      const dim = c.positiveInt("embed_dim");
      const grid = swinGrid(c);
      const heads = c.intList("num_heads");
      const patch = pair(c, "patch_size");
      // Patch embeddings here map the embed_dim features onto themselves; only the first one is normalized.
      const patchEmbed = (normalize: boolean) =>
        module("Swin2SRPatchEmbeddings", { children: { projection: conv2d(dim, dim, patch), layernorm: normalize && layerNorm(dim) } });
      const resi = c.string("resi_connection");
      if (resi !== "1conv" && resi !== "3conv") throw new InvalidConfigError(`${c.label}: unknown \`resi_connection\` ${resi}`, "resi_connection");
      const q = Math.floor(dim / 4);
      const residualConv =
        resi === "1conv"
          ? conv2d(dim, dim, 3)
          : list("Sequential", conv2d(dim, q, 3), stateless("LeakyReLU"), conv2d(q, q, 1), stateless("LeakyReLU"), conv2d(q, dim, 3));
      const stages = c.intList("depths").map((depth, i) => {
        const n = heads[i];
        if (n === undefined) throw new InvalidConfigError(`${c.label}: \`num_heads\` needs one entry per stage`, "num_heads");
        return module("Swin2SRStage", {
          children: { layers: repeat(swinV2Layer("Swin2SR", c, dim, n, grid), depth), conv: residualConv, patch_embed: patchEmbed(false) },
        });
      });
      const model = module("Swin2SRModel", {
        children: {
          first_convolution: conv2d(c.positiveInt("num_channels"), dim, 3),
          embeddings: module("Swin2SREmbeddings", {
            params: { position_embeddings: c.bool("use_absolute_embeddings") && [1, grid[0] * grid[1] + 1, dim] },
            children: { patch_embeddings: patchEmbed(true) },
          }),
          encoder: module("Swin2SREncoder", { children: { stages: list("ModuleList", ...stages) } }),
          layernorm: layerNorm(dim),
          conv_after_body: conv2d(dim, dim, 3),
        },
      });
      return built(model, null);
    },
  },
};
