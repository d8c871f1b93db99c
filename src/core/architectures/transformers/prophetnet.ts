// transformers/models/{prophetnet,xlm_prophetnet}/{configuration,modeling}_*.py (4.47)
import { embedding, layerNorm, linear } from "../../modules/blocks.js";
import { alias, module, repeat, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";

function attention(cls: string, d: number, extra: Record<string, Module> = {}): Module {
  return module(cls, {
    children: { key_proj: linear(d, d), value_proj: linear(d, d), query_proj: linear(d, d), out_proj: linear(d, d), ...extra },
  });
}

function feedForward(p: string, d: number, ffn: number): Module {
  return module(`${p}FeedForward`, { children: { intermediate: linear(d, ffn), output: linear(ffn, d) } });
}

function prophetNetModel(c: Config, p: string): Module {
  const d = c.positiveInt("hidden_size");
  c.divisible("hidden_size", "num_encoder_attention_heads");
  c.divisible("hidden_size", "num_decoder_attention_heads");
  const words = embedding(c.int("vocab_size"), d);
  const positions = () => embedding(c.int("max_position_embeddings"), d, `${p}PositionalEmbeddings`);
  const encoderLayer = module(`${p}EncoderLayer`, {
    children: {
      self_attn: attention(`${p}Attention`, d),
      self_attn_layer_norm: layerNorm(d),
      feed_forward: feedForward(p, d, c.int("encoder_ffn_dim")),
      feed_forward_layer_norm: layerNorm(d),
    },
  });
  const cross = c.bool("add_cross_attention");
  const decoderLayer = module(`${p}DecoderLayer`, {
    children: {
      // The n-gram stream's attention learns its relative-position buckets per head.
      self_attn: attention(`${p}NgramSelfAttention`, d, {
        relative_pos_embeddings: linear(d, c.int("num_buckets") * c.positiveInt("num_decoder_attention_heads")),
      }),
      self_attn_layer_norm: layerNorm(d),
      cross_attn: cross && attention(`${p}Attention`, d),
      cross_attn_layer_norm: cross && layerNorm(d),
      feed_forward: feedForward(p, d, c.int("decoder_ffn_dim")),
      feed_forward_layer_norm: layerNorm(d),
    },
  });
  return module(`${p}Model`, {
    children: {
      word_embeddings: words,
      encoder: module(`${p}Encoder`, {
        children: {
          word_embeddings: alias(words),
          position_embeddings: positions(),
          embeddings_layer_norm: layerNorm(d),
          layers: repeat(encoderLayer, c.int("num_encoder_layers")),
        },
      }),
      decoder: module(`${p}Decoder`, {
        children: {
          word_embeddings: alias(words),
          position_embeddings: positions(),
          ngram_embeddings: embedding(c.int("ngram"), d),
          layers: repeat(decoderLayer, c.int("num_decoder_layers")),
          embeddings_layer_norm: layerNorm(d),
        },
      }),
    },
  });
}

function prophetNetFamily(modelType: string, p: string): TransformersArchitecture {
  return {
    modelType,
    source: `transformers/models/${modelType.replace("-", "_")}/modeling_${modelType.replace("-", "_")}.py`,
    config: {
      modelType,
      defaults: {
        activation_function: "gelu",
        vocab_size: 30522,
        hidden_size: 1024,
        encoder_ffn_dim: 4096,
        num_encoder_layers: 12,
        num_encoder_attention_heads: 16,
        decoder_ffn_dim: 4096,
        num_decoder_layers: 12,
        num_decoder_attention_heads: 16,
        max_position_embeddings: 512,
        is_encoder_decoder: true,
        add_cross_attention: true,
        decoder_start_token_id: 0,
        ngram: 2,
        num_buckets: 32,
        relative_max_distance: 128,
        pad_token_id: 0,
        bos_token_id: 1,
        eos_token_id: 2,
      },
      attributeMap: { num_attention_heads: "num_encoder_attention_heads" },
    },
    models: {
      AutoModel: (c) => built(prophetNetModel(c, p), null),
      AutoModelForSeq2SeqLM: (c) =>
        built(
          module(`${p}ForConditionalGeneration`, {
            children: { prophetnet: prophetNetModel(c, p), lm_head: linear(c.positiveInt("hidden_size"), c.int("vocab_size"), false) },
          }),
          null,
        ),
    },
  };
}

export const prophetnet = prophetNetFamily("prophetnet", "ProphetNet");
export const xlmProphetnet = prophetNetFamily("xlm-prophetnet", "XLMProphetNet");
