// transformers/models/mistral/{configuration,modeling}_mistral.py (4.47): rotary per attention only.
import type { TransformersArchitecture } from "../types.js";
import { decoderModels, deriveKvHeads } from "./shared/decoder.js";

export const mistral: TransformersArchitecture = {
  modelType: "mistral",
  source: "transformers/models/mistral/modeling_mistral.py",
  config: {
    modelType: "mistral",
    defaults: {
      vocab_size: 32000,
      hidden_size: 4096,
      intermediate_size: 14336,
      num_hidden_layers: 32,
      num_attention_heads: 32,
      num_key_value_heads: 8,
      head_dim: null,
      max_position_embeddings: 4096 * 32,
      rms_norm_eps: 1e-6,
      bos_token_id: 1,
      eos_token_id: 2,
      tie_word_embeddings: false,
      rope_theta: 10000.0,
      sliding_window: 4096,
    },
    derive: deriveKvHeads,
  },
  models: decoderModels({ prefix: "Mistral", attentionRotary: true }),
};
