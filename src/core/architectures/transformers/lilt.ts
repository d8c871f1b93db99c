// transformers/models/lilt/{configuration,modeling}_lilt.py — a text stream and a narrower layout stream.
import { embedding, layerNorm, linear } from "../../modules/blocks.js";
import { module, type Module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { BERT_DEFAULTS, bertEncoder, bertPooler } from "./shared/bert-like.js";
import { built } from "./shared/build.js";
import { embeddingsOf } from "./shared/bert-variants.js";

export const lilt: TransformersArchitecture = {
  modelType: "lilt",
  source: "transformers/models/lilt/modeling_lilt.py",
  config: { modelType: "lilt", defaults: { ...BERT_DEFAULTS, channel_shrink_ratio: 4, max_2d_position_embeddings: 1024 } },
  models: {
    AutoModel: (c) => {
      const hidden = c.positiveInt("hidden_size");
      const inter = c.int("intermediate_size");
      const heads = c.positiveInt("num_attention_heads");
      c.divisible("hidden_size", "num_attention_heads");
      const ratio = c.positiveInt("channel_shrink_ratio");
      // The layout stream runs at hidden_size // ratio (and intermediate_size // ratio).
      const small = Math.floor(hidden / ratio);
      const smallInter = Math.floor(inter / ratio);
      const headSize = hidden / heads;
      const positionType = c.get("position_embedding_type") ?? "absolute";
      const relative = positionType === "relative_key" || positionType === "relative_key_query";
      const selfOutput = (width: number): Module =>
        module("LiltSelfOutput", { children: { dense: linear(width, width), LayerNorm: layerNorm(width) } });
      const layer = module("LiltLayer", {
        children: {
          attention: module("LiltAttention", {
            children: {
              self: module("LiltSelfAttention", {
                children: {
                  query: linear(hidden, hidden),
                  key: linear(hidden, hidden),
                  value: linear(hidden, hidden),
                  layout_query: linear(small, small),
                  layout_key: linear(small, small),
                  layout_value: linear(small, small),
                  distance_embedding: relative && embedding(2 * c.int("max_position_embeddings") - 1, headSize),
                },
              }),
              output: selfOutput(hidden),
              layout_output: selfOutput(small),
            },
          }),
          intermediate: module("LiltIntermediate", { children: { dense: linear(hidden, inter) } }),
          output: module("LiltOutput", { children: { dense: linear(inter, hidden), LayerNorm: layerNorm(hidden) } }),
          layout_intermediate: module("LiltIntermediate", { children: { dense: linear(small, smallInter) } }),
          layout_output: module("LiltOutput", { children: { dense: linear(smallInter, small), LayerNorm: layerNorm(small) } }),
        },
      });
      const max2d = c.int("max_2d_position_embeddings");
      const box = Math.floor(hidden / 6);
      const model = module("LiltModel", {
        children: {
          embeddings: embeddingsOf(c, "LiltTextEmbeddings", { tokenTypeIds: false }),
          layout_embeddings: module("LiltLayoutEmbeddings", {
            children: {
              // Six box coordinates (x twice, y twice, h, w) are concatenated back to hidden_size.
              x_position_embeddings: embedding(max2d, box),
              y_position_embeddings: embedding(max2d, box),
              h_position_embeddings: embedding(max2d, box),
              w_position_embeddings: embedding(max2d, box),
              box_position_embeddings: embedding(c.int("max_position_embeddings"), small),
              box_linear_embeddings: linear(hidden, small),
              LayerNorm: layerNorm(small),
            },
          }),
          encoder: bertEncoder(c, "Lilt", layer),
          pooler: bertPooler(c, "Lilt"),
        },
      });
      return built(model, []);
    },
  },
};
