/**
 * The BERT encoder and the many models that copy it line for line under another class prefix
 * (transformers/models/bert/modeling_bert.py: BertEmbeddings, BertLayer, BertPooler…).
 */
import type { Config } from "../../../config/config.js";
import { embedding, layerNorm, linear, positionIdsBuffer } from "../../../modules/blocks.js";
import { module, repeat, type Module } from "../../../modules/module.js";

export interface BertLikeNames {
  /** Class prefix: "Bert", "Roberta", "XLMRoberta"… */
  readonly prefix: string;
}

/** `XxxEmbeddings`: word, position and token-type embeddings, LayerNorm, and the two int64 id buffers. */
export function bertEmbeddings(c: Config, prefix: string, opts: { tokenTypeIds?: boolean } = {}): Module {
  const hidden = c.positiveInt("hidden_size");
  const maxPositions = c.int("max_position_embeddings");
  return module(`${prefix}Embeddings`, {
    params: {},
    children: {
      word_embeddings: embedding(c.int("vocab_size"), hidden),
      position_embeddings: embedding(maxPositions, hidden),
      token_type_embeddings: embedding(c.int("type_vocab_size"), hidden),
      LayerNorm: layerNorm(hidden),
    },
    buffers: {
      position_ids: positionIdsBuffer(maxPositions),
      token_type_ids: (opts.tokenTypeIds ?? true) && { shape: [1, maxPositions], dtype: "int64", persistent: false },
    },
  });
}

/** `XxxSelfAttention`: query/key/value projections (+ the relative-position table when configured). */
export function bertSelfAttention(c: Config, prefix: string): Module {
  const hidden = c.positiveInt("hidden_size");
  const heads = c.positiveInt("num_attention_heads");
  if (hidden % heads !== 0 && !c.has("embedding_size")) c.divisible("hidden_size", "num_attention_heads");
  const headSize = Math.floor(hidden / heads);
  const allHead = headSize * heads;
  const positionType = c.get("position_embedding_type") ?? "absolute";
  const relative = positionType === "relative_key" || positionType === "relative_key_query";
  return module(`${prefix}SelfAttention`, {
    children: {
      query: linear(hidden, allHead),
      key: linear(hidden, allHead),
      value: linear(hidden, allHead),
      distance_embedding: relative && embedding(2 * c.int("max_position_embeddings") - 1, headSize),
    },
  });
}

export function bertAttention(c: Config, prefix: string): Module {
  const hidden = c.positiveInt("hidden_size");
  return module(`${prefix}Attention`, {
    children: {
      self: bertSelfAttention(c, prefix),
      output: module(`${prefix}SelfOutput`, { children: { dense: linear(hidden, hidden), LayerNorm: layerNorm(hidden) } }),
    },
  });
}

/** `XxxLayer`: attention, optional cross-attention, intermediate, output. */
export function bertLayer(c: Config, prefix: string): Module {
  const hidden = c.positiveInt("hidden_size");
  const intermediate = c.int("intermediate_size");
  return module(`${prefix}Layer`, {
    children: {
      attention: bertAttention(c, prefix),
      crossattention: c.bool("add_cross_attention") && bertAttention(c, prefix),
      intermediate: module(`${prefix}Intermediate`, { children: { dense: linear(hidden, intermediate) } }),
      output: module(`${prefix}Output`, {
        children: { dense: linear(intermediate, hidden), LayerNorm: layerNorm(hidden) },
      }),
    },
  });
}

export function bertEncoder(c: Config, prefix: string, layer: Module = bertLayer(c, prefix)): Module {
  return module(`${prefix}Encoder`, { children: { layer: repeat(layer, c.int("num_hidden_layers")) } });
}

export function bertPooler(c: Config, prefix: string): Module {
  const hidden = c.positiveInt("hidden_size");
  return module(`${prefix}Pooler`, { children: { dense: linear(hidden, hidden) } });
}

/** `XxxModel(config, add_pooling_layer=True)`. */
export function bertLikeModel(c: Config, prefix: string, opts: { pooler?: boolean; embeddings?: Module } = {}): Module {
  return module(`${prefix}Model`, {
    children: {
      embeddings: opts.embeddings ?? bertEmbeddings(c, prefix),
      encoder: bertEncoder(c, prefix),
      pooler: (opts.pooler ?? true) && bertPooler(c, prefix),
    },
  });
}

/** BertConfig's `__init__` defaults (configuration_bert.py); RoBERTa-style configs override a few. */
export const BERT_DEFAULTS = {
  vocab_size: 30522,
  hidden_size: 768,
  num_hidden_layers: 12,
  num_attention_heads: 12,
  intermediate_size: 3072,
  hidden_act: "gelu",
  max_position_embeddings: 512,
  type_vocab_size: 2,
  layer_norm_eps: 1e-12,
  pad_token_id: 0,
  position_embedding_type: "absolute",
  use_cache: true,
  classifier_dropout: null,
} as const;
