// transformers/models/longformer/{configuration,modeling}_longformer.py (and luke/, which shares its layer shape)
import { embedding, layerNorm, linear } from "../../modules/blocks.js";
import { module, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import type { TransformersArchitecture } from "../types.js";
import { ROBERTA_DEFAULTS } from "./roberta.js";
import { bertEncoder, bertPooler } from "./shared/bert-like.js";
import { built } from "./shared/build.js";

/** A BERT layer whose self-attention holds six projections (local + global, or word + entity-aware). */
export function sixProjectionLayer(c: Config, prefix: string, names: readonly string[]): Module {
  const hidden = c.positiveInt("hidden_size");
  const inter = c.int("intermediate_size");
  c.divisible("hidden_size", "num_attention_heads");
  const projections = Object.fromEntries(names.map((n) => [n, linear(hidden, hidden)]));
  return module(`${prefix}Layer`, {
    children: {
      attention: module(`${prefix}Attention`, {
        children: {
          self: module(`${prefix}SelfAttention`, { children: projections }),
          output: module(`${prefix}SelfOutput`, { children: { dense: linear(hidden, hidden), LayerNorm: layerNorm(hidden) } }),
        },
      }),
      intermediate: module(`${prefix}Intermediate`, { children: { dense: linear(hidden, inter) } }),
      output: module(`${prefix}Output`, { children: { dense: linear(inter, hidden), LayerNorm: layerNorm(hidden) } }),
    },
  });
}

export const longformer: TransformersArchitecture = {
  modelType: "longformer",
  source: "transformers/models/longformer/modeling_longformer.py",
  config: { modelType: "longformer", defaults: { ...ROBERTA_DEFAULTS, attention_window: 512, sep_token_id: 2, onnx_export: false } },
  models: {
    AutoModel: (c) => {
      const hidden = c.positiveInt("hidden_size");
      const layer = sixProjectionLayer(c, "Longformer", ["query", "key", "value", "query_global", "key_global", "value_global"]);
      const model = module("LongformerModel", {
        children: {
          // No id buffers, and the position table is (re)created last.
          embeddings: module("LongformerEmbeddings", {
            children: {
              word_embeddings: embedding(c.int("vocab_size"), hidden),
              token_type_embeddings: embedding(c.int("type_vocab_size"), hidden),
              LayerNorm: layerNorm(hidden),
              position_embeddings: embedding(c.int("max_position_embeddings"), hidden),
            },
          }),
          encoder: bertEncoder(c, "Longformer", layer),
          pooler: bertPooler(c, "Longformer"),
        },
      });
      return built(model, ["LongformerSelfAttention"]);
    },
  },
};
