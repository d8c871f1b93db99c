// transformers/models/seamless_m4t_v2/{configuration,modeling}_seamless_m4t_v2.py (4.47): SeamlessM4T's parts
// (seamless-m4t.ts) with a "relative_key" conformer and a non-autoregressive text-to-unit decoder (character
// embeddings, a duration predictor, convolutional layers instead of cross-attention).
import type { Config } from "../../config/config.js";
import { conv1d, embedding, layerNorm, linear } from "../../modules/blocks.js";
import { module, repeat, type Module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";
import {
  SEAMLESS_M4T_DEFAULTS, seamlessAttention, seamlessEncoder, seamlessModel, sinusoidal, t2uConfig, variancePredictor,
} from "./seamless-m4t.js";

const P = "SeamlessM4Tv2";

function t2uDecoder(t: Config): Module {
  const h = t.positiveInt("hidden_size");
  const maxPositions = t.int("max_position_embeddings");
  const layer = module(`${P}TextToUnitDecoderLayer`, {
    children: {
      self_attn: seamlessAttention(P, t, t.int("decoder_attention_heads")),
      self_attn_layer_norm: layerNorm(h),
      conv1: conv1d(h, h, 7),
      conv2: conv1d(h, h, 7),
      conv_layer_norm: layerNorm(h),
    },
  });
  return module(`${P}TextToUnitDecoder`, {
    params: { pos_emb_alpha_char: [1], pos_emb_alpha: [1] },
    children: {
      embed_tokens: embedding(t.int("vocab_size"), h),
      embed_char: embedding(t.int("char_vocab_size"), h),
      embed_char_positions: sinusoidal(P, maxPositions, h),
      duration_predictor: variancePredictor(P, t, t.int("variance_predictor_embed_dim"), t.int("variance_predictor_hidden_dim"), "variance_predictor_kernel_size"),
      embed_positions: sinusoidal(P, maxPositions, h),
      layers: repeat(layer, t.int("decoder_layers")),
      layer_norm: layerNorm(h),
    },
  });
}

function t2uModel(c: Config): Module {
  const t = t2uConfig(c);
  return module(`${P}TextToUnitForConditionalGeneration`, {
    children: {
      model: module(`${P}TextToUnitModel`, { children: { encoder: seamlessEncoder(P, t, true), decoder: t2uDecoder(t) } }),
      lm_head: linear(t.positiveInt("hidden_size"), t.int("t2u_vocab_size"), false),
    },
  });
}

export const seamlessM4tV2: TransformersArchitecture = {
  modelType: "seamless_m4t_v2",
  source: "transformers/models/seamless_m4t_v2/modeling_seamless_m4t_v2.py",
  config: {
    modelType: "seamless_m4t_v2",
    defaults: {
      ...SEAMLESS_M4T_DEFAULTS, char_vocab_size: 10943, max_position_embeddings: 4096, position_embeddings_type: "relative_key",
      left_max_position_embeddings: 64, right_max_position_embeddings: 8, t2u_max_position_embeddings: 4096,
      t2u_variance_predictor_embed_dim: 1024, t2u_variance_predictor_hidden_dim: 256, t2u_variance_predictor_kernel_size: 3,
    },
  },
  models: {
    AutoModel: (c) =>
      built(seamlessModel(P, c, t2uModel(c), true), [
        `${P}EncoderLayer`, `${P}DecoderLayer`, `${P}ConformerEncoderLayer`, `${P}TextToUnitDecoderLayer`,
      ]),
  },
};
