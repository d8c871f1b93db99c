// transformers/models/gpt_oss/{configuration,modeling}_gpt_oss.py (transformers 5.x)
import type { Config } from "../../config/config.js";
import { rmsNorm } from "../../modules/blocks.js";
import { module, repeat } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { built, headDim } from "./shared/build.js";
import { causalLm, deriveKvHeads } from "./shared/decoder.js";
import { currentRotary, fusedExperts, gAttention, gLayer, gModel, router } from "./shared/current-decoder.js";

const NO_SPLIT = ["GptOssDecoderLayer"];

function gptOssModel(c: Config) {
  const hidden = c.positiveInt("hidden_size");
  const experts = c.int("num_local_experts");
  const bias = c.bool("attention_bias");
  const norm = () => rmsNorm("GptOssRMSNorm", hidden);
  // The MLP registers its router before its experts; both carry biases, experts stored transposed.
  const mlp = module("GptOssMLP", {
    children: {
      router: router("GptOssTopKRouter", experts, hidden, true),
      experts: fusedExperts("GptOssExperts", experts, hidden, c.int("intermediate_size"), { transposed: true, bias: true }),
    },
  });
  const layer = gLayer("GptOssDecoderLayer", gAttention(c, "GptOssAttention", { qkvBias: bias, outBias: bias, sinks: true }), mlp, norm);
  return gModel(c, "GptOssModel", repeat(layer, c.int("num_hidden_layers")), norm(), currentRotary("GptOssRotaryEmbedding", headDim(c)));
}

export const gptOss: TransformersArchitecture = {
  modelType: "gpt_oss",
  source: "transformers/models/gpt_oss/modeling_gpt_oss.py",
  config: {
    modelType: "gpt_oss",
    defaults: {
      num_hidden_layers: 36,
      num_local_experts: 128,
      vocab_size: 201088,
      hidden_size: 2880,
      intermediate_size: 2880,
      head_dim: 64,
      num_attention_heads: 64,
      num_key_value_heads: 8,
      sliding_window: 128,
      tie_word_embeddings: false,
      hidden_act: "silu",
      max_position_embeddings: 131072,
      rms_norm_eps: 1e-5,
      num_experts_per_tok: 4,
      swiglu_alpha: 1.702,
      swiglu_limit: 7.0,
      attention_bias: true,
    },
    attributeMap: { num_experts: "num_local_experts" },
    derive: (c) => {
      deriveKvHeads(c);
      c.setDefault("head_dim", Math.floor(c.int("hidden_size") / c.positiveInt("num_attention_heads")));
    },
  },
  models: {
    AutoModel: (c) => built(gptOssModel(c), NO_SPLIT),
    AutoModelForCausalLM: (c) => causalLm(c, "GptOssForCausalLM", gptOssModel(c), NO_SPLIT),
  },
};
