// transformers/models/hiera/{configuration,modeling}_hiera.py (4.47)
import { conv2d, layerNorm, linear } from "../../modules/blocks.js";
import { list, module, repeat, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";
import { checkHeads, stageAt } from "./shared/stage-lists.js";
import { pair } from "./vit.js";

/** A block may widen its input (first block of a stage), then needs a `proj` for the residual path. */
function hieraLayer(c: Config, dim: number, out: number, heads: number): Module {
  checkHeads(c, out, heads, "num_heads");
  const hidden = Math.floor(out * c.number("mlp_ratio"));
  return module("HieraLayer", {
    children: {
      layernorm_before: layerNorm(dim),
      attn: module("HieraMaskUnitAttention", { children: { qkv: linear(dim, 3 * out), proj: linear(out, out) } }),
      layernorm_after: layerNorm(out),
      mlp: module("HieraMlp", { children: { fc1: linear(out, hidden), fc2: linear(hidden, out) } }),
      proj: dim !== out && linear(dim, out),
    },
  });
}

export const hiera: TransformersArchitecture = {
  modelType: "hiera",
  source: "transformers/models/hiera/modeling_hiera.py",
  config: {
    modelType: "hiera",
    defaults: {
      embed_dim: 96, image_size: [224, 224], patch_size: [7, 7], patch_stride: [4, 4], patch_padding: [3, 3], mlp_ratio: 4.0,
      depths: [2, 3, 16, 3], num_heads: [1, 2, 4, 8], embed_dim_multiplier: 2.0, num_query_pool: 3, query_stride: [2, 2],
      masked_unit_size: [8, 8], masked_unit_attention: [true, true, false, false], drop_path_rate: 0.0, num_channels: 3,
      hidden_act: "gelu", initializer_range: 0.02, layer_norm_init: 1.0, layer_norm_eps: 1e-6, decoder_hidden_size: null,
      decoder_depth: null, decoder_num_heads: null, normalize_pixel_loss: true, mask_ratio: 0.6,
    },
    derive: (c) => {
      const depths = c.intList("depths");
      c.set("num_layers", depths.length);
      c.set("hidden_size", Math.floor(c.int("embed_dim") * c.number("embed_dim_multiplier") ** (depths.length - 1)));
    },
  },
  models: {
    AutoModel: (c) => {
      const embed = c.positiveInt("embed_dim");
      const mult = c.number("embed_dim_multiplier");
      const [h, w] = pair(c, "image_size");
      const [sh, sw] = pair(c, "patch_stride");
      const tokens = Math.floor(h / sh) * Math.floor(w / sw);
      let dim = embed;
      const stages = c.intList("depths").map((depth, i) => {
        const out = Math.floor(embed * mult ** i);
        const heads = stageAt(c, "num_heads", i);
        const layers = list("ModuleList", hieraLayer(c, dim, out, heads), { module: hieraLayer(c, out, out, heads), count: depth - 1 });
        dim = out;
        return module("HieraStage", { children: { layers: depth > 0 ? layers : repeat(hieraLayer(c, out, out, heads), 0) } });
      });
      const model = module("HieraModel", {
        children: {
          embeddings: module("HieraEmbeddings", {
            params: { position_embeddings: [1, tokens, embed] },
            children: { patch_embeddings: module("HieraPatchEmbeddings", { children: { projection: conv2d(c.positiveInt("num_channels"), embed, pair(c, "patch_size")) } }) },
          }),
          encoder: module("HieraEncoder", { children: { stages: list("ModuleList", ...stages) } }),
          pooler: module("HieraPooler", { children: { layernorm: layerNorm(Math.floor(embed * mult ** (c.intList("depths").length - 1))) } }),
        },
      });
      return built(model, null);
    },
  },
};
