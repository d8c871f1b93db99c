// transformers/models/phimoe/{configuration,modeling}_phimoe.py (4.47): Mixtral-like MoE with LayerNorms, a
// buffer-free model-level rotary module, and an optional bias on lm_head.
import type { Config } from "../../config/config.js";
import { layerNorm } from "../../modules/blocks.js";
import { module, type Module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";
import { decoderLayer, decoderModel, deriveKvHeads, type DecoderStyle } from "./shared/decoder.js";
import { causalLmHead, renameChild, sparseMoe, w123Expert, withChild } from "./shared/decoder-variants.js";

const style: DecoderStyle = {
  prefix: "Phimoe",
  qkvBias: (c) => c.bool("attention_bias"),
  outBias: (c) => c.bool("attention_bias"),
  norm: (_c, dim) => layerNorm(dim),
  mlp: (c) => {
    const hidden = c.positiveInt("hidden_size");
    const expert = w123Expert("PhimoeBlockSparseTop2MLP", hidden, c.int("intermediate_size"));
    return sparseMoe("PhimoeSparseMoeBlock", hidden, c.positiveInt("num_local_experts"), expert);
  },
};

function model(c: Config): Module {
  const layer = renameChild(decoderLayer(c, style), "mlp", "block_sparse_moe");
  // 4.47's PhimoeRotaryEmbedding computes its frequencies on the fly: no buffer.
  return withChild(decoderModel(c, style, layer), "rotary_emb", module("PhimoeRotaryEmbedding"));
}

const NO_SPLIT = ["PhimoeDecoderLayer"];

export const phimoe: TransformersArchitecture = {
  modelType: "phimoe",
  source: "transformers/models/phimoe/modeling_phimoe.py",
  config: {
    modelType: "phimoe",
    defaults: {
      vocab_size: 32064,
      hidden_size: 4096,
      intermediate_size: 6400,
      num_hidden_layers: 32,
      num_attention_heads: 32,
      num_key_value_heads: 8,
      hidden_act: "silu",
      max_position_embeddings: 4096 * 32,
      initializer_range: 0.02,
      rms_norm_eps: 1e-5,
      use_cache: true,
      pad_token_id: null,
      bos_token_id: 1,
      eos_token_id: 2,
      tie_word_embeddings: false,
      rope_theta: 1e6,
      rope_scaling: null,
      sliding_window: null,
      attention_dropout: 0.0,
      num_experts_per_tok: 2,
      num_local_experts: 16,
      output_router_logits: false,
      router_aux_loss_coef: 0.001,
      router_jitter_noise: 0.01,
      input_jitter_noise: 0.0,
      attention_bias: false,
      lm_head_bias: false,
    },
    derive: deriveKvHeads,
  },
  models: {
    AutoModel: (c) => built(model(c), NO_SPLIT),
    AutoModelForCausalLM: (c) => causalLmHead(c, "PhimoeForCausalLM", model(c), NO_SPLIT, { bias: c.bool("lm_head_bias") }),
  },
};
