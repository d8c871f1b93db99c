// transformers/models/deberta/{configuration,modeling}_deberta.py and deberta_v2/ (same embeddings and layer plan)
import { conv1d, embedding, layerNorm, linear, positionIdsBuffer } from "../../modules/blocks.js";
import { module, repeat, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";

const DEBERTA_DEFAULTS = {
  vocab_size: 50265,
  hidden_size: 768,
  num_hidden_layers: 12,
  num_attention_heads: 12,
  intermediate_size: 3072,
  hidden_act: "gelu",
  max_position_embeddings: 512,
  type_vocab_size: 0,
  layer_norm_eps: 1e-7,
  relative_attention: false,
  max_relative_positions: -1,
  pad_token_id: 0,
  position_biased_input: true,
  pos_att_type: null,
  pooler_dropout: 0,
  pooler_hidden_act: "gelu",
  legacy: true,
} as const;

/** `pos_att_type` as the config stores it: a list, or a "c2p|p2c" string. */
function posAttTypes(c: Config): string[] {
  const v = c.get("pos_att_type");
  if (typeof v === "string") return v.toLowerCase().split("|").map((s) => s.trim());
  return Array.isArray(v) ? v.map(String) : [];
}

function relativePositions(c: Config): number {
  const configured = typeof c.get("max_relative_positions") === "number" ? (c.get("max_relative_positions") as number) : -1;
  return configured < 1 ? c.int("max_position_embeddings") : configured;
}

function debertaEmbeddings(c: Config, prefix: string): Module {
  const hidden = c.positiveInt("hidden_size");
  const width = c.has("embedding_size") ? c.positiveInt("embedding_size") : hidden;
  const maxPositions = c.int("max_position_embeddings");
  return module(`${prefix}Embeddings`, {
    children: {
      word_embeddings: embedding(c.int("vocab_size"), width),
      position_embeddings: c.bool("position_biased_input") && embedding(maxPositions, width),
      token_type_embeddings: c.int("type_vocab_size") > 0 && embedding(c.int("type_vocab_size"), width),
      embed_proj: width !== hidden && linear(width, hidden, false),
      LayerNorm: layerNorm(hidden),
    },
    buffers: { position_ids: positionIdsBuffer(maxPositions) },
  });
}

function debertaLayer(c: Config, prefix: string, self: Module): Module {
  const hidden = c.positiveInt("hidden_size");
  const inter = c.int("intermediate_size");
  return module(`${prefix}Layer`, {
    children: {
      attention: module(`${prefix}Attention`, {
        children: {
          self,
          output: module(`${prefix}SelfOutput`, { children: { dense: linear(hidden, hidden), LayerNorm: layerNorm(hidden) } }),
        },
      }),
      intermediate: module(`${prefix}Intermediate`, { children: { dense: linear(hidden, inter) } }),
      output: module(`${prefix}Output`, { children: { dense: linear(inter, hidden), LayerNorm: layerNorm(hidden) } }),
    },
  });
}

export const deberta: TransformersArchitecture = {
  modelType: "deberta",
  source: "transformers/models/deberta/modeling_deberta.py",
  config: { modelType: "deberta", defaults: DEBERTA_DEFAULTS },
  models: {
    AutoModel: (c) => {
      const hidden = c.positiveInt("hidden_size");
      c.divisible("hidden_size", "num_attention_heads");
      const relative = c.bool("relative_attention");
      const types = posAttTypes(c);
      // One fused bias-free qkv projection, with separate query/value biases as bare parameters.
      const self = module("DisentangledSelfAttention", {
        params: { q_bias: [hidden], v_bias: [hidden] },
        children: {
          in_proj: linear(hidden, 3 * hidden, false),
          pos_proj: relative && types.includes("c2p") && linear(hidden, hidden, false),
          pos_q_proj: relative && types.includes("p2c") && linear(hidden, hidden),
        },
      });
      const model = module("DebertaModel", {
        children: {
          embeddings: debertaEmbeddings(c, "Deberta"),
          encoder: module("DebertaEncoder", {
            children: {
              layer: repeat(debertaLayer(c, "Deberta", self), c.int("num_hidden_layers")),
              rel_embeddings: relative && embedding(2 * relativePositions(c), hidden),
            },
          }),
        },
      });
      return built(model, null);
    },
  },
};

export const debertaV2: TransformersArchitecture = {
  modelType: "deberta-v2",
  source: "transformers/models/deberta_v2/modeling_deberta_v2.py",
  config: {
    modelType: "deberta-v2",
    defaults: { ...DEBERTA_DEFAULTS, vocab_size: 128100, hidden_size: 1536, num_hidden_layers: 24, num_attention_heads: 24, intermediate_size: 6144 },
  },
  models: {
    AutoModel: (c) => {
      const hidden = c.positiveInt("hidden_size");
      c.divisible("hidden_size", "num_attention_heads");
      const relative = c.bool("relative_attention");
      const types = posAttTypes(c);
      const separateKeys = relative && !c.bool("share_att_key");
      const self = module("DisentangledSelfAttention", {
        children: {
          query_proj: linear(hidden, hidden),
          key_proj: linear(hidden, hidden),
          value_proj: linear(hidden, hidden),
          pos_key_proj: separateKeys && types.includes("c2p") && linear(hidden, hidden),
          pos_query_proj: separateKeys && types.includes("p2c") && linear(hidden, hidden),
        },
      });
      const buckets = typeof c.get("position_buckets") === "number" ? (c.get("position_buckets") as number) : -1;
      const normRel = String(c.get("norm_rel_ebd") ?? "none").toLowerCase().split("|").map((s) => s.trim());
      const kernel = c.optionalInt("conv_kernel_size") ?? 0;
      const model = module("DebertaV2Model", {
        children: {
          embeddings: debertaEmbeddings(c, "DebertaV2"),
          encoder: module("DebertaV2Encoder", {
            children: {
              layer: repeat(debertaLayer(c, "DebertaV2", self), c.int("num_hidden_layers")),
              rel_embeddings: relative && embedding(buckets > 0 ? 2 * buckets : 2 * relativePositions(c), hidden),
              LayerNorm: normRel.includes("layer_norm") && layerNorm(hidden),
              conv:
                kernel > 0 &&
                module("ConvLayer", {
                  children: {
                    conv: conv1d(hidden, hidden, kernel, { groups: c.optionalInt("conv_groups") ?? 1 }),
                    LayerNorm: layerNorm(hidden),
                  },
                }),
            },
          }),
        },
      });
      return built(model, null);
    },
  },
};
