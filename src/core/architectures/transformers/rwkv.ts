// transformers/models/rwkv/{configuration,modeling}_rwkv.py (4.47)
import type { Config } from "../../config/config.js";
import { embedding, layerNorm, linear } from "../../modules/blocks.js";
import { list, module, type Module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";
import { lmHead } from "./shared/fairseq-decoder.js";

function block(c: Config, first: boolean): Module {
  const hidden = c.positiveInt("hidden_size");
  const attn = c.int("attention_hidden_size");
  const inter = c.int("intermediate_size");
  const mix = [1, 1, hidden];
  return module("RwkvBlock", {
    children: {
      // Only block 0 normalises the embeddings first.
      pre_ln: first && layerNorm(hidden),
      ln1: layerNorm(hidden),
      ln2: layerNorm(hidden),
      attention: module("RwkvSelfAttention", {
        params: { time_decay: [attn], time_first: [attn], time_mix_key: mix, time_mix_value: mix, time_mix_receptance: mix },
        children: {
          key: linear(hidden, attn, false),
          value: linear(hidden, attn, false),
          receptance: linear(hidden, attn, false),
          output: linear(attn, hidden, false),
        },
      }),
      feed_forward: module("RwkvFeedForward", {
        params: { time_mix_key: mix, time_mix_receptance: mix },
        children: { key: linear(hidden, inter, false), receptance: linear(hidden, hidden, false), value: linear(inter, hidden, false) },
      }),
    },
  });
}

function model(c: Config): Module {
  const hidden = c.positiveInt("hidden_size");
  const n = c.int("num_hidden_layers");
  return module("RwkvModel", {
    children: {
      embeddings: embedding(c.int("vocab_size"), hidden),
      blocks: list("ModuleList", { module: block(c, true), count: Math.min(n, 1) }, { module: block(c, false), count: Math.max(n - 1, 0) }),
      ln_out: layerNorm(hidden),
    },
  });
}

const NO_SPLIT = ["RwkvBlock"];

export const rwkv: TransformersArchitecture = {
  modelType: "rwkv",
  source: "transformers/models/rwkv/modeling_rwkv.py",
  config: {
    modelType: "rwkv",
    defaults: {
      vocab_size: 50277,
      context_length: 1024,
      hidden_size: 4096,
      num_hidden_layers: 32,
      attention_hidden_size: null,
      intermediate_size: null,
      layer_norm_epsilon: 1e-5,
      bos_token_id: 0,
      eos_token_id: 0,
      rescale_every: 6,
      tie_word_embeddings: false,
      use_cache: true,
    },
    attributeMap: { max_position_embeddings: "context_length" },
    derive: (c) => {
      c.setDefault("attention_hidden_size", c.get("hidden_size"));
      c.setDefault("intermediate_size", 4 * c.positiveInt("hidden_size"));
    },
  },
  models: {
    AutoModel: (c) => built(model(c), NO_SPLIT),
    AutoModelForCausalLM: (c) =>
      built(
        module("RwkvForCausalLM", {
          children: { rwkv: model(c), head: lmHead(c.positiveInt("hidden_size"), c.int("vocab_size")) },
        }),
        NO_SPLIT,
      ),
  },
};
