// transformers/models/seamless_m4t/{configuration,modeling}_seamless_m4t.py (4.47). SeamlessM4TModel holds every
// part: a shared embedding, the NLLB-style text encoder/decoder and lm_head (tied to `shared` by assignment, so under
// accelerate's init_empty_weights each counts in full), the w2v-BERT conformer speech encoder, the text-to-unit
// encoder-decoder and the HiFi-GAN vocoder. The v2 file reuses these blocks under its own class prefix.
import { Config } from "../../config/config.js";
import { InvalidConfigError } from "../../errors.js";
import { batchNorm, conv1d, convTranspose, embedding, layerNorm, linear } from "../../modules/blocks.js";
import { buffer, list, module, repeat, type Module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";
import { fairseqAttention } from "./shared/fairseq-decoder.js";
import { speechFeedForward } from "./shared/wav2vec2-family.js";

export function seamlessAttention(p: string, c: Config, heads: number): Module {
  const dim = c.positiveInt("hidden_size");
  if (heads <= 0 || dim % heads !== 0) throw new InvalidConfigError(`${c.label}: hidden_size ${dim} is not a multiple of ${heads} heads`);
  return fairseqAttention(`${p}Attention`, dim);
}

function ffn(p: string, dim: number, inner: number): Module {
  return module(`${p}FeedForwardNetwork`, { children: { fc1: linear(dim, inner), fc2: linear(inner, dim) } });
}

/** `SinusoidalPositionalEmbedding(n, dim)`: a non-persistent fp32 table with 2 offset rows. */
export function sinusoidal(p: string, n: number, dim: number): Module {
  return module(`${p}SinusoidalPositionalEmbedding`, { buffers: { weights: buffer([n + 2, dim], "float32", false) } });
}

/** The text (or, with `t2u`, the unit model's embedding-free) encoder. */
export function seamlessEncoder(p: string, c: Config, t2u: boolean): Module {
  const dim = c.positiveInt("hidden_size");
  const layer = module(`${p}EncoderLayer`, {
    children: {
      self_attn: seamlessAttention(p, c, c.int("encoder_attention_heads")),
      self_attn_layer_norm: layerNorm(dim),
      ffn: ffn(p, dim, c.int("encoder_ffn_dim")),
      ffn_layer_norm: layerNorm(dim),
    },
  });
  return module(`${p}Encoder`, {
    children: {
      embed_tokens: !t2u && embedding(c.int("vocab_size"), dim, `${p}ScaledWordEmbedding`),
      embed_positions: !t2u && sinusoidal(p, c.int("max_position_embeddings"), dim),
      layers: repeat(layer, c.int("encoder_layers")),
      layer_norm: layerNorm(dim),
    },
  });
}

export function seamlessDecoder(p: string, c: Config): Module {
  const dim = c.positiveInt("hidden_size");
  const heads = c.int("decoder_attention_heads");
  const layer = module(`${p}DecoderLayer`, {
    children: {
      self_attn: seamlessAttention(p, c, heads),
      self_attn_layer_norm: layerNorm(dim),
      cross_attention: seamlessAttention(p, c, heads),
      cross_attention_layer_norm: layerNorm(dim),
      ffn: ffn(p, dim, c.int("decoder_ffn_dim")),
      ffn_layer_norm: layerNorm(dim),
    },
  });
  return module(`${p}Decoder`, {
    children: {
      embed_tokens: embedding(c.int("vocab_size"), dim, `${p}ScaledWordEmbedding`),
      embed_positions: sinusoidal(p, c.int("max_position_embeddings"), dim),
      layers: repeat(layer, c.int("decoder_layers")),
      layer_norm: layerNorm(dim),
    },
  });
}

/** Conformer self-attention: v1's "relative" adds linear_pos and two biases, v2's "relative_key" a distance table. */
function conformerAttention(p: string, c: Config, positions: boolean, v2: boolean): Module {
  const h = c.positiveInt("hidden_size");
  const heads = c.positiveInt("speech_encoder_attention_heads");
  const head = Math.floor(h / heads);
  const type = positions ? c.optionalString("position_embeddings_type") : undefined;
  const relative = !v2 && type === "relative";
  const relativeKey = v2 && type === "relative_key";
  return module(`${p}ConformerSelfAttention`, {
    params: { pos_bias_u: relative && [heads, head], pos_bias_v: relative && [heads, head] },
    children: {
      linear_q: linear(h, h),
      linear_k: linear(h, h),
      linear_v: linear(h, h),
      linear_out: linear(h, h),
      linear_pos: relative && linear(h, h, false),
      distance_embedding:
        relativeKey && embedding(c.int("left_max_position_embeddings") + c.int("right_max_position_embeddings") + 1, head),
    },
  });
}

/** The speech encoder; v2's convolution module has a LayerNorm where v1 has a BatchNorm1d. */
export function seamlessSpeechEncoder(p: string, c: Config, v2: boolean): Module {
  const h = c.positiveInt("hidden_size");
  const inter = c.int("speech_encoder_intermediate_size");
  const k = c.int("conv_depthwise_kernel_size");
  if ((k - 1) % 2 === 1) throw new InvalidConfigError(`${c.label}: \`conv_depthwise_kernel_size\` should be odd`, "conv_depthwise_kernel_size");
  const ff = () => speechFeedForward(`${p}Conformer`, h, inter);
  const layer = module(`${p}ConformerEncoderLayer`, {
    children: {
      ffn1_layer_norm: layerNorm(h),
      ffn1: ff(),
      self_attn_layer_norm: layerNorm(h),
      self_attn: conformerAttention(p, c, true, v2),
      conv_module: module(`${p}ConformerConvolutionModule`, {
        children: {
          layer_norm: layerNorm(h),
          pointwise_conv1: conv1d(h, 2 * h, 1, { bias: false }),
          depthwise_conv: conv1d(h, h, k, { groups: h, bias: false }),
          batch_norm: !v2 && batchNorm(h, { cls: "BatchNorm1d" }),
          depthwise_layer_norm: v2 && layerNorm(h),
          pointwise_conv2: conv1d(h, h, 1, { bias: false }),
        },
      }),
      ffn2_layer_norm: layerNorm(h),
      ffn2: ff(),
      final_layer_norm: layerNorm(h),
    },
  });
  // v1 only: a rotary scheme keeps a persistent inv_freq ("relative" computes its table on the fly).
  const rotary = !v2 && c.optionalString("position_embeddings_type") === "rotary";
  const headDim = Math.floor(h / c.positiveInt("speech_encoder_attention_heads"));
  const ka = c.int("adaptor_kernel_size");
  const adapterLayer = module(`${p}ConformerAdapterLayer`, {
    children: {
      residual_layer_norm: layerNorm(h),
      residual_conv: conv1d(h, 2 * h, ka),
      self_attn_layer_norm: layerNorm(h),
      self_attn_conv: conv1d(h, 2 * h, ka),
      self_attn: conformerAttention(p, c, false, v2),
      ffn_layer_norm: layerNorm(h),
      ffn: ff(),
    },
  });
  return module(`${p}SpeechEncoder`, {
    children: {
      feature_projection: module(`${p}ConformerFeatureProjection`, {
        children: { layer_norm: layerNorm(c.int("feature_projection_input_dim")), projection: linear(c.int("feature_projection_input_dim"), h) },
      }),
      encoder: module(`${p}ConformerEncoder`, {
        children: {
          embed_positions: rotary && module(`${p}ConformerRotaryPositionalEmbedding`, { buffers: { inv_freq: buffer([Math.ceil(headDim / 2)]) } }),
          layers: repeat(layer, c.int("speech_encoder_layers")),
          layer_norm: layerNorm(h),
        },
      }),
      intermediate_ffn: ff(),
      adapter: c.bool("add_adapter") && module(`${p}ConformerAdapter`, { children: { layers: repeat(adapterLayer, c.int("num_adapter_layers")) } }),
      inner_layer_norm: layerNorm(h),
    },
  });
}

/** The text-to-unit model sees its config with every `t2u_x` copied over `x` (`…TextToUnitForConditionalGeneration`). */
export function t2uConfig(c: Config): Config {
  const values = c.toJSON();
  for (const [key, value] of Object.entries(values)) if (key.startsWith("t2u_")) values[key.slice(4)] = value;
  return new Config(values, {}, `${c.label} (t2u)`);
}

export function variancePredictor(p: string, c: Config, inDim: number, hidden: number, kernelKey: string): Module {
  const k = c.int(kernelKey);
  return module(`${p}VariancePredictor`, {
    children: { conv1: conv1d(inDim, hidden, k), ln1: layerNorm(hidden), conv2: conv1d(hidden, hidden, k), ln2: layerNorm(hidden), proj: linear(hidden, 1) },
  });
}

/** `CodeHifiGan`: duration predictor, unit/speaker/language embeddings and the HiFi-GAN generator. */
export function seamlessVocoder(p: string, c: Config): Module {
  const unit = c.int("unit_embed_dim");
  const initial = c.int("upsample_initial_channel");
  const rates = c.intList("upsample_rates");
  const upKernels = c.intList("upsample_kernel_sizes");
  const kernels = c.intList("resblock_kernel_sizes");
  const dilations = c.list("resblock_dilation_sizes") as unknown[];
  // Python's zip: the shorter list decides.
  const stages = rates.slice(0, Math.min(rates.length, upKernels.length));
  const blocks = kernels.slice(0, Math.min(kernels.length, dilations.length));
  const ups = stages.map((_, i) => convTranspose(Math.floor(initial / 2 ** i), Math.floor(initial / 2 ** (i + 1)), [upKernels[i] ?? 0]));
  const resblocks = stages.flatMap((_, i) => {
    const ch = Math.floor(initial / 2 ** (i + 1));
    return blocks.map((k, j) => {
      const n = Array.isArray(dilations[j]) ? (dilations[j] as unknown[]).length : 0;
      const convs = () => list("ModuleList", { module: conv1d(ch, ch, k), count: n });
      return module("HifiGanResidualBlock", { children: { convs1: convs(), convs2: convs() } });
    });
  });
  const last = Math.floor(initial / 2 ** stages.length);
  return module(`${p}CodeHifiGan`, {
    children: {
      dur_predictor: variancePredictor(p, c, unit, unit, "variance_predictor_kernel_size"),
      unit_embedding: embedding(c.int("unit_hifi_gan_vocab_size"), unit),
      speaker_embedding: embedding(c.int("vocoder_num_spkrs"), c.int("spkr_embed_dim")),
      language_embedding: embedding(c.int("vocoder_num_langs"), c.int("lang_embed_dim")),
      hifi_gan: module(`${p}HifiGan`, {
        children: {
          conv_pre: conv1d(unit + c.int("lang_embed_dim") + c.int("spkr_embed_dim"), initial, 7),
          upsampler: list("ModuleList", ...ups),
          resblocks: list("ModuleList", ...resblocks),
          conv_post: conv1d(last, 1, 7),
        },
      }),
    },
  });
}

/** `SeamlessM4T(v2)Model`: the parts in registration order, with the given text-to-unit model. */
export function seamlessModel(p: string, c: Config, t2u: Module, v2: boolean): Module {
  const dim = c.positiveInt("hidden_size");
  const vocab = c.int("vocab_size");
  return module(`${p}Model`, {
    children: {
      shared: embedding(vocab, dim),
      text_encoder: seamlessEncoder(p, c, false),
      speech_encoder: seamlessSpeechEncoder(p, c, v2),
      text_decoder: seamlessDecoder(p, c),
      lm_head: linear(dim, vocab, false),
      t2u_model: t2u,
      vocoder: seamlessVocoder(p, c),
    },
  });
}

const P = "SeamlessM4T";

function t2uModel(c: Config): Module {
  const t = t2uConfig(c);
  return module(`${P}TextToUnitForConditionalGeneration`, {
    children: {
      model: module(`${P}TextToUnitModel`, { children: { encoder: seamlessEncoder(P, t, true), decoder: seamlessDecoder(P, t) } }),
      lm_head: linear(t.positiveInt("hidden_size"), t.int("t2u_vocab_size"), false),
    },
  });
}

export const SEAMLESS_M4T_DEFAULTS = {
  vocab_size: 256102, t2u_vocab_size: 10082, hidden_size: 1024, max_position_embeddings: 1024, is_encoder_decoder: true,
  scale_embedding: true, encoder_layers: 24, encoder_ffn_dim: 8192, encoder_attention_heads: 16, decoder_layers: 24,
  decoder_ffn_dim: 8192, decoder_attention_heads: 16, pad_token_id: 0, bos_token_id: 2, eos_token_id: 3,
  speech_encoder_layers: 24, speech_encoder_attention_heads: 16, speech_encoder_intermediate_size: 4096, add_adapter: true,
  feature_projection_input_dim: 160, adaptor_kernel_size: 8, adaptor_stride: 8, num_adapter_layers: 1,
  position_embeddings_type: "relative", rotary_embedding_base: 10000, conv_depthwise_kernel_size: 31,
  t2u_bos_token_id: 0, t2u_pad_token_id: 1, t2u_eos_token_id: 2, t2u_encoder_layers: 6, t2u_encoder_ffn_dim: 8192,
  t2u_encoder_attention_heads: 16, t2u_decoder_layers: 6, t2u_decoder_ffn_dim: 8192, t2u_decoder_attention_heads: 16,
  t2u_max_position_embeddings: 2048, upsample_initial_channel: 512, upsample_rates: [5, 4, 4, 2, 2],
  upsample_kernel_sizes: [11, 8, 8, 4, 4], resblock_kernel_sizes: [3, 7, 11], resblock_dilation_sizes: [[1, 3, 5], [1, 3, 5], [1, 3, 5]],
  unit_hifi_gan_vocab_size: 10000, unit_embed_dim: 1280, lang_embed_dim: 256, spkr_embed_dim: 256, vocoder_num_langs: 36,
  vocoder_num_spkrs: 200, variance_predictor_kernel_size: 3,
};

export const seamlessM4t: TransformersArchitecture = {
  modelType: "seamless_m4t",
  source: "transformers/models/seamless_m4t/modeling_seamless_m4t.py",
  config: { modelType: "seamless_m4t", defaults: SEAMLESS_M4T_DEFAULTS },
  models: {
    AutoModel: (c) => built(seamlessModel(P, c, t2uModel(c), false), [`${P}EncoderLayer`, `${P}DecoderLayer`, `${P}ConformerEncoderLayer`]),
  },
};
