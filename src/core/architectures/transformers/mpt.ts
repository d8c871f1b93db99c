// transformers/models/mpt/{configuration,modeling}_mpt.py (4.47)
import type { Config } from "../../config/config.js";
import { embedding, layerNorm, linear } from "../../modules/blocks.js";
import { module, repeat, type Module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";
import { lmHead } from "./shared/fairseq-decoder.js";

function model(c: Config): Module {
  const hidden = c.positiveInt("d_model");
  c.divisible("d_model", "n_heads");
  const inner = c.int("expansion_ratio") * hidden;
  // MPT sets every LayerNorm's bias to None and builds its linears bias-free, whatever `no_bias` says.
  const norm = () => layerNorm(hidden, { bias: false });
  const block = module("MptBlock", {
    children: {
      norm_1: norm(),
      attn: module("MptAttention", { children: { Wqkv: linear(hidden, 3 * hidden, false), out_proj: linear(hidden, hidden, false) } }),
      norm_2: norm(),
      ffn: module("MptMLP", { children: { up_proj: linear(hidden, inner, false), down_proj: linear(inner, hidden, false) } }),
    },
  });
  return module("MptModel", {
    children: { wte: embedding(c.int("vocab_size"), hidden), blocks: repeat(block, c.int("n_layers")), norm_f: norm() },
  });
}

const NO_SPLIT = ["MptBlock"];

export const mpt: TransformersArchitecture = {
  modelType: "mpt",
  source: "transformers/models/mpt/modeling_mpt.py",
  config: {
    modelType: "mpt",
    defaults: {
      d_model: 2048,
      n_heads: 16,
      n_layers: 24,
      expansion_ratio: 4,
      max_seq_len: 2048,
      vocab_size: 50368,
      resid_pdrop: 0.0,
      layer_norm_epsilon: 1e-5,
      emb_pdrop: 0.0,
      learned_pos_emb: true,
      attn_config: null,
      init_device: "cpu",
      logit_scale: null,
      no_bias: true,
      verbose: 0,
      embedding_fraction: 1.0,
      norm_type: "low_precision_layernorm",
      use_cache: false,
    },
    attributeMap: { num_attention_heads: "n_heads", hidden_size: "d_model", num_hidden_layers: "n_layers" },
  },
  models: {
    AutoModel: (c) => built(model(c), NO_SPLIT),
    AutoModelForCausalLM: (c) =>
      built(
        module("MptForCausalLM", {
          children: { transformer: model(c), lm_head: lmHead(c.positiveInt("d_model"), c.int("vocab_size")) },
        }),
        NO_SPLIT,
      ),
  },
};
