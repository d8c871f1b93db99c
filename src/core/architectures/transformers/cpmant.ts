// transformers/models/cpmant/{configuration,modeling}_cpmant.py (4.47)
import type { Config } from "../../config/config.js";
import { embedding, linear, rmsNorm } from "../../modules/blocks.js";
import { module, repeat, type Module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";
import { lmHead } from "./shared/fairseq-decoder.js";

function model(c: Config): Module {
  const hidden = c.positiveInt("hidden_size");
  const heads = c.positiveInt("num_attention_heads");
  const inner = heads * c.int("dim_head");
  const ff = c.int("dim_ff");
  // CpmAntLayerNorm is weight-only.
  const norm = () => rmsNorm("CpmAntLayerNorm", hidden);
  const block = module("CpmAntTransformerBlock", {
    children: {
      self_att: module("CpmAntSelfAttentionBlock", {
        children: {
          layernorm_before_attention: norm(),
          self_attention: module("CpmAntAttention", {
            children: {
              project_q: linear(hidden, inner, false),
              project_k: linear(hidden, inner, false),
              project_v: linear(hidden, inner, false),
              attention_out: linear(inner, hidden, false),
            },
          }),
        },
      }),
      ffn: module("CpmAntFFNBlock", {
        children: {
          layernorm_before_ffn: norm(),
          ffn: module("CpmAntFeedForward", {
            children: {
              w_in: module("CpmAntDenseGatedACT", { children: { w_0: linear(hidden, ff, false), w_1: linear(hidden, ff, false) } }),
              w_out: linear(ff, hidden, false),
            },
          }),
        },
      }),
    },
  });
  const segments = c.int("segment_types");
  return module("CpmAntModel", {
    children: {
      encoder: module("CpmAntEncoder", { children: { layers: repeat(block, c.int("num_hidden_layers")), output_layernorm: norm() } }),
      segment_embedding: embedding(segments, hidden),
      // Prompt tokens get their own rows ahead of the vocabulary.
      input_embedding: embedding(c.int("prompt_types") * c.int("prompt_length") + c.int("vocab_size"), hidden),
      position_bias: module("CpmAntSegmentPositionEmbedding", {
        params: { relative_attention_bias: [segments * segments + c.int("position_bias_num_buckets"), heads] },
      }),
    },
  });
}

export const cpmant: TransformersArchitecture = {
  modelType: "cpmant",
  source: "transformers/models/cpmant/modeling_cpmant.py",
  config: {
    modelType: "cpmant",
    defaults: {
      vocab_size: 30720,
      hidden_size: 4096,
      num_attention_heads: 32,
      dim_head: 128,
      dim_ff: 10240,
      num_hidden_layers: 48,
      dropout_p: 0.0,
      position_bias_num_buckets: 512,
      position_bias_max_distance: 2048,
      eps: 1e-6,
      init_std: 1.0,
      prompt_types: 32,
      prompt_length: 32,
      segment_types: 32,
      use_cache: true,
    },
  },
  models: {
    AutoModel: (c) => built(model(c), null),
    AutoModelForCausalLM: (c) => {
      const hidden = c.positiveInt("hidden_size");
      const rows = c.int("prompt_types") * c.int("prompt_length") + c.int("vocab_size");
      return built(module("CpmAntForCausalLM", { children: { cpmant: model(c), lm_head: lmHead(hidden, rows) } }), null);
    },
  },
};
