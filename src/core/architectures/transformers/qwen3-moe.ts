// transformers/models/qwen3_moe/{configuration,modeling}_qwen3_moe.py (transformers 5.x)
import type { Config } from "../../config/config.js";
import { rmsNorm } from "../../modules/blocks.js";
import { module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { built, headDim } from "./shared/build.js";
import { causalLm, gatedMlp } from "./shared/decoder.js";
import { currentRotary, fusedExperts, gAttention, gLayer, gModel, layerRuns, router } from "./shared/current-decoder.js";

const NO_SPLIT = ["Qwen3MoeDecoderLayer"];

function qwen3MoeModel(c: Config) {
  const hidden = c.positiveInt("hidden_size");
  const experts = c.int("num_experts");
  const step = c.int("decoder_sparse_step");
  const dense = new Set(c.intList("mlp_only_layers"));
  const norm = () => rmsNorm("Qwen3MoeRMSNorm", hidden);
  const bias = c.bool("attention_bias");
  const attention = gAttention(c, "Qwen3MoeAttention", { qkvBias: bias, outBias: bias, qkNorm: "Qwen3MoeRMSNorm" });
  const sparse = module("Qwen3MoeSparseMoeBlock", {
    children: {
      experts: fusedExperts("Qwen3MoeExperts", experts, hidden, c.int("moe_intermediate_size")),
      gate: router("Qwen3MoeTopKRouter", experts, hidden),
    },
  });
  const blocks = [
    gLayer("Qwen3MoeDecoderLayer", attention, gatedMlp("Qwen3MoeMLP", hidden, c.int("intermediate_size")), norm),
    gLayer("Qwen3MoeDecoderLayer", attention, sparse, norm),
  ];
  // Qwen2MoeDecoderLayer's rule: sparse unless listed in mlp_only_layers, off the sparse step, or expert-less.
  const isSparse = (i: number) => (!dense.has(i) && experts > 0 && step > 0 && (i + 1) % step === 0 ? 1 : 0);
  const layers = layerRuns(c.int("num_hidden_layers"), isSparse, blocks);
  return gModel(c, "Qwen3MoeModel", layers, norm(), currentRotary("Qwen3MoeRotaryEmbedding", headDim(c)));
}

export const qwen3Moe: TransformersArchitecture = {
  modelType: "qwen3_moe",
  source: "transformers/models/qwen3_moe/modeling_qwen3_moe.py",
  config: {
    modelType: "qwen3_moe",
    defaults: {
      vocab_size: 151936,
      hidden_size: 2048,
      intermediate_size: 6144,
      num_hidden_layers: 24,
      num_attention_heads: 32,
      num_key_value_heads: 4,
      hidden_act: "silu",
      max_position_embeddings: 32768,
      rms_norm_eps: 1e-6,
      tie_word_embeddings: false,
      attention_bias: false,
      use_sliding_window: false,
      sliding_window: 4096,
      decoder_sparse_step: 1,
      moe_intermediate_size: 768,
      num_experts_per_tok: 8,
      num_experts: 128,
      norm_topk_prob: false,
      mlp_only_layers: null,
    },
    // `num_local_experts` is what its attribute_map aliases to `num_experts`.
    attributeMap: { num_local_experts: "num_experts" },
    derive: (c) => c.setDefault("mlp_only_layers", []),
  },
  models: {
    AutoModel: (c) => built(qwen3MoeModel(c), NO_SPLIT),
    AutoModelForCausalLM: (c) => causalLm(c, "Qwen3MoeForCausalLM", qwen3MoeModel(c), NO_SPLIT),
  },
};
