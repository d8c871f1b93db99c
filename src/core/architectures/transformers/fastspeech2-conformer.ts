// transformers/models/fastspeech2_conformer/{configuration,modeling}_fastspeech2_conformer.py (4.47)
import { batchNorm, conv1d, embedding, layerNorm, linear } from "../../modules/blocks.js";
import { list, module, repeat, type Module } from "../../modules/module.js";
import { Config } from "../../config/config.js";
import { InvalidConfigError } from "../../errors.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";

const P = "FastSpeech2Conformer";

/** `encoder_config` / `decoder_config` as plain dicts (the modules index them by key). */
function part(c: Config, key: "encoder_config" | "decoder_config"): Config {
  return new Config({ ...(c.object(key) ?? {}) }, {}, `${c.label}.${key}`);
}

/** Relative-position attention: q/k/v/out with bias, a bias-free positional projection, and the u/v biases. */
function attention(h: number, heads: number): Module {
  if (h % heads !== 0) throw new InvalidConfigError(`hidden_size ${h} is not a multiple of ${heads} attention heads`, "hidden_size");
  const hd = h / heads;
  return module(`${P}Attention`, {
    params: { pos_bias_u: [heads, hd], pos_bias_v: [heads, hd] },
    children: { linear_q: linear(h, h), linear_k: linear(h, h), linear_v: linear(h, h), linear_out: linear(h, h), linear_pos: linear(h, h, false) },
  });
}

function multiLayeredConv(c: Config, h: number, units: number): Module {
  const k = c.positiveInt("positionwise_conv_kernel_size");
  return module(`${P}MultiLayeredConv1d`, { children: { conv1: conv1d(h, units, k), conv2: conv1d(units, h, k) } });
}

/** Conformer layer; children in the order `__init__` assigns them (macaron FFN and conv module optional). */
function conformerLayer(c: Config, m: Config): Module {
  const h = c.positiveInt("hidden_size");
  const macaron = c.bool("use_macaron_style_in_conformer");
  const cnn = c.bool("use_cnn_in_conformer");
  const k = m.positiveInt("kernel_size");
  const units = m.positiveInt("linear_units");
  return module(`${P}EncoderLayer`, {
    children: {
      self_attn: attention(h, m.positiveInt("num_attention_heads")),
      feed_forward: multiLayeredConv(c, h, units),
      feed_forward_macaron: macaron && multiLayeredConv(c, h, units),
      ff_macaron_layer_norm: macaron && layerNorm(h),
      conv_module: cnn && module(`${P}ConvolutionModule`, {
        children: {
          pointwise_conv1: conv1d(h, 2 * h, 1),
          depthwise_conv: conv1d(h, h, k, { groups: h }),
          norm: batchNorm(h, { cls: "BatchNorm1d" }),
          pointwise_conv2: conv1d(h, h, 1),
        },
      }),
      conv_layer_norm: cnn && layerNorm(h),
      final_layer_norm: cnn && layerNorm(h),
      ff_layer_norm: layerNorm(h),
      self_attn_layer_norm: layerNorm(h),
      concat_linear: m.bool("concat_after") && linear(2 * h, h),
    },
  });
}

function conformer(c: Config, key: "encoder_config" | "decoder_config", withEmbedding: boolean): Module {
  const m = part(c, key);
  return module(`${P}Encoder`, {
    children: {
      embed: withEmbedding && embedding(c.int("vocab_size"), c.positiveInt("hidden_size")),
      conformer_layers: repeat(conformerLayer(c, m), m.int("layers")),
    },
  });
}

/** Conv + ReLU + LayerNorm stacks ending in a 1-wide linear (duration, pitch and energy predictors). */
function predictor(c: Config, cls: string, layers: number, chans: number, kernel: number): Module {
  const h = c.positiveInt("hidden_size");
  const layer = (inCh: number) => module(`${P}PredictorLayer`, { children: { conv: conv1d(inCh, chans, kernel), layer_norm: layerNorm(chans) } });
  return module(cls, {
    children: {
      conv_layers: list("ModuleList", ...(layers > 0 ? [layer(h), { module: layer(chans), count: layers - 1 }] : [])),
      linear: linear(chans, 1),
    },
  });
}

const varianceEmbedding = (h: number, kernel: number): Module =>
  module(`${P}VarianceEmbedding`, { children: { conv: conv1d(1, h, kernel) } });

function postnet(c: Config): Module {
  const h = c.positiveInt("hidden_size");
  const mel = c.int("num_mel_bins");
  const n = c.int("speech_decoder_postnet_layers");
  const units = c.int("speech_decoder_postnet_units");
  const k = c.positiveInt("speech_decoder_postnet_kernel");
  const layer = (i: number) => {
    const inCh = i === 0 ? mel : units;
    const out = i === n - 1 ? mel : units;
    return module(`${P}BatchNormConvLayer`, { children: { conv: conv1d(inCh, out, k, { bias: false }), batch_norm: batchNorm(out, { cls: "BatchNorm1d" }) } });
  };
  const items = n <= 2 ? Array.from({ length: n }, (_, i) => layer(i)) : [layer(0), { module: layer(1), count: n - 2 }, layer(n - 1)];
  return module(`${P}SpeechDecoderPostnet`, {
    children: { feat_out: linear(h, mel * c.int("reduction_factor")), layers: list("ModuleList", ...items) },
  });
}

const ODD_KERNELS = [
  "positionwise_conv_kernel_size", "encoder_kernel_size", "decoder_kernel_size", "duration_predictor_kernel_size",
  "energy_predictor_kernel_size", "energy_embed_kernel_size", "pitch_predictor_kernel_size", "pitch_embed_kernel_size",
];

export const fastspeech2Conformer: TransformersArchitecture = {
  modelType: "fastspeech2_conformer",
  source: "transformers/models/fastspeech2_conformer/modeling_fastspeech2_conformer.py",
  config: {
    modelType: "fastspeech2_conformer",
    defaults: {
      hidden_size: 384, vocab_size: 78, num_mel_bins: 80, encoder_num_attention_heads: 2, encoder_layers: 4, encoder_linear_units: 1536,
      decoder_layers: 4, decoder_num_attention_heads: 2, decoder_linear_units: 1536, speech_decoder_postnet_layers: 5,
      speech_decoder_postnet_units: 256, speech_decoder_postnet_kernel: 5, positionwise_conv_kernel_size: 3,
      encoder_normalize_before: false, decoder_normalize_before: false, encoder_concat_after: false, decoder_concat_after: false,
      reduction_factor: 1, speaking_speed: 1.0, use_macaron_style_in_conformer: true, use_cnn_in_conformer: true,
      encoder_kernel_size: 7, decoder_kernel_size: 31, duration_predictor_layers: 2, duration_predictor_channels: 256,
      duration_predictor_kernel_size: 3, energy_predictor_layers: 2, energy_predictor_channels: 256, energy_predictor_kernel_size: 3,
      energy_predictor_dropout: 0.5, energy_embed_kernel_size: 1, energy_embed_dropout: 0.0, stop_gradient_from_energy_predictor: false,
      pitch_predictor_layers: 5, pitch_predictor_channels: 256, pitch_predictor_kernel_size: 5, pitch_predictor_dropout: 0.5,
      pitch_embed_kernel_size: 1, pitch_embed_dropout: 0.0, stop_gradient_from_pitch_predictor: true, encoder_dropout_rate: 0.2,
      encoder_positional_dropout_rate: 0.2, encoder_attention_dropout_rate: 0.2, decoder_dropout_rate: 0.2,
      decoder_positional_dropout_rate: 0.2, decoder_attention_dropout_rate: 0.2, duration_predictor_dropout_rate: 0.2,
      speech_decoder_postnet_dropout: 0.5, max_source_positions: 5000, use_masking: true, use_weighted_masking: false,
      num_speakers: null, num_languages: null, speaker_embed_dim: null, is_encoder_decoder: true,
      encoder_config: null, decoder_config: null,
    },
    attributeMap: { num_hidden_layers: "encoder_layers", num_attention_heads: "encoder_num_attention_heads" },
    derive: (c) => {
      for (const k of ODD_KERNELS) if (c.int(k) % 2 === 0) throw new InvalidConfigError(`${c.label}: \`${k}\` must be odd`, k);
      // `__init__` builds both dicts from the flat arguments, but a saved config.json carries the dicts themselves,
      // which PretrainedConfig then sets over them: the file's dict wins whole.
      for (const side of ["encoder", "decoder"] as const) {
        c.setDefault(`${side}_config`, {
          num_attention_heads: c.get(`${side}_num_attention_heads`), layers: c.get(`${side}_layers`), kernel_size: c.get(`${side}_kernel_size`),
          linear_units: c.get(`${side}_linear_units`), normalize_before: c.get(`${side}_normalize_before`), concat_after: c.get(`${side}_concat_after`),
        });
      }
    },
  },
  models: {
    AutoModel: (c) => {
      const h = c.positiveInt("hidden_size");
      const languages = c.optionalInt("num_languages");
      const speakers = c.optionalInt("num_speakers");
      const spk = c.optionalInt("speaker_embed_dim");
      const model = module(`${P}Model`, {
        children: {
          language_id_embedding: languages !== undefined && languages > 1 && embedding(languages, h),
          speaker_id_embedding: speakers !== undefined && speakers > 1 && embedding(speakers, h),
          projection: !!spk && linear(h + spk, h),
          encoder: conformer(c, "encoder_config", true),
          duration_predictor: predictor(c, `${P}DurationPredictor`, c.int("duration_predictor_layers"), c.int("duration_predictor_channels"), c.positiveInt("duration_predictor_kernel_size")),
          pitch_predictor: predictor(c, `${P}VariancePredictor`, c.int("pitch_predictor_layers"), c.int("pitch_predictor_channels"), c.positiveInt("pitch_predictor_kernel_size")),
          pitch_embed: varianceEmbedding(h, c.positiveInt("pitch_embed_kernel_size")),
          energy_predictor: predictor(c, `${P}VariancePredictor`, c.int("energy_predictor_layers"), c.int("energy_predictor_channels"), c.positiveInt("energy_predictor_kernel_size")),
          energy_embed: varianceEmbedding(h, c.positiveInt("energy_embed_kernel_size")),
          decoder: conformer(c, "decoder_config", false),
          speech_decoder_postnet: postnet(c),
        },
      });
      return built(model, null);
    },
  },
};
