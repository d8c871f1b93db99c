// transformers/models/timesformer/{configuration,modeling}_timesformer.py (4.47)
import { layerNorm, linear } from "../../modules/blocks.js";
import { module, repeat } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";
import { ePatchEmbeddings } from "./shared/vit-encoder.js";
import { numPatches, pair } from "./vit.js";

/** One fused qkv projection, then the output dense. */
function attention(c: Config, hidden: number) {
  return module("TimeSformerAttention", {
    children: {
      attention: module("TimesformerSelfAttention", { children: { qkv: linear(hidden, 3 * hidden, c.bool("qkv_bias")) } }),
      output: module("TimesformerSelfOutput", { children: { dense: linear(hidden, hidden) } }),
    },
  });
}

export const timesformer: TransformersArchitecture = {
  modelType: "timesformer",
  source: "transformers/models/timesformer/modeling_timesformer.py",
  config: {
    modelType: "timesformer",
    defaults: {
      image_size: 224, patch_size: 16, num_channels: 3, num_frames: 8, hidden_size: 768, num_hidden_layers: 12,
      num_attention_heads: 12, intermediate_size: 3072, hidden_act: "gelu", layer_norm_eps: 1e-6, qkv_bias: true,
      attention_type: "divided_space_time", drop_path_rate: 0,
    },
  },
  models: {
    AutoModel: (c) => {
      const hidden = c.positiveInt("hidden_size");
      c.divisible("hidden_size", "num_attention_heads");
      const inter = c.int("intermediate_size");
      const type = c.string("attention_type");
      const divided = type === "divided_space_time";
      const layer = module("TimesformerLayer", {
        children: {
          attention: attention(c, hidden),
          intermediate: module("TimesformerIntermediate", { children: { dense: linear(hidden, inter) } }),
          output: module("TimesformerOutput", { children: { dense: linear(inter, hidden) } }),
          layernorm_before: layerNorm(hidden),
          layernorm_after: layerNorm(hidden),
          temporal_layernorm: divided && layerNorm(hidden),
          temporal_attention: divided && attention(c, hidden),
          temporal_dense: divided && linear(hidden, hidden),
        },
      });
      const model = module("TimesformerModel", {
        children: {
          embeddings: module("TimesformerEmbeddings", {
            params: {
              cls_token: [1, 1, hidden],
              position_embeddings: [1, numPatches(c) + 1, hidden],
              time_embeddings: type !== "space_only" && [1, c.int("num_frames"), hidden],
            },
            children: { patch_embeddings: ePatchEmbeddings("TimesformerPatchEmbeddings", c.positiveInt("num_channels"), hidden, pair(c, "patch_size")) },
          }),
          encoder: module("TimesformerEncoder", { children: { layer: repeat(layer, c.int("num_hidden_layers")) } }),
          layernorm: layerNorm(hidden),
        },
      });
      return built(model, ["TimesformerLayer"]);
    },
  },
};
