// transformers/models/bloom/{configuration,modeling}_bloom.py (4.47)
import type { Config } from "../../config/config.js";
import { embedding, layerNorm, linear } from "../../modules/blocks.js";
import { module, repeat, type Module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";
import { lmHead } from "./shared/fairseq-decoder.js";

function model(c: Config): Module {
  const hidden = c.positiveInt("hidden_size");
  c.divisible("hidden_size", "n_head");
  const block = module("BloomBlock", {
    children: {
      input_layernorm: layerNorm(hidden),
      self_attention: module("BloomAttention", {
        children: { query_key_value: linear(hidden, 3 * hidden), dense: linear(hidden, hidden) },
      }),
      post_attention_layernorm: layerNorm(hidden),
      mlp: module("BloomMLP", { children: { dense_h_to_4h: linear(hidden, 4 * hidden), dense_4h_to_h: linear(4 * hidden, hidden) } }),
    },
  });
  return module("BloomModel", {
    children: {
      word_embeddings: embedding(c.int("vocab_size"), hidden),
      word_embeddings_layernorm: layerNorm(hidden),
      h: repeat(block, c.int("n_layer")),
      ln_f: layerNorm(hidden),
    },
  });
}

const NO_SPLIT = ["BloomBlock"];

export const bloom: TransformersArchitecture = {
  modelType: "bloom",
  source: "transformers/models/bloom/modeling_bloom.py",
  config: {
    modelType: "bloom",
    defaults: {
      vocab_size: 250880,
      hidden_size: 64,
      n_layer: 2,
      n_head: 8,
      layer_norm_epsilon: 1e-5,
      bos_token_id: 1,
      eos_token_id: 2,
      apply_residual_connection_post_layernorm: false,
      pretraining_tp: 1,
      slow_but_exact: false,
    },
    attributeMap: { num_hidden_layers: "n_layer", num_attention_heads: "n_head" },
    // Released BLOOM checkpoints spell the width `n_embed`; __init__ prefers it over hidden_size.
    derive: (c) => {
      if (c.get("n_embed") !== undefined && c.get("n_embed") !== null) c.set("hidden_size", c.get("n_embed"));
    },
  },
  models: {
    AutoModel: (c) => built(model(c), NO_SPLIT),
    AutoModelForCausalLM: (c) =>
      built(
        module("BloomForCausalLM", {
          children: { transformer: model(c), lm_head: lmHead(c.positiveInt("hidden_size"), c.int("vocab_size")) },
        }),
        NO_SPLIT,
      ),
  },
};
