// transformers/models/led/{configuration,modeling}_led.py (4.47)
import { embedding, layerNorm, linear } from "../../modules/blocks.js";
import { alias, module, repeat, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import type { TransformersArchitecture } from "../types.js";
import { renameChild } from "./shared/decoder-variants.js";
import { bartDecoderLayer, bartForConditionalGeneration, type BartStyle } from "./shared/bart-family.js";
import { built } from "./shared/build.js";

const STYLE: BartStyle = { prefix: "LED", tokenCls: "Embedding", tokens: "module", positions: "learned", embeddingNorm: true, finalNorm: false };

/** Longformer attention: local q/k/v plus a global q/k/v set, then the output projection. */
function encoderLayer(c: Config): Module {
  const d = c.positiveInt("d_model");
  c.divisible("d_model", "encoder_attention_heads");
  const ffn = c.int("encoder_ffn_dim");
  const proj = () => linear(d, d);
  return module("LEDEncoderLayer", {
    children: {
      self_attn: module("LEDEncoderAttention", {
        children: {
          longformer_self_attn: module("LEDEncoderSelfAttention", {
            children: { query: proj(), key: proj(), value: proj(), query_global: proj(), key_global: proj(), value_global: proj() },
          }),
          output: proj(),
        },
      }),
      self_attn_layer_norm: layerNorm(d),
      fc1: linear(d, ffn),
      fc2: linear(ffn, d),
      final_layer_norm: layerNorm(d),
    },
  });
}

function ledModel(c: Config): Module {
  const d = c.positiveInt("d_model");
  const shared = embedding(c.int("vocab_size"), d);
  return module("LEDModel", {
    children: {
      shared,
      encoder: module("LEDEncoder", {
        children: {
          embed_tokens: alias(shared),
          embed_positions: embedding(c.int("max_encoder_position_embeddings"), d, "LEDLearnedPositionalEmbedding"),
          layers: repeat(encoderLayer(c), c.int("encoder_layers")),
          layernorm_embedding: layerNorm(d),
        },
      }),
      decoder: module("LEDDecoder", {
        children: {
          embed_tokens: alias(shared),
          embed_positions: embedding(c.int("max_decoder_position_embeddings"), d, "LEDLearnedPositionalEmbedding"),
          layers: repeat(bartDecoderLayer(c, STYLE), c.int("decoder_layers")),
          layernorm_embedding: layerNorm(d),
        },
      }),
    },
  });
}

export const led: TransformersArchitecture = {
  modelType: "led",
  source: "transformers/models/led/modeling_led.py",
  config: {
    modelType: "led",
    defaults: {
      vocab_size: 50265,
      max_encoder_position_embeddings: 16384,
      max_decoder_position_embeddings: 1024,
      encoder_layers: 12,
      encoder_ffn_dim: 4096,
      encoder_attention_heads: 16,
      decoder_layers: 12,
      decoder_ffn_dim: 4096,
      decoder_attention_heads: 16,
      activation_function: "gelu",
      d_model: 1024,
      is_encoder_decoder: true,
      pad_token_id: 1,
      bos_token_id: 0,
      eos_token_id: 2,
      decoder_start_token_id: 2,
      attention_window: 512,
    },
    attributeMap: { num_attention_heads: "encoder_attention_heads", hidden_size: "d_model" },
  },
  models: {
    AutoModel: (c) => built(ledModel(c), null),
    // LEDForConditionalGeneration holds its model as `self.led`, not `self.model`.
    AutoModelForSeq2SeqLM: (c) => built(renameChild(bartForConditionalGeneration(c, STYLE, ledModel(c)), "model", "led"), null),
  },
};
