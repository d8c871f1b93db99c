// transformers/models/pegasus/{configuration,modeling}_pegasus.py (4.47)
import { bartFamily } from "./shared/bart-family.js";

export const pegasus = bartFamily(
  "pegasus",
  "transformers/models/pegasus/modeling_pegasus.py",
  { prefix: "Pegasus", tokenCls: "Embedding", tokens: "module", positions: "sinusoidal-param", embeddingNorm: false, finalNorm: true },
  {
    vocab_size: 50265,
    max_position_embeddings: 1024,
    encoder_layers: 12,
    encoder_ffn_dim: 4096,
    encoder_attention_heads: 16,
    decoder_layers: 12,
    decoder_ffn_dim: 4096,
    decoder_attention_heads: 16,
    activation_function: "gelu",
    d_model: 1024,
    scale_embedding: false,
    is_encoder_decoder: true,
    pad_token_id: 0,
    eos_token_id: 1,
    decoder_start_token_id: 0,
    forced_eos_token_id: 1,
  },
  null,
);
