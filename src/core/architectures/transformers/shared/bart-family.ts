// transformers/models/bart/modeling_bart.py and its "Copied from" family (mbart, marian, pegasus, blenderbot,
// blenderbot_small, plbart, mvp, m2m_100, whisper…): the encoder-decoder of fairseq-style translation models.
import { embedding, layerNorm, linear } from "../../../modules/blocks.js";
import { alias, buffer, module, repeat, type Module } from "../../../modules/module.js";
import type { Config, ConfigSpec } from "../../../config/config.js";
import type { TransformersArchitecture } from "../../types.js";
import { built } from "./build.js";

/** How `XxxEncoder`/`XxxDecoder` gets its token embedding from the model's `shared`. */
export type TokenEmbedding =
  /** the same module object (`self.embed_tokens = embed_tokens`): reached twice, weighs once. */
  | "module"
  /**
   * a new module whose `.weight` is reassigned to the shared one. Under accelerate's `init_empty_weights` that
   * assignment re-registers a fresh Parameter, so the tie is lost: each copy weighs in full (BART's record shows
   * `shared`, `encoder.embed_tokens` and `decoder.embed_tokens` as three equal largest layers).
   */
  | "copy";

export type Positions =
  /** `XxxLearnedPositionalEmbedding`: fairseq's offset of 2 extra rows. */
  | "learned-offset"
  /** learned, no offset (Blenderbot). */
  | "learned"
  /** `XxxSinusoidalPositionalEmbedding(nn.Embedding)`: a frozen parameter. */
  | "sinusoidal-param"
  /** M2M100-style: a non-persistent `weights` buffer with the offset of 2. */
  | "sinusoidal-buffer";

export interface BartStyle {
  readonly prefix: string;
  /** class of `shared` (and of the per-stack copies): `BartScaledWordEmbedding` or plain `Embedding`. */
  readonly tokenCls: string;
  readonly tokens: TokenEmbedding;
  readonly positions: Positions;
  /** `layernorm_embedding` after the embeddings (BART, mBART, PLBart, MVP, BlenderbotSmall). */
  readonly embeddingNorm: boolean;
  /** final `layer_norm` of a pre-norm stack (mBART, Pegasus, Blenderbot, M2M100). */
  readonly finalNorm: boolean;
  /** Whisper's attention has no bias on `k_proj`. */
  readonly keyBias?: boolean;
  /** children a stack adds after its norms (MVP's prompts). */
  readonly extras?: (c: Config, decoder: boolean) => Readonly<Record<string, Module | false>>;
}

export function bartAttention(s: Pick<BartStyle, "prefix" | "keyBias">, dim: number, kvDim = dim, bias = true, cls = `${s.prefix}Attention`): Module {
  return module(cls, {
    children: {
      k_proj: linear(kvDim, dim, bias && (s.keyBias ?? true)),
      v_proj: linear(kvDim, dim, bias),
      q_proj: linear(dim, dim, bias),
      out_proj: linear(dim, dim, bias),
    },
  });
}

export function bartEncoderLayer(c: Config, s: BartStyle): Module {
  const d = c.positiveInt("d_model");
  c.divisible("d_model", "encoder_attention_heads");
  const ffn = c.int("encoder_ffn_dim");
  return module(`${s.prefix}EncoderLayer`, {
    children: {
      self_attn: bartAttention(s, d),
      self_attn_layer_norm: layerNorm(d),
      fc1: linear(d, ffn),
      fc2: linear(ffn, d),
      final_layer_norm: layerNorm(d),
    },
  });
}

export function bartDecoderLayer(c: Config, s: BartStyle): Module {
  const d = c.positiveInt("d_model");
  c.divisible("d_model", "decoder_attention_heads");
  const ffn = c.int("decoder_ffn_dim");
  return module(`${s.prefix}DecoderLayer`, {
    children: {
      self_attn: bartAttention(s, d),
      self_attn_layer_norm: layerNorm(d),
      encoder_attn: bartAttention(s, d),
      encoder_attn_layer_norm: layerNorm(d),
      fc1: linear(d, ffn),
      fc2: linear(ffn, d),
      final_layer_norm: layerNorm(d),
    },
  });
}

function positions(c: Config, s: BartStyle, maxKey: string): Module {
  const d = c.positiveInt("d_model");
  const max = c.int(maxKey);
  switch (s.positions) {
    case "learned-offset":
      return embedding(max + 2, d, `${s.prefix}LearnedPositionalEmbedding`);
    case "learned":
      return embedding(max, d, `${s.prefix}LearnedPositionalEmbedding`);
    case "sinusoidal-param":
      return embedding(max, d, `${s.prefix}SinusoidalPositionalEmbedding`);
    case "sinusoidal-buffer":
      return module(`${s.prefix}SinusoidalPositionalEmbedding`, { buffers: { weights: buffer([max + 2, d], "float32", false) } });
  }
}

/** `XxxEncoder` / `XxxDecoder`: token embedding, positions, layers, then the optional norms. */
export function bartStack(c: Config, s: BartStyle, decoder: boolean, tokens: Module, maxKey = "max_position_embeddings"): Module {
  const d = c.positiveInt("d_model");
  const layer = decoder ? bartDecoderLayer(c, s) : bartEncoderLayer(c, s);
  return module(`${s.prefix}${decoder ? "Decoder" : "Encoder"}`, {
    children: {
      embed_tokens: tokens,
      embed_positions: positions(c, s, maxKey),
      layers: repeat(layer, c.int(decoder ? "decoder_layers" : "encoder_layers")),
      layernorm_embedding: s.embeddingNorm && layerNorm(d),
      layer_norm: s.finalNorm && layerNorm(d),
      ...s.extras?.(c, decoder),
    },
  });
}

/** `XxxModel`: `shared`, then encoder and decoder each reaching it (see `TokenEmbedding`). */
export function bartModel(c: Config, s: BartStyle): Module {
  const shared = embedding(c.int("vocab_size"), c.positiveInt("d_model"), s.tokenCls);
  const tokens = () => (s.tokens === "module" ? alias(shared) : embedding(c.int("vocab_size"), c.positiveInt("d_model"), s.tokenCls));
  return module(`${s.prefix}Model`, {
    children: { shared, encoder: bartStack(c, s, false, tokens()), decoder: bartStack(c, s, true, tokens()) },
  });
}

/**
 * `XxxForConditionalGeneration`: the model, a `final_logits_bias` buffer [1, vocab], and `lm_head` whose weight
 * `tie_weights()` reassigns to `shared.weight` — which, under `init_empty_weights`, re-registers a fresh Parameter
 * (see `TokenEmbedding`), so it is counted in full either way.
 */
export function bartForConditionalGeneration(
  c: Config,
  s: BartStyle,
  model: Module = bartModel(c, s),
  vocab = c.int("vocab_size"),
  cls = `${s.prefix}ForConditionalGeneration`,
  finalLogitsBias = true,
): Module {
  return module(cls, {
    buffers: { final_logits_bias: finalLogitsBias && buffer([1, vocab]) },
    children: { model, lm_head: linear(c.positiveInt("d_model"), vocab, false) },
  });
}

/**
 * `XxxForCausalLM`: the decoder alone, inside `XxxDecoderWrapper` (its own token embedding, no `shared`), and a
 * bias-free `lm_head` (counted in full, as every tied head).
 */
export function bartForCausalLM(c: Config, s: BartStyle): Module {
  const d = c.positiveInt("d_model");
  const vocab = c.int("vocab_size");
  const decoder = bartStack(c, s, true, embedding(vocab, d, s.tokenCls));
  return module(`${s.prefix}ForCausalLM`, {
    children: { model: module(`${s.prefix}DecoderWrapper`, { children: { decoder } }), lm_head: linear(d, vocab, false) },
  });
}

/** `attribute_map` of every BART-style config. */
export const BART_ATTRIBUTE_MAP = { num_attention_heads: "encoder_attention_heads", hidden_size: "d_model" } as const;

/** A BART-family architecture: `AutoModel` and `AutoModelForSeq2SeqLM`, one `_no_split_modules` for both. */
export function bartFamily(
  modelType: string,
  source: string,
  style: BartStyle,
  defaults: Readonly<Record<string, unknown>>,
  noSplit: readonly string[] | null,
  derive?: ConfigSpec["derive"],
): TransformersArchitecture {
  return {
    modelType,
    source,
    config: { modelType, defaults, attributeMap: BART_ATTRIBUTE_MAP, ...(derive ? { derive } : {}) },
    models: {
      AutoModel: (c) => built(bartModel(c, style), noSplit),
      AutoModelForSeq2SeqLM: (c) => built(bartForConditionalGeneration(c, style), noSplit),
      AutoModelForCausalLM: (c) => built(bartForCausalLM(c, style), noSplit),
    },
  };
}
