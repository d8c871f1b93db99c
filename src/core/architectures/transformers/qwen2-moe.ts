// transformers/models/qwen2_moe/{configuration,modeling}_qwen2_moe.py (4.47): Qwen2 attention; each layer's
// MLP is sparse (experts + shared expert + its gate) or dense, per decoder_sparse_step and mlp_only_layers.
import type { Config } from "../../config/config.js";
import { linear } from "../../modules/blocks.js";
import type { Module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";
import { causalLm, decoderLayer, decoderModel, deriveKvHeads, gatedMlp, type DecoderStyle } from "./shared/decoder.js";
import { layerRuns, sparseMoe, withChild } from "./shared/decoder-variants.js";

const style: DecoderStyle = { prefix: "Qwen2Moe", qkvBias: () => true, attentionRotary: true, modelRotary: true };

function sparseBlock(c: Config): Module {
  const hidden = c.positiveInt("hidden_size");
  const expert = gatedMlp("Qwen2MoeMLP", hidden, c.int("moe_intermediate_size"));
  return sparseMoe("Qwen2MoeSparseMoeBlock", hidden, c.int("num_experts"), expert, {
    shared_expert: gatedMlp("Qwen2MoeMLP", hidden, c.int("shared_expert_intermediate_size")),
    shared_expert_gate: linear(hidden, 1, false),
  });
}

function model(c: Config): Module {
  const mlpOnly = new Set(c.intList("mlp_only_layers"));
  const step = c.positiveInt("decoder_sparse_step");
  const sparse = (i: number) => !mlpOnly.has(i) && c.int("num_experts") > 0 && (i + 1) % step === 0;
  const layers = layerRuns(
    c.int("num_hidden_layers"),
    (i) => (sparse(i) ? "sparse" : "dense"),
    (kind) => decoderLayer(c, { ...style, mlp: kind === "sparse" ? sparseBlock : undefined }),
  );
  return withChild(decoderModel(c, style), "layers", layers);
}

const NO_SPLIT = ["Qwen2MoeDecoderLayer"];

export const qwen2Moe: TransformersArchitecture = {
  modelType: "qwen2_moe",
  source: "transformers/models/qwen2_moe/modeling_qwen2_moe.py",
  config: {
    modelType: "qwen2_moe",
    defaults: {
      vocab_size: 151936,
      hidden_size: 2048,
      intermediate_size: 5632,
      num_hidden_layers: 24,
      num_attention_heads: 16,
      num_key_value_heads: 16,
      hidden_act: "silu",
      max_position_embeddings: 32768,
      initializer_range: 0.02,
      rms_norm_eps: 1e-6,
      use_cache: true,
      tie_word_embeddings: false,
      rope_theta: 10000.0,
      rope_scaling: null,
      use_sliding_window: false,
      sliding_window: 4096,
      max_window_layers: 28,
      attention_dropout: 0.0,
      decoder_sparse_step: 1,
      moe_intermediate_size: 1408,
      shared_expert_intermediate_size: 5632,
      num_experts_per_tok: 4,
      num_experts: 60,
      norm_topk_prob: false,
      output_router_logits: false,
      router_aux_loss_coef: 0.001,
      mlp_only_layers: null,
    },
    derive: (c) => {
      deriveKvHeads(c);
      c.setDefault("mlp_only_layers", []);
      if (!c.bool("use_sliding_window")) c.set("sliding_window", null);
    },
  },
  models: {
    AutoModel: (c) => built(model(c), NO_SPLIT),
    AutoModelForCausalLM: (c) => causalLm(c, "Qwen2MoeForCausalLM", model(c), NO_SPLIT),
  },
};
