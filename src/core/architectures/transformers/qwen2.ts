// transformers/models/qwen2/{configuration,modeling}_qwen2.py (4.47): q/k/v carry a bias, o_proj does not.
import type { TransformersArchitecture } from "../types.js";
import { decoderModels, deriveKvHeads } from "./shared/decoder.js";

export const qwen2: TransformersArchitecture = {
  modelType: "qwen2",
  source: "transformers/models/qwen2/modeling_qwen2.py",
  config: {
    modelType: "qwen2",
    defaults: {
      vocab_size: 151936,
      hidden_size: 4096,
      intermediate_size: 22016,
      num_hidden_layers: 32,
      num_attention_heads: 32,
      num_key_value_heads: 32,
      max_position_embeddings: 32768,
      rms_norm_eps: 1e-6,
      tie_word_embeddings: false,
      rope_theta: 10000.0,
      use_sliding_window: false,
      sliding_window: 4096,
      max_window_layers: 28,
    },
    derive: deriveKvHeads,
  },
  models: decoderModels({ prefix: "Qwen2", qkvBias: () => true, attentionRotary: true, modelRotary: true }),
};
