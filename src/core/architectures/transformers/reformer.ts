// transformers/models/reformer/{configuration,modeling}_reformer.py (4.47)
import type { Config } from "../../config/config.js";
import { InvalidConfigError } from "../../errors.js";
import { embedding, layerNorm, linear } from "../../modules/blocks.js";
import { buffer, list, module, type Module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";

const scalar = () => buffer([], "float32", false);

function attention(c: Config, kind: string): Module {
  const hidden = c.positiveInt("hidden_size");
  const all = c.positiveInt("num_attention_heads") * c.int("attention_head_size");
  // LSH shares one projection for queries and keys, and also keeps the self-attention mask values.
  const self_attention =
    kind === "lsh"
      ? module("LSHSelfAttention", {
          buffers: { self_mask_value_float16: scalar(), self_mask_value_float32: scalar(), mask_value_float16: scalar(), mask_value_float32: scalar() },
          children: { query_key: linear(hidden, all, false), value: linear(hidden, all, false) },
        })
      : module("LocalSelfAttention", {
          buffers: { mask_value_float16: scalar(), mask_value_float32: scalar() },
          children: { query: linear(hidden, all, false), key: linear(hidden, all, false), value: linear(hidden, all, false) },
        });
  return module("ReformerAttention", {
    children: {
      layer_norm: layerNorm(hidden),
      self_attention,
      output: module("ReformerSelfOutput", { children: { dense: linear(all, hidden, false) } }),
    },
  });
}

function layer(c: Config, kind: string): Module {
  const hidden = c.positiveInt("hidden_size");
  const ff = c.int("feed_forward_size");
  return module("ReformerLayer", {
    children: {
      attention: attention(c, kind),
      feed_forward: module("ChunkReformerFeedForward", {
        children: {
          layer_norm: layerNorm(hidden),
          dense: module("ReformerFeedForwardDense", { children: { dense: linear(hidden, ff) } }),
          output: module("ReformerFeedForwardOutput", { children: { dense: linear(ff, hidden) } }),
        },
      }),
    },
  });
}

function model(c: Config): Module {
  const hidden = c.positiveInt("hidden_size");
  const kinds = c.list("attn_layers").map(String);
  for (const k of kinds) {
    if (k !== "lsh" && k !== "local") {
      throw new InvalidConfigError(`${c.label}: \`attn_layers\` may only hold "lsh" and "local" (got ${JSON.stringify(k)})`, "attn_layers");
    }
  }
  const shape = c.intList("axial_pos_shape");
  const dims = c.intList("axial_pos_embds_dim");
  // Axial positions: one factor per axis, shaped [1, …, axis length, …, 1, dim].
  const axial = module("AxialPositionEmbeddings", {
    children: {
      weights: module("ParameterList", {
        params: Object.fromEntries(dims.map((dim, axis) => [String(axis), [...shape.map((n, i) => (i === axis ? n : 1)), dim]])),
      }),
    },
  });
  const positions = c.bool("axial_pos_embds")
    ? axial
    : module("PositionEmbeddings", { children: { embedding: embedding(c.int("max_position_embeddings"), hidden) } });
  const lsh = layer(c, "lsh");
  const local = layer(c, "local");
  return module("ReformerModel", {
    children: {
      embeddings: module("ReformerEmbeddings", { children: { word_embeddings: embedding(c.int("vocab_size"), hidden), position_embeddings: positions } }),
      encoder: module("ReformerEncoder", {
        children: {
          layers: list("ModuleList", ...kinds.map((k) => (k === "lsh" ? lsh : local))),
          // Reversible layers emit [attention output, hidden] concatenated: the final norm is twice as wide.
          layer_norm: layerNorm(2 * hidden),
        },
      }),
    },
  });
}

export const reformer: TransformersArchitecture = {
  modelType: "reformer",
  source: "transformers/models/reformer/modeling_reformer.py",
  config: {
    modelType: "reformer",
    defaults: {
      attention_head_size: 64,
      attn_layers: ["local", "lsh", "local", "lsh", "local", "lsh"],
      axial_norm_std: 1.0,
      axial_pos_embds: true,
      axial_pos_shape: [64, 64],
      axial_pos_embds_dim: [64, 192],
      chunk_size_lm_head: 0,
      eos_token_id: 2,
      feed_forward_size: 512,
      hash_seed: null,
      hidden_act: "relu",
      hidden_size: 256,
      is_decoder: false,
      layer_norm_eps: 1e-12,
      local_attn_chunk_length: 64,
      lsh_attn_chunk_length: 64,
      max_position_embeddings: 4096,
      num_attention_heads: 12,
      num_buckets: null,
      num_hashes: 1,
      pad_token_id: 0,
      vocab_size: 320,
      tie_word_embeddings: false,
      use_cache: true,
    },
  },
  models: {
    AutoModel: (c) => built(model(c), null),
    AutoModelForCausalLM: (c) => {
      const vocab = c.int("vocab_size");
      // ReformerOnlyLMHead assigns its own bias to the decoder; under accelerate's empty init that assignment
      // makes a second Parameter, so both count.
      const head = module("ReformerOnlyLMHead", {
        params: { bias: [vocab] },
        children: { decoder: module("Linear", { params: { weight: [vocab, 2 * c.positiveInt("hidden_size")], bias: [vocab] } }) },
      });
      return built(module("ReformerModelWithLMHead", { children: { reformer: model(c), lm_head: head } }), null);
    },
  },
};
