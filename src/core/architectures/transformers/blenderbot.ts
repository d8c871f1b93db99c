// transformers/models/{blenderbot,blenderbot_small}/{configuration,modeling}_*.py (4.47)
import { bartFamily } from "./shared/bart-family.js";

const TOKENS = { pad_token_id: 0, bos_token_id: 1, eos_token_id: 2, decoder_start_token_id: 1, forced_eos_token_id: 2 };

// Both pass `shared` itself to the stacks, and their learned positions have no fairseq offset.
export const blenderbot = bartFamily(
  "blenderbot",
  "transformers/models/blenderbot/modeling_blenderbot.py",
  { prefix: "Blenderbot", tokenCls: "BlenderbotScaledWordEmbedding", tokens: "module", positions: "learned", embeddingNorm: false, finalNorm: true },
  {
    vocab_size: 8008,
    max_position_embeddings: 128,
    encoder_layers: 2,
    encoder_ffn_dim: 10240,
    encoder_attention_heads: 32,
    decoder_layers: 24,
    decoder_ffn_dim: 10240,
    decoder_attention_heads: 32,
    activation_function: "gelu",
    d_model: 2560,
    scale_embedding: false,
    is_encoder_decoder: true,
    encoder_no_repeat_ngram_size: 3,
    ...TOKENS,
  },
  null,
);

export const blenderbotSmall = bartFamily(
  "blenderbot-small",
  "transformers/models/blenderbot_small/modeling_blenderbot_small.py",
  { prefix: "BlenderbotSmall", tokenCls: "Embedding", tokens: "module", positions: "learned", embeddingNorm: true, finalNorm: false },
  {
    vocab_size: 50265,
    max_position_embeddings: 512,
    encoder_layers: 8,
    encoder_ffn_dim: 2048,
    encoder_attention_heads: 16,
    decoder_layers: 8,
    decoder_ffn_dim: 2048,
    decoder_attention_heads: 16,
    activation_function: "gelu",
    d_model: 512,
    scale_embedding: false,
    is_encoder_decoder: true,
    ...TOKENS,
  },
  null,
);
