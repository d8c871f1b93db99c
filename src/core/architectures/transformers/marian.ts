// transformers/models/marian/{configuration,modeling}_marian.py (4.47)
import { embedding } from "../../modules/blocks.js";
import { alias, module, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import type { TransformersArchitecture } from "../types.js";
import { BART_ATTRIBUTE_MAP, bartForConditionalGeneration, bartStack, type BartStyle } from "./shared/bart-family.js";
import { built } from "./shared/build.js";

const STYLE: BartStyle = { prefix: "Marian", tokenCls: "Embedding", tokens: "module", positions: "sinusoidal-param", embeddingNorm: false, finalNorm: false };

/**
 * `MarianModel`: with `share_encoder_decoder_embeddings` one `shared` module serves both stacks; without it there
 * is no `shared` and the decoder gets its own table of `decoder_vocab_size` rows.
 */
function marianModel(c: Config): Module {
  const d = c.positiveInt("d_model");
  if (c.bool("share_encoder_decoder_embeddings")) {
    const shared = embedding(c.int("vocab_size"), d);
    return module("MarianModel", {
      children: { shared, encoder: bartStack(c, STYLE, false, alias(shared)), decoder: bartStack(c, STYLE, true, alias(shared)) },
    });
  }
  return module("MarianModel", {
    children: {
      encoder: bartStack(c, STYLE, false, embedding(c.int("vocab_size"), d)),
      decoder: bartStack(c, STYLE, true, embedding(c.int("decoder_vocab_size"), d)),
    },
  });
}

export const marian: TransformersArchitecture = {
  modelType: "marian",
  source: "transformers/models/marian/modeling_marian.py",
  config: {
    modelType: "marian",
    defaults: {
      vocab_size: 58101,
      decoder_vocab_size: null,
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
      pad_token_id: 58100,
      eos_token_id: 0,
      decoder_start_token_id: 58100,
      forced_eos_token_id: 0,
      share_encoder_decoder_embeddings: true,
    },
    attributeMap: BART_ATTRIBUTE_MAP,
    derive: (c) => c.setDefault("decoder_vocab_size", c.get("vocab_size")),
  },
  models: {
    AutoModel: (c) => built(marianModel(c), null),
    // MarianMTModel's head and bias follow the decoder's vocabulary.
    AutoModelForSeq2SeqLM: (c) =>
      built(bartForConditionalGeneration(c, STYLE, marianModel(c), c.int("decoder_vocab_size"), "MarianMTModel"), null),
  },
};
