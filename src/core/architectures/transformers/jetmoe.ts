// transformers/models/jetmoe/{configuration,modeling}_jetmoe.py (4.47): mixture of attention heads (MoA:
// per-expert query/output projections) plus a MoE MLP, both as ParallelExperts with a top-k router.
import type { Config } from "../../config/config.js";
import { embedding, linear, rmsNorm, rotaryEmbedding } from "../../modules/blocks.js";
import { module, repeat, type Module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";
import { causalLm } from "./shared/decoder.js";
import { parallelExperts } from "./shared/decoder-variants.js";

/** JetMoeMoA / JetMoeMoE share a layout: output bias, input/output experts, router. */
function experts(c: Config, cls: string, inner: number, innerIn: number): Module {
  const hidden = c.positiveInt("hidden_size");
  const n = c.positiveInt("num_local_experts");
  return module(cls, {
    params: { bias: [hidden] },
    children: {
      input_linear: parallelExperts("JetMoeParallelExperts", n, hidden, innerIn),
      output_linear: parallelExperts("JetMoeParallelExperts", n, inner, hidden),
      router: module("JetMoeTopKGating", { children: { layer: linear(hidden, n, false) } }),
    },
  });
}

function block(c: Config): Module {
  const hidden = c.positiveInt("hidden_size");
  const kv = c.positiveInt("kv_channels") * c.positiveInt("num_key_value_heads");
  const ffn = c.int("intermediate_size");
  return module("JetMoeBlock", {
    children: {
      input_layernorm: rmsNorm("JetMoeRMSNorm", hidden),
      self_attention: module("JetMoeAttention", {
        children: {
          experts: experts(c, "JetMoeMoA", kv, kv),
          kv_proj: linear(hidden, kv * 2, false),
          // 4.47 rotates kv_channels-wide heads.
          rotary_emb: rotaryEmbedding("JetMoeRotaryEmbedding", c.positiveInt("kv_channels")),
        },
      }),
      post_attention_layernorm: rmsNorm("JetMoeRMSNorm", hidden),
      // input_linear produces the gate and up halves together.
      mlp: experts(c, "JetMoeMoE", ffn, 2 * ffn),
    },
  });
}

function model(c: Config): Module {
  const hidden = c.positiveInt("hidden_size");
  return module("JetMoeModel", {
    children: {
      embed_tokens: embedding(c.int("vocab_size"), hidden),
      layers: repeat(block(c), c.int("num_hidden_layers")),
      norm: rmsNorm("JetMoeRMSNorm", hidden),
    },
  });
}

const NO_SPLIT = ["JetMoeBlock"];

export const jetmoe: TransformersArchitecture = {
  modelType: "jetmoe",
  source: "transformers/models/jetmoe/modeling_jetmoe.py",
  config: {
    modelType: "jetmoe",
    defaults: {
      vocab_size: 32000,
      hidden_size: 2048,
      num_hidden_layers: 12,
      num_key_value_heads: 16,
      kv_channels: 128,
      intermediate_size: 5632,
      max_position_embeddings: 4096,
      activation_function: "silu",
      num_local_experts: 8,
      num_experts_per_tok: 2,
      output_router_logits: false,
      aux_loss_coef: 0.01,
      use_cache: true,
      bos_token_id: 1,
      eos_token_id: 2,
      tie_word_embeddings: true,
      rope_theta: 10000.0,
      rms_norm_eps: 1e-6,
      initializer_range: 0.01,
      attention_dropout: 0.0,
    },
    derive: (c) => c.setDefault("num_attention_heads", c.int("num_key_value_heads") * c.int("num_experts_per_tok")),
  },
  models: {
    AutoModel: (c) => built(model(c), NO_SPLIT),
    AutoModelForCausalLM: (c) => causalLm(c, "JetMoeForCausalLM", model(c), NO_SPLIT),
  },
};
