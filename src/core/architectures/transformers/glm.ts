// transformers/models/glm/{configuration,modeling}_glm.py (4.47): biased q/k/v, fused gate_up_proj, partial
// rotary at model level only.
import { linear } from "../../modules/blocks.js";
import { module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { decoderModels, deriveKvHeads } from "./shared/decoder.js";

export const glm: TransformersArchitecture = {
  modelType: "glm",
  source: "transformers/models/glm/modeling_glm.py",
  config: {
    modelType: "glm",
    defaults: {
      vocab_size: 151552,
      hidden_size: 4096,
      intermediate_size: 13696,
      num_hidden_layers: 40,
      num_attention_heads: 32,
      num_key_value_heads: 2,
      partial_rotary_factor: 0.5,
      head_dim: 128,
      hidden_act: "silu",
      attention_dropout: 0.0,
      max_position_embeddings: 131072,
      initializer_range: 0.02,
      rms_norm_eps: 0.00000015625,
      use_cache: true,
      tie_word_embeddings: false,
      rope_theta: 10000.0,
      pad_token_id: 151329,
      eos_token_id: [151329, 151336, 151338],
      attention_bias: true,
    },
    derive: deriveKvHeads,
  },
  models: decoderModels({
    prefix: "Glm",
    qkvBias: (c) => c.bool("attention_bias"),
    modelRotary: true,
    mlp: (c) => {
      const hidden = c.positiveInt("hidden_size");
      const ffn = c.int("intermediate_size");
      return module("GlmMLP", { children: { gate_up_proj: linear(hidden, 2 * ffn, false), down_proj: linear(ffn, hidden, false) } });
    },
  }),
};
