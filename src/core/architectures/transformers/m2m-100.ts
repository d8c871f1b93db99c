// transformers/models/m2m_100/{configuration,modeling}_m2m_100.py (4.47)
import type { TransformersArchitecture } from "../types.js";
import { BART_ATTRIBUTE_MAP, bartForConditionalGeneration, bartModel, type BartStyle } from "./shared/bart-family.js";
import { built } from "./shared/build.js";

const STYLE: BartStyle = { prefix: "M2M100", tokenCls: "M2M100ScaledWordEmbedding", tokens: "copy", positions: "sinusoidal-buffer", embeddingNorm: false, finalNorm: true };
const NO_SPLIT = ["M2M100EncoderLayer", "M2M100DecoderLayer"];

export const m2m100: TransformersArchitecture = {
  modelType: "m2m_100",
  source: "transformers/models/m2m_100/modeling_m2m_100.py",
  config: {
    modelType: "m2m_100",
    defaults: {
      vocab_size: 128112,
      max_position_embeddings: 1024,
      encoder_layers: 12,
      encoder_ffn_dim: 4096,
      encoder_attention_heads: 16,
      decoder_layers: 12,
      decoder_ffn_dim: 4096,
      decoder_attention_heads: 16,
      activation_function: "relu",
      d_model: 1024,
      scale_embedding: true,
      is_encoder_decoder: true,
      pad_token_id: 1,
      bos_token_id: 0,
      eos_token_id: 2,
      decoder_start_token_id: 2,
    },
    attributeMap: BART_ATTRIBUTE_MAP,
  },
  models: {
    AutoModel: (c) => built(bartModel(c, STYLE), NO_SPLIT),
    // No `final_logits_bias` here.
    AutoModelForSeq2SeqLM: (c) => built(bartForConditionalGeneration(c, STYLE, bartModel(c, STYLE), c.int("vocab_size"), "M2M100ForConditionalGeneration", false), NO_SPLIT),
  },
};
