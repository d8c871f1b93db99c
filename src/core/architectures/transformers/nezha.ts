// transformers/models/nezha/{configuration,modeling}_nezha.py
import { layerNorm, linear } from "../../modules/blocks.js";
import { buffer, module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { BERT_DEFAULTS, bertEncoder, bertPooler } from "./shared/bert-like.js";
import { built } from "./shared/build.js";
import { embeddingsOf } from "./shared/bert-variants.js";

export const nezha: TransformersArchitecture = {
  modelType: "nezha",
  source: "transformers/models/nezha/modeling_nezha.py",
  config: {
    modelType: "nezha",
    defaults: { ...BERT_DEFAULTS, vocab_size: 21128, max_relative_position: 64, bos_token_id: 2, eos_token_id: 3 },
  },
  models: {
    AutoModel: (c) => {
      const hidden = c.positiveInt("hidden_size");
      const heads = c.positiveInt("num_attention_heads");
      c.divisible("hidden_size", "num_attention_heads");
      const headSize = hidden / heads;
      const inter = c.int("intermediate_size");
      const length = c.int("max_position_embeddings");
      // Functional relative positions: a precomputed [length, length, head] float table per layer, no parameters.
      const relative = module("NezhaRelativePositionsEncoding", {
        buffers: { positions_encoding: buffer([length, length, headSize], "float32", false) },
      });
      const attention = module("NezhaAttention", {
        children: {
          self: module("NezhaSelfAttention", {
            children: {
              query: linear(hidden, hidden),
              key: linear(hidden, hidden),
              value: linear(hidden, hidden),
              relative_positions_encoding: relative,
            },
          }),
          output: module("NezhaSelfOutput", { children: { dense: linear(hidden, hidden), LayerNorm: layerNorm(hidden) } }),
        },
      });
      const layer = module("NezhaLayer", {
        children: {
          attention,
          crossattention: c.bool("add_cross_attention") && attention,
          intermediate: module("NezhaIntermediate", { children: { dense: linear(hidden, inter) } }),
          output: module("NezhaOutput", { children: { dense: linear(inter, hidden), LayerNorm: layerNorm(hidden) } }),
        },
      });
      const model = module("NezhaModel", {
        children: {
          embeddings: embeddingsOf(c, "NezhaEmbeddings", { position: false, positionIds: false }),
          encoder: bertEncoder(c, "Nezha", layer),
          pooler: bertPooler(c, "Nezha"),
        },
      });
      return built(model, null);
    },
  },
};
