// transformers/models/fsmt/{configuration,modeling}_fsmt.py (4.47)
import { embedding, linear } from "../../modules/blocks.js";
import { module, repeat, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import type { TransformersArchitecture } from "../types.js";
import { bartDecoderLayer, bartEncoderLayer, type BartStyle } from "./shared/bart-family.js";
import { built } from "./shared/build.js";

// fairseq's classes kept their bare names here: `Attention`, `EncoderLayer`, `DecoderLayer`.
const STYLE: BartStyle = { prefix: "", tokenCls: "Embedding", tokens: "module", positions: "sinusoidal-param", embeddingNorm: false, finalNorm: false };

/** Positions: a frozen sinusoidal table with `padding_idx + 1` extra rows. */
function positions(c: Config): Module {
  return embedding(c.int("max_position_embeddings") + c.int("pad_token_id") + 1, c.positiveInt("d_model"), "SinusoidalPositionalEmbedding");
}

function fsmtModel(c: Config): Module {
  const d = c.positiveInt("d_model");
  const srcTokens = embedding(c.int("src_vocab_size"), d);
  const tgtTokens = embedding(c.int("tgt_vocab_size"), d);
  return module("FSMTModel", {
    children: {
      encoder: module("FSMTEncoder", {
        children: { embed_tokens: srcTokens, embed_positions: positions(c), layers: repeat(bartEncoderLayer(c, STYLE), c.int("encoder_layers")) },
      }),
      decoder: module("FSMTDecoder", {
        children: {
          embed_tokens: tgtTokens,
          embed_positions: positions(c),
          layers: repeat(bartDecoderLayer(c, STYLE), c.int("decoder_layers")),
          // Its weight is re-pointed at embed_tokens', which accelerate's empty init un-ties: it weighs in full.
          output_projection: linear(d, c.int("tgt_vocab_size"), false),
        },
      }),
    },
  });
}

export const fsmt: TransformersArchitecture = {
  modelType: "fsmt",
  source: "transformers/models/fsmt/modeling_fsmt.py",
  config: {
    modelType: "fsmt",
    defaults: {
      langs: ["en", "de"],
      src_vocab_size: 42024,
      tgt_vocab_size: 42024,
      activation_function: "relu",
      d_model: 1024,
      max_length: 200,
      max_position_embeddings: 1024,
      encoder_ffn_dim: 4096,
      encoder_layers: 12,
      encoder_attention_heads: 16,
      decoder_ffn_dim: 4096,
      decoder_layers: 12,
      decoder_attention_heads: 16,
      is_encoder_decoder: true,
      scale_embedding: true,
      tie_word_embeddings: false,
      num_beams: 5,
      pad_token_id: 1,
      bos_token_id: 0,
      eos_token_id: 2,
      decoder_start_token_id: 2,
      forced_eos_token_id: 2,
    },
    attributeMap: { num_attention_heads: "encoder_attention_heads", hidden_size: "d_model" },
  },
  models: {
    AutoModel: (c) => built(fsmtModel(c), null),
    // The output projection already lives in the decoder.
    AutoModelForSeq2SeqLM: (c) => built(module("FSMTForConditionalGeneration", { children: { model: fsmtModel(c) } }), null),
  },
};
