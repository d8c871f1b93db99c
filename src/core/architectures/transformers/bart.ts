// transformers/models/{bart,mbart,plbart,mvp}/{configuration,modeling}_*.py (4.47)
import { embedding, linear } from "../../modules/blocks.js";
import { list, module, stateless, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import { bartFamily } from "./shared/bart-family.js";

/** `BartConfig.__init__` (mBART's and PLBart's differ only where overridden below). */
const BART_DEFAULTS = {
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
  pad_token_id: 1,
  bos_token_id: 0,
  eos_token_id: 2,
  forced_eos_token_id: 2,
};

export const bart = bartFamily(
  "bart",
  "transformers/models/bart/modeling_bart.py",
  { prefix: "Bart", tokenCls: "BartScaledWordEmbedding", tokens: "copy", positions: "learned-offset", embeddingNorm: true, finalNorm: false },
  { ...BART_DEFAULTS, decoder_start_token_id: 2 },
  ["BartEncoderLayer", "BartDecoderLayer"],
);

export const mbart = bartFamily(
  "mbart",
  "transformers/models/mbart/modeling_mbart.py",
  { prefix: "MBart", tokenCls: "MBartScaledWordEmbedding", tokens: "copy", positions: "learned-offset", embeddingNorm: true, finalNorm: true },
  BART_DEFAULTS,
  ["MBartDecoderLayer", "MBartAttention"],
);

export const plbart = bartFamily(
  "plbart",
  "transformers/models/plbart/modeling_plbart.py",
  { prefix: "PLBart", tokenCls: "PLBartScaledWordEmbedding", tokens: "copy", positions: "learned-offset", embeddingNorm: true, finalNorm: false },
  {
    ...BART_DEFAULTS,
    vocab_size: 50005,
    encoder_layers: 6,
    encoder_ffn_dim: 3072,
    encoder_attention_heads: 12,
    decoder_layers: 6,
    decoder_ffn_dim: 3072,
    decoder_attention_heads: 12,
    d_model: 768,
    scale_embedding: true,
  },
  ["PLBartDecoderLayer", "PLBartEncoderLayer"],
);

/** `MvpPrompt`: a prompt table projected to per-layer key/value prefixes. */
function mvpPrompt(c: Config, layers: number) {
  const d = c.positiveInt("d_model");
  const mid = c.int("prompt_mid_dim");
  return module("MvpPrompt", {
    children: {
      prompt_embedding: embedding(c.int("prompt_length"), d),
      prompt_trans: list("Sequential", linear(d, mid), stateless("GELU"), linear(mid, layers * 2 * d)),
    },
  });
}

// MVP shares the module itself, so `shared` is the only embedding that weighs.
export const mvp = bartFamily(
  "mvp",
  "transformers/models/mvp/modeling_mvp.py",
  {
    prefix: "Mvp",
    tokenCls: "Embedding",
    tokens: "module",
    positions: "learned-offset",
    embeddingNorm: true,
    finalNorm: false,
    extras: (c, decoder): Record<string, Module> => {
      if (!c.bool("use_prompt")) return {};
      const layers = c.int(decoder ? "decoder_layers" : "encoder_layers");
      return decoder ? { self_prompt: mvpPrompt(c, layers), cross_prompt: mvpPrompt(c, layers) } : { self_prompt: mvpPrompt(c, layers) };
    },
  },
  { ...BART_DEFAULTS, decoder_start_token_id: 2, vocab_size: 50267, use_prompt: false, prompt_length: 100, prompt_mid_dim: 800 },
  null,
);
