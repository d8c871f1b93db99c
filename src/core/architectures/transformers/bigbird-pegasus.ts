// transformers/models/bigbird_pegasus/{configuration,modeling}_bigbird_pegasus.py (4.47)
import { embedding, layerNorm, linear } from "../../modules/blocks.js";
import { module, repeat, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import { InvalidConfigError } from "../../errors.js";
import type { TransformersArchitecture } from "../types.js";
import { bartAttention, bartForConditionalGeneration, type BartStyle } from "./shared/bart-family.js";
import { built } from "./shared/build.js";

const P = "BigBirdPegasus";
const STYLE: BartStyle = { prefix: P, tokenCls: `${P}ScaledWordEmbedding`, tokens: "copy", positions: "learned", embeddingNorm: true, finalNorm: false };
const NO_SPLIT = [`${P}EncoderLayer`, `${P}DecoderLayer`];

/** Encoder attention: full or block-sparse `self` (query/key/value), then `output`; biases per `use_bias`. */
function encoderAttention(c: Config): Module {
  const d = c.positiveInt("d_model");
  const bias = c.bool("use_bias");
  const type = c.string("attention_type");
  if (type !== "original_full" && type !== "block_sparse") {
    throw new InvalidConfigError(`${c.label}: \`attention_type\` must be "original_full" or "block_sparse" (got ${type})`, "attention_type");
  }
  c.divisible("d_model", "encoder_attention_heads");
  const cls = type === "original_full" ? `${P}SelfAttention` : `${P}BlockSparseAttention`;
  return module(`${P}EncoderAttention`, {
    children: {
      self: module(cls, { children: { query: linear(d, d, bias), key: linear(d, d, bias), value: linear(d, d, bias) } }),
      output: linear(d, d, bias),
    },
  });
}

function stack(c: Config, decoder: boolean): Module {
  const d = c.positiveInt("d_model");
  const side = decoder ? "decoder" : "encoder";
  const ffn = c.int(`${side}_ffn_dim`);
  const attn = () => bartAttention(STYLE, d, d, c.bool("use_bias"), `${P}DecoderAttention`);
  const layer = module(`${P}${decoder ? "Decoder" : "Encoder"}Layer`, {
    children: {
      self_attn: decoder ? attn() : encoderAttention(c),
      self_attn_layer_norm: layerNorm(d),
      encoder_attn: decoder && attn(),
      encoder_attn_layer_norm: decoder && layerNorm(d),
      fc1: linear(d, ffn),
      fc2: linear(ffn, d),
      final_layer_norm: layerNorm(d),
    },
  });
  return module(`${P}${decoder ? "Decoder" : "Encoder"}`, {
    children: {
      // Its own table with the weight re-pointed at `shared`'s: accelerate's empty init un-ties it.
      embed_tokens: embedding(c.int("vocab_size"), d, STYLE.tokenCls),
      embed_positions: embedding(c.int("max_position_embeddings"), d, `${P}LearnedPositionalEmbedding`),
      layers: repeat(layer, c.int(`${side}_layers`)),
      layernorm_embedding: layerNorm(d),
    },
  });
}

const model = (c: Config) =>
  module(`${P}Model`, {
    children: { shared: embedding(c.int("vocab_size"), c.positiveInt("d_model"), STYLE.tokenCls), encoder: stack(c, false), decoder: stack(c, true) },
  });

export const bigbirdPegasus: TransformersArchitecture = {
  modelType: "bigbird_pegasus",
  source: "transformers/models/bigbird_pegasus/modeling_bigbird_pegasus.py",
  config: {
    modelType: "bigbird_pegasus",
    defaults: {
      vocab_size: 96103,
      max_position_embeddings: 4096,
      encoder_layers: 16,
      encoder_ffn_dim: 4096,
      encoder_attention_heads: 16,
      decoder_layers: 16,
      decoder_ffn_dim: 4096,
      decoder_attention_heads: 16,
      activation_function: "gelu_new",
      d_model: 1024,
      scale_embedding: true,
      is_encoder_decoder: true,
      pad_token_id: 0,
      bos_token_id: 2,
      eos_token_id: 1,
      decoder_start_token_id: 2,
      attention_type: "block_sparse",
      use_bias: false,
      block_size: 64,
      num_random_blocks: 3,
    },
    attributeMap: { num_attention_heads: "encoder_attention_heads", hidden_size: "d_model", attention_probs_dropout_prob: "attention_dropout" },
  },
  models: {
    AutoModel: (c) => built(model(c), NO_SPLIT),
    AutoModelForSeq2SeqLM: (c) => built(bartForConditionalGeneration(c, STYLE, model(c)), NO_SPLIT),
  },
};
